import type { Payload, TypedUser, Where } from 'payload'
import type { I18nClient } from '@payloadcms/translations'
import { tr } from './i18n'
import type { CustomKey } from './translations'

type Props = { payload: Payload; user: TypedUser; i18n: I18nClient; searchParams?: Record<string, string | string[] | undefined> }
type Entry = { id: string | number; reason: string; reviewBy?: string | null; queuedAt: string; resource?: { id: string | number; title?: string } | string | number; jurisdictions?: { name?: string; code?: string }[] }

const PARAM = 'reverifyRegion'
const regionOf = (searchParams: Props['searchParams']) => {
  const value = searchParams?.[PARAM]
  const code = (Array.isArray(value) ? value[0] : value)?.toUpperCase()
  return code && /^US(-[A-Z0-9]+)*$/.test(code) ? code : undefined
}

/**
 * The re-verification queue on the dashboard (editors and legal reviewers): published items whose
 * sign-off is due or overdue, or that link to a superseded item (src/verification/queue.ts),
 * most urgent first, filterable by region (`?reverifyRegion=US-NY`: the state and the counties
 * and cities within it). Read with the viewer's own access.
 */
export async function ReverificationPanel({ payload, user, i18n, searchParams }: Props) {
  const t = i18n.t
  const region = regionOf(searchParams)
  const locale = i18n.language === 'es' ? 'es' : 'en'
  const states = await payload.find({ collection: 'jurisdictions', where: { type: { in: ['federal', 'state', 'territory', 'district'] } }, sort: 'name', pagination: false, depth: 0, select: { code: true, name: true }, user, overrideAccess: false, locale })
  let where: Where | undefined = {}
  if (region) {
    const places = await payload.find({ collection: 'jurisdictions', where: { or: [{ code: { equals: region } }, { code: { like: `${region}-` } }] }, pagination: false, depth: 0, select: { code: true }, user, overrideAccess: false })
    const ids = places.docs.filter((p) => p.code === region || p.code.startsWith(`${region}-`)).map((p) => p.id)
    where = ids.length ? { jurisdictions: { in: ids } } : undefined
  }
  const queue = where
    ? await payload.find({ collection: 'reverifications', where, sort: 'reviewBy', limit: 100, depth: 1, user, overrideAccess: false, locale })
    : { docs: [], totalDocs: 0 }
  const entries = queue.docs as unknown as Entry[]
  const titleOf = (resource: Entry['resource']) => (resource && typeof resource === 'object' ? (resource.title ?? String(resource.id)) : String(resource))
  const idOf = (resource: Entry['resource']) => (resource && typeof resource === 'object' ? resource.id : resource)

  return (
    <section className="reverify-queue" id="reverify-queue" style={{ marginBottom: 32 }}>
      <h2>
        {tr(t, 'custom:reverifyTitle')} <span className="reverify-queue__count" data-count={queue.totalDocs}>({queue.totalDocs})</span>
      </h2>
      <p>{tr(t, 'custom:reverifyIntro')}</p>
      <form method="get" style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 12 }}>
        <label htmlFor="reverify-region">{tr(t, 'custom:reverifyRegion')}</label>
        <select id="reverify-region" name={PARAM} defaultValue={region ?? ''}>
          <option value="">{tr(t, 'custom:reverifyAllRegions')}</option>
          {states.docs.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn--style-secondary btn--size-small">
          OK
        </button>
      </form>
      {entries.length === 0 ? (
        <p>{tr(t, 'custom:reverifyEmpty')}</p>
      ) : (
        <table className="reverify-queue__table" style={{ width: '100%', borderCollapse: 'collapse' }}>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} className="reverify-queue__row" data-reason={entry.reason} style={{ borderTop: '1px solid var(--theme-elevation-100)' }}>
                <td style={{ padding: '6px 8px' }}>
                  <a href={`/admin/collections/resources/${idOf(entry.resource)}`}>{titleOf(entry.resource)}</a>
                </td>
                <td style={{ padding: '6px 8px' }}>{(entry.jurisdictions ?? []).map((j) => j.name ?? j.code).filter(Boolean).join(', ')}</td>
                <td style={{ padding: '6px 8px' }}>{tr(t, `custom:reverifyReason.${entry.reason}` as CustomKey)}</td>
                <td style={{ padding: '6px 8px', whiteSpace: 'nowrap' }}>{entry.reviewBy ? new Date(entry.reviewBy).toLocaleDateString(i18n.language) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
