'use client'
import { Banner, Button, Drawer, Pill, useModal, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'
import { tr } from './i18n'

/** GET /api/resources/:id/publication-preview (src/workflow/publicationPreview.ts). */
type Row = { field: string; label: string; locale: string | null; publishedText: string; proposedText: string; changed: boolean }
type Preview = { live: boolean; publishedVersion: { id: string | number } | null; locales: { code: string; label: string }[]; rows: Row[] }

const DRAWER = 'publication-preview'

/**
 * What publishing makes public, for the review panel: in the sidebar, the fields that change; in a
 * drawer, every field the public will read, in every language, beside the published version. Hidden
 * in the form (by category, by language) or not, it is all here. `onSeen` fires once the editor
 * has opened the full table for the saved version (the panel enables Publish only then).
 */
export function PublicationPreview({ id, stale, onSeen }: { id: string | number; stale: boolean; onSeen: (seen: boolean) => void }) {
  const { t } = useTranslation()
  const { openModal } = useModal()
  const [preview, setPreview] = useState<Preview | null>()
  const [failed, setFailed] = useState(false)

  const load = useCallback(async () => {
    const res = await fetch(`/api/resources/${id}/publication-preview`, { credentials: 'include' }).catch(() => undefined)
    const body = res?.ok ? ((await res.json()) as Preview) : null
    setFailed(!body)
    setPreview(body)
    return body
  }, [id])

  // Saving changes what would be published: load again, and ask to look again.
  useEffect(() => {
    onSeen(false)
    if (!stale) void load()
  }, [load, stale, onSeen])

  const open = async () => {
    openModal(DRAWER)
    if (await load()) onSeen(true)
  }

  if (failed) return <p className="publication-preview__error">{tr(t, 'custom:previewFailed')}</p>
  if (!preview) return null
  const changed = preview.rows.filter((row) => row.changed)
  const localeLabel = (code: string | null) => (code === null ? tr(t, 'custom:allLanguages') : (preview.locales.find((l) => l.code === code)?.label ?? code))
  const shown = preview.rows.filter((row) => row.publishedText || row.proposedText)

  return (
    <div className="publication-preview">
      <h5 style={{ margin: '4px 0' }}>{tr(t, 'custom:previewTitle')}</h5>
      {changed.length === 0 ? (
        <p style={{ fontSize: 13, margin: 0 }}>{tr(t, 'custom:previewNoChanges')}</p>
      ) : (
        <ul className="publication-preview__changes" style={{ margin: '0 0 8px', paddingLeft: 18, fontSize: 13 }}>
          {changed.map((row) => (
            <li key={`${row.field}/${row.locale}`} data-field={row.field} data-locale={row.locale ?? ''}>
              {row.label} · {localeLabel(row.locale)}
            </li>
          ))}
        </ul>
      )}
      <Button id="workflow-preview" buttonStyle="secondary" size="small" margin={false} disabled={stale} onClick={() => void open()}>
        {tr(t, 'custom:previewOpen')}
      </Button>
      <Drawer slug={DRAWER} title={tr(t, 'custom:previewTitle')} className="publication-preview__drawer">
        {!preview.live && !preview.publishedVersion ? <Banner type="info">{tr(t, 'custom:previewNeverPublished')}</Banner> : null}
        {preview.publishedVersion && !preview.live ? <Banner type="info">{tr(t, 'custom:previewNotLive')}</Banner> : null}
        <table className="publication-preview__table">
          <thead>
            <tr>
              <th>{tr(t, 'custom:previewField')}</th>
              <th>{tr(t, 'custom:previewLanguage')}</th>
              <th>{tr(t, 'custom:previewPublished')}</th>
              <th>{tr(t, 'custom:previewProposed')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr
                key={`${row.field}/${row.locale}`}
                data-field={row.field}
                data-locale={row.locale ?? ''}
                className={row.changed ? 'publication-preview__row--changed' : undefined}
              >
                <td>
                  {row.label}
                  {row.changed ? (
                    <div>
                      <Pill size="small" pillStyle="warning">{tr(t, 'custom:previewChanged')}</Pill>
                    </div>
                  ) : null}
                </td>
                <td>{localeLabel(row.locale)}</td>
                <td className="publication-preview__published">{row.publishedText || '—'}</td>
                <td className="publication-preview__proposed">{row.proposedText || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p style={{ fontSize: 13 }}>{tr(t, 'custom:previewEmptyFields', { count: preview.rows.length - shown.length })}</p>
      </Drawer>
    </div>
  )
}
