import type { Payload, PayloadRequest, TypedUser, Where } from 'payload'
import type { I18nClient } from '@payloadcms/translations'
import { isEditor } from '../../access/roles'
import { CATEGORIES } from '../../collections/Resources/options'
import { ActivateButton } from './ActivateButton'
import { ReverificationPanel } from './ReverificationPanel'
import { tr } from './i18n'
import { optionLabel } from './labels'

export type Props = { payload: Payload; user?: TypedUser | null; i18n: I18nClient; searchParams?: Record<string, string | string[] | undefined> }
export type Row = { id: string | number; title?: string; reviewStatus?: string; updatedAt: string; publishAt?: string | null; category?: string; jurisdictions?: unknown[]; owner?: unknown }

export const link = (id: string | number) => `/admin/collections/resources/${id}`
/** A category's label in the panel's language (the row carries the API value). */
const categoryLabel = (value: string | undefined, language: string) =>
  value ? optionLabel('category', value, CATEGORIES.find((c) => c.value === value)?.label ?? value, language) : ''
const nameOf = (value: unknown) => (value && typeof value === 'object' ? ((value as { name?: string; code?: string }).name ?? '') : '')

/** "3 d", "5 h", "12 min": how long a submission has waited. */
function age(since: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - new Date(since).getTime()) / 60_000))
  if (minutes < 60) return `${minutes} min`
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`
  return `${Math.round(minutes / 1440)} d`
}

/** The latest review event of each resource (submit time, the editors' last note). */
export async function latestEvents(payload: Payload, user: TypedUser, ids: (string | number)[], where: Where) {
  if (ids.length === 0) return new Map<string, { at: string; action?: string; note?: string | null }>()
  const { docs } = await payload.find({
    collection: 'review-events',
    where: { and: [{ resource: { in: ids } }, where] },
    sort: '-at',
    limit: 500,
    depth: 0,
    user,
    overrideAccess: false,
  })
  const latest = new Map<string, { at: string; action?: string; note?: string | null }>()
  for (const event of docs) {
    const key = String(typeof event.resource === 'object' ? event.resource.id : event.resource)
    if (!latest.has(key)) latest.set(key, event)
  }
  return latest
}

/**
 * The editors' dashboard panels (admin.components.beforeDashboard): the review queue and the
 * sign-ups to activate. Contributors never see Payload's dashboard: see HomeView.
 */
export async function Dashboard({ payload, user, i18n, searchParams }: Props) {
  if (!user || !isEditor(user as PayloadRequest['user'])) return null
  return (
    <>
      <EditorPanels payload={payload} user={user} i18n={i18n} />
      <ReverificationPanel payload={payload} user={user} i18n={i18n} searchParams={searchParams} />
    </>
  )
}

async function EditorPanels({ payload, user, i18n }: Props & { user: TypedUser }) {
  const t = i18n.t
  const find = (state: string) =>
    payload.find({
      collection: 'resources',
      draft: true,
      where: { reviewStatus: { equals: state } },
      sort: 'updatedAt',
      limit: 50,
      depth: 1,
      user,
      overrideAccess: false,
      locale: i18n.language === 'es' ? 'es' : 'en',
    })
  const [inReview, changes, pending] = await Promise.all([
    find('in_review'),
    find('changes_requested'),
    payload.find({ collection: 'contributors', where: { status: { equals: 'pending' } }, sort: 'createdAt', limit: 50, depth: 1, user, overrideAccess: false }),
  ])
  const submitted = await latestEvents(payload, user, inReview.docs.map((d) => d.id), { action: { equals: 'submit' } })
  // Oldest submission first: by the time of its latest submit, falling back to its last change.
  const since = (doc: Row) => submitted.get(String(doc.id))?.at ?? doc.updatedAt
  const queue = [...(inReview.docs as Row[])].sort((a, b) => since(a).localeCompare(since(b)))

  const table = (rows: Row[], showAge: boolean) => (
    <table className="review-queue__table" style={{ width: '100%', borderCollapse: 'collapse' }}>
      <tbody>
        {rows.map((doc) => (
          <tr key={doc.id} className="review-queue__row" style={{ borderTop: '1px solid var(--theme-elevation-100)' }}>
            <td style={{ padding: '6px 8px' }}>
              <a href={link(doc.id)}>{doc.title || String(doc.id)}</a>
            </td>
            <td style={{ padding: '6px 8px' }}>{(doc.jurisdictions ?? []).map(nameOf).filter(Boolean).join(', ')}</td>
            <td style={{ padding: '6px 8px' }}>{categoryLabel(doc.category, i18n.language)}</td>
            <td style={{ padding: '6px 8px' }}>{nameOf(doc.owner)}</td>
            <td style={{ padding: '6px 8px', whiteSpace: 'nowrap' }}>
              {showAge ? `${age(since(doc))} ${tr(t, 'custom:waiting')}` : age(doc.updatedAt)}
              {doc.publishAt && new Date(doc.publishAt).getTime() > Date.now() ? (
                <div className="review-queue__scheduled" data-at={doc.publishAt}>
                  {tr(t, 'custom:scheduledShort', { when: new Date(doc.publishAt).toLocaleString(i18n.language, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short', timeZone: 'UTC' }) })}
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )

  return (
    <div className="review-dashboard" style={{ display: 'grid', gap: 24, marginBottom: 32 }}>
      <section className="review-queue" id="review-queue">
        <h2>{tr(t, 'custom:reviewQueue')}</h2>
        <h3>
          {tr(t, 'custom:inReview')} <span className="review-queue__count" data-count={inReview.totalDocs}>({inReview.totalDocs})</span>
        </h3>
        {queue.length ? table(queue, true) : <p>{tr(t, 'custom:nothingToReview')}</p>}
        <h3>
          {tr(t, 'custom:changesRequested')} <span className="review-queue__count" data-count={changes.totalDocs}>({changes.totalDocs})</span>
        </h3>
        {changes.docs.length ? table(changes.docs as Row[], false) : null}
      </section>
      <section className="pending-accounts" id="pending-accounts">
        <h2>
          {tr(t, 'custom:pendingAccounts')} ({pending.totalDocs})
        </h2>
        {pending.docs.length === 0 ? (
          <p>{tr(t, 'custom:noPendingAccounts')}</p>
        ) : (
          <ul style={{ display: 'grid', gap: 8, paddingLeft: 18 }}>
            {pending.docs.map((account) => (
              <li key={account.id} style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
                <a href={`/admin/collections/contributors/${account.id}`}>{(account as { name?: string }).name ?? account.email}</a>
                <span>{nameOf((account as { organization?: unknown }).organization)}</span>
                <span>{age(account.createdAt)}</span>
                <ActivateButton id={account.id} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
