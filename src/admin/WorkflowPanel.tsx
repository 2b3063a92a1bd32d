'use client'
import { Button, toast, useDocumentInfo, useFormModified, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'
import { PublicationPreview } from './PublicationPreview'
import { StatusBadge } from './StatusBadge'
import { tr } from './i18n'
import type { CustomKey } from './translations'

type WorkflowState = {
  reviewStatus: string
  live: boolean
  actions: string[]
  checklist: Record<string, string>
  publishAt?: string | null
  /** The caller as a legal reviewer covering this resource (src/verification/signOff.ts). */
  legalReview?: { reviewer: boolean; mayVerify: boolean }
  verification?: { status: string; verifiedAt: string | null; reviewBy: string | null }
}
type ReviewEvent = { id: string | number; action: string; from: string; to: string; note?: string | null; at: string; by?: { name?: string } | string | number | null }
type Version = { id: string | number }

const api = '/api/resources'
const getJson = async <T,>(url: string): Promise<T | undefined> => {
  const res = await fetch(url, { credentials: 'include' })
  return res.ok ? ((await res.json()) as T) : undefined
}

/**
 * The review workflow on a resource (a sidebar `ui` field): the actions the signed-in person may
 * take now (from GET /api/resources/:id/workflow), the note, the pre-publication checklist, what
 * publishing would make public (every field and language, PublicationPreview), the transition
 * history and a link to Payload's diff against the published version.
 */
export function WorkflowPanel() {
  const { id } = useDocumentInfo()
  const modified = useFormModified()
  const { t, i18n } = useTranslation()
  const [state, setState] = useState<WorkflowState>()
  const [events, setEvents] = useState<ReviewEvent[]>([])
  const [compareHref, setCompareHref] = useState<string>()
  const [note, setNote] = useState('')
  const [checked, setChecked] = useState<Record<string, boolean>>({})
  const [busy, setBusy] = useState(false)
  // Publish is enabled once the editor has looked at everything it makes public (PublicationPreview).
  const [previewSeen, setPreviewSeen] = useState(false)
  // Publish later: a local date and time in the browser's time zone, sent as an instant (publishAt).
  const [publishLater, setPublishLater] = useState('')
  // Legal reviewers: keep the sign-off over a typo fix (honoured for them only), and the verify action.
  const [keepVerification, setKeepVerification] = useState(false)
  const [verifyNote, setVerifyNote] = useState('')
  const [verifyBy, setVerifyBy] = useState('')

  const load = useCallback(async () => {
    if (id === undefined || id === null) return
    const [workflow, history, latest, published] = await Promise.all([
      getJson<WorkflowState>(`${api}/${id}/workflow`),
      getJson<{ docs: ReviewEvent[] }>(`/api/review-events?where[resource][equals]=${id}&sort=-at&limit=50&depth=1`),
      getJson<{ docs: Version[] }>(`${api}/versions?where[parent][equals]=${id}&sort=-updatedAt&limit=1&depth=0`),
      getJson<{ docs: Version[] }>(
        `${api}/versions?where[parent][equals]=${id}&where[version._status][equals]=published&sort=-updatedAt&limit=1&depth=0`,
      ),
    ])
    setState(workflow)
    setEvents(history?.docs ?? [])
    const to = latest?.docs[0]?.id
    const from = published?.docs[0]?.id
    setCompareHref(to !== undefined && from !== undefined && to !== from ? `/admin/collections/resources/${id}/versions/${to}?versionFrom=${from}` : undefined)
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  if (id === undefined || id === null) return <p className="workflow-panel__hint">{tr(t, 'custom:saveToStart')}</p>
  if (!state) return null

  const act = async (action: string) => {
    setBusy(true)
    try {
      const body: Record<string, unknown> = { action }
      if (note.trim()) body.note = note.trim()
      if (action === 'publish') body.checklist = checked
      if (action === 'publish' && publishLater) body.publishAt = new Date(publishLater).toISOString()
      if (action === 'publish' && keepVerification && state.legalReview?.reviewer) body.keepVerification = true
      if (action === 'verify') {
        delete body.action
        delete body.note
        if (verifyNote.trim()) body.note = verifyNote.trim()
        if (verifyBy) body.reviewBy = new Date(`${verifyBy}T12:00:00Z`).toISOString()
      }
      const res = await fetch(`${api}/${id}/${action === 'verify' ? 'verify' : 'workflow'}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      const answer = (await res.json().catch(() => ({}))) as { errors?: { message: string }[] }
      if (!res.ok) {
        toast.error(answer.errors?.map((e) => e.message).join(' ') || res.statusText)
        return
      }
      // The form holds the old state and version: reload the document view.
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  const checklistDone = Object.keys(state.checklist).every((key) => checked[key])
  const when = (at: string) => new Date(at).toLocaleString(i18n.language)
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  // Intl refuses dateStyle/timeStyle together with timeZoneName: the parts are spelled out.
  const whenWithZone = (at: string) => new Date(at).toLocaleString(i18n.language, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'long' })
  const scheduled = state.publishAt
  const isScheduled = Boolean(scheduled) && new Date(String(scheduled)).getTime() > Date.now()
  // null: the account was deleted (the event stays); a bare id: an account the reader may not see.
  const who = (by: ReviewEvent['by']) => (by === null ? tr(t, 'custom:deletedAccount') : by && typeof by === 'object' ? by.name : undefined)

  return (
    <div className="workflow-panel" style={{ display: 'grid', gap: 12, marginBottom: 24 }}>
      <h4 style={{ margin: 0 }}>{tr(t, 'custom:review')}</h4>
      <div className="workflow-panel__state">
        {tr(t, 'custom:state')}: <StatusBadge state={state.reviewStatus} />
        {state.live && state.reviewStatus !== 'published' ? <div style={{ fontSize: 12 }}>{tr(t, 'custom:live')}</div> : null}
      </div>
      {isScheduled ? (
        <p className="workflow-panel__scheduled" data-at={String(scheduled)} style={{ margin: 0 }}>
          {tr(t, 'custom:scheduledFor', { when: whenWithZone(String(scheduled)) })}
        </p>
      ) : null}
      <PublicationPreview id={id} stale={modified} onSeen={setPreviewSeen} />
      {state.actions.length > 0 && (
        <>
          {modified ? <p className="workflow-panel__hint">{tr(t, 'custom:saveFirst')}</p> : null}
          {state.actions.some((a) => a === 'request_changes' || a === 'publish' || a === 'archive' || a === 'withdraw' || a === 'submit') && (
            <label style={{ display: 'grid', gap: 4 }}>
              <span>{tr(t, 'custom:note')}</span>
              <textarea
                name="workflow-note"
                rows={3}
                maxLength={5000}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                style={{ width: '100%' }}
              />
              <small>{tr(t, state.actions.includes('request_changes') ? 'custom:noteHelp' : 'custom:noteHelpSubmitter')}</small>
            </label>
          )}
          {state.actions.includes('publish') && !previewSeen ? <p className="workflow-panel__hint">{tr(t, 'custom:previewSeeFirst')}</p> : null}
          {state.actions.includes('publish') && (
            <fieldset className="workflow-panel__checklist" style={{ display: 'grid', gap: 6 }}>
              <legend>{tr(t, 'custom:checklist')}</legend>
              {Object.keys(state.checklist).map((key) => (
                <label key={key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <input
                    type="checkbox"
                    name={`checklist-${key}`}
                    checked={Boolean(checked[key])}
                    onChange={(e) => setChecked({ ...checked, [key]: e.target.checked })}
                  />
                  <span>{tr(t, `custom:${key}` as CustomKey)}</span>
                </label>
              ))}
            </fieldset>
          )}
          {state.actions.includes('publish') && state.legalReview?.reviewer && state.verification?.verifiedAt ? (
            <label className="workflow-panel__keep-verification" style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
              <input type="checkbox" name="workflow-keep-verification" checked={keepVerification} onChange={(e) => setKeepVerification(e.target.checked)} />
              <span>{tr(t, 'custom:keepVerification')}</span>
            </label>
          ) : null}
          {state.actions.includes('publish') && (
            <label className="workflow-panel__schedule" style={{ display: 'grid', gap: 4 }}>
              <span>{tr(t, 'custom:publishLater')}</span>
              <input type="datetime-local" name="workflow-publish-at" value={publishLater} onChange={(e) => setPublishLater(e.target.value)} />
              <small>{tr(t, 'custom:publishLaterHelp', { timeZone })}</small>
            </label>
          )}
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {state.actions.map((action) => (
              <Button
                key={action}
                buttonStyle={action === 'publish' || action === 'submit' ? 'primary' : 'secondary'}
                size="small"
                margin={false}
                id={`workflow-${action}`}
                disabled={
                  busy ||
                  modified ||
                  (action === 'publish' && (!checklistDone || !previewSeen)) ||
                  (action === 'request_changes' && !note.trim())
                }
                onClick={() => void act(action)}
              >
                {tr(t, action === 'publish' && publishLater ? 'custom:schedulePublish' : (`custom:action.${action}` as CustomKey))}
              </Button>
            ))}
          </div>
        </>
      )}
      <VerificationSection
        verification={state.verification}
        mayVerify={Boolean(state.legalReview?.mayVerify)}
        busy={busy || modified}
        note={verifyNote}
        setNote={setVerifyNote}
        reviewBy={verifyBy}
        setReviewBy={setVerifyBy}
        onVerify={() => void act('verify')}
        when={(at) => new Date(at).toLocaleDateString(i18n.language)}
      />
      <div style={{ display: 'flex', gap: 12, fontSize: 13 }}>
        {compareHref ? <a href={compareHref}>{tr(t, 'custom:compare')}</a> : null}
        <a href={`/admin/collections/resources/${id}/versions`}>{tr(t, 'custom:versions')}</a>
      </div>
      <div>
        <h5 style={{ margin: '8px 0' }}>{tr(t, 'custom:history')}</h5>
        {events.length === 0 ? (
          <p style={{ fontSize: 13 }}>{tr(t, 'custom:noHistory')}</p>
        ) : (
          <ol className="workflow-history" style={{ margin: 0, paddingLeft: 18, display: 'grid', gap: 8, fontSize: 13 }}>
            {events.map((event) => (
              <li key={event.id} data-action={event.action}>
                <strong>{tr(t, `custom:action.${event.action}` as CustomKey)}</strong> · {when(event.at)}
                {who(event.by) ? ` · ${who(event.by)}` : ''}
                <div>
                  <StatusBadge state={event.from} /> → <StatusBadge state={event.to} />
                </div>
                {event.note ? <blockquote className="workflow-history__note" style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{event.note}</blockquote> : null}
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  )
}

type VerificationProps = {
  verification?: WorkflowState['verification']
  mayVerify: boolean
  busy: boolean
  note: string
  setNote: (value: string) => void
  reviewBy: string
  setReviewBy: (value: string) => void
  onVerify: () => void
  when: (at: string) => string
}

/** The legal sign-off of the published version, and the verify action for a legal reviewer covering the resource. */
function VerificationSection({ verification, mayVerify, busy, note, setNote, reviewBy, setReviewBy, onVerify, when }: VerificationProps) {
  const { t } = useTranslation()
  if (!verification) return null
  return (
    <div className="workflow-panel__verification" data-status={verification.status} style={{ display: 'grid', gap: 6 }}>
      <h5 style={{ margin: '8px 0 0' }}>{tr(t, 'custom:verification')}</h5>
      <div>{tr(t, `custom:verificationStatus.${verification.status}` as CustomKey)}</div>
      {verification.verifiedAt && verification.reviewBy ? (
        <small>{tr(t, 'custom:verifiedUntil', { at: when(verification.verifiedAt), by: when(verification.reviewBy) })}</small>
      ) : null}
      {mayVerify ? (
        <>
          <textarea name="verify-note" rows={2} maxLength={5000} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: '100%' }} />
          <label style={{ display: 'grid', gap: 4 }}>
            <span>{tr(t, 'custom:verifyReviewBy')}</span>
            <input type="date" name="verify-review-by" value={reviewBy} onChange={(e) => setReviewBy(e.target.value)} />
            <small>{tr(t, 'custom:verifyReviewByHelp')}</small>
          </label>
          <Button buttonStyle="secondary" size="small" margin={false} id="workflow-verify" disabled={busy} onClick={onVerify}>
            {tr(t, 'custom:verifyAction')}
          </Button>
        </>
      ) : null}
    </div>
  )
}

/** Takes the place of Payload's Publish and Unpublish buttons: publishing goes through the review panel. */
export function NoPublishButton() {
  return null
}
