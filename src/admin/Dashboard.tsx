import type { Payload, PayloadRequest, TypedUser, Where } from 'payload'
import type { I18nClient } from '@payloadcms/translations'
import { isEditor } from '../../access/roles'
import { ActivateButton } from './ActivateButton'
import { ReverificationPanel } from './ReverificationPanel'
import { tr } from './i18n'
import { ReviewQueue, age, type ReviewQueueProps } from './ReviewQueue'

export type Props = { payload: Payload; user?: TypedUser | null; i18n: I18nClient; searchParams?: ReviewQueueProps['searchParams'] }
export type Row = { id: string | number; title?: string; reviewStatus?: string; updatedAt: string; publishAt?: string | null; category?: string; jurisdictions?: unknown[]; owner?: unknown }

export const link = (id: string | number) => `/admin/collections/resources/${id}`
const nameOf = (value: unknown) => (value && typeof value === 'object' ? ((value as { name?: string; code?: string }).name ?? '') : '')

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
 * The editors' dashboard panels (admin.components.beforeDashboard), one per file where they grow:
 * the review queue (ReviewQueue.tsx) and the sign-ups to activate. Contributors never see
 * Payload's dashboard: see HomeView.
 */
export async function Dashboard({ payload, user, i18n, searchParams }: Props) {
  if (!user || !isEditor(user as PayloadRequest['user'])) return null
  return (
    <>
      <EditorPanels payload={payload} user={user} i18n={i18n} searchParams={searchParams} />
      <ReverificationPanel payload={payload} user={user} i18n={i18n} searchParams={searchParams} />
    </>
  )
}

async function EditorPanels({ payload, user, i18n, searchParams }: Props & { user: TypedUser }) {
  const t = i18n.t
  const pending = await payload.find({ collection: 'contributors', where: { status: { equals: 'pending' } }, sort: 'createdAt', limit: 50, depth: 1, user, overrideAccess: false })

  return (
    <div className="review-dashboard" style={{ display: 'grid', gap: 24, marginBottom: 32 }}>
      <ReviewQueue payload={payload} user={user} i18n={i18n} searchParams={searchParams} />
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
