import { withTransientRetry } from '../db/transientRetry'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest, type Where } from 'payload'
import { queueEmail } from '../email/outbox'
import { DIGEST_HOUR, DIGEST_TIME_ZONE, type Frequency, UNCONFIRMED_TTL_MS } from './options'

type Id = string | number
export type SubscriptionDoc = {
  id: Id
  email: string
  jurisdictions?: Id[] | null
  categories?: string[] | null
  frequency: Frequency
  language: 'en' | 'es'
  confirmedAt?: string | null
  alertedThrough?: string | null
  createdAt: string
}
export type AlertItem = { id: Id; title: string; slug?: string | null; category: string; publishedAt?: string | null; updatedAt: string; supersedes?: Id[] | null; lapsed?: boolean }

/** How far behind the present an immediate window ends. */
const SETTLE_MS = 60_000

const zoned = new Intl.DateTimeFormat('en-US', { timeZone: DIGEST_TIME_ZONE, hour: 'numeric', hourCycle: 'h23', weekday: 'short' })

/** The latest digest moment at or before `now`: DIGEST_HOUR local time (weekly: on a Monday). */
export function lastDigestMoment(frequency: 'daily' | 'weekly', now: Date): Date {
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000)
  for (let back = 0; back < 24 * 8 + 2; back++) {
    const at = new Date(hour.getTime() - back * 3_600_000)
    const parts = Object.fromEntries(zoned.formatToParts(at).map((p) => [p.type, p.value]))
    if (Number(parts.hour) === DIGEST_HOUR && (frequency === 'daily' || parts.weekday === 'Mon')) return at
  }
  throw new Error('no digest moment found')
}

/**
 * The jurisdictions a subscription covers: each one named and every county and city within it
 * (codes under it: US-NY covers US-NY-KINGS). "US" is the federal level alone, not every state.
 */
async function coveredJurisdictions(payload: Payload, ids: Id[]): Promise<Id[]> {
  const { docs: named } = await payload.find({ collection: 'jurisdictions', where: { id: { in: ids } }, pagination: false, depth: 0, overrideAccess: true, select: { code: true } })
  const codes = named.map((d) => (d as { code: string }).code)
  const covered = new Set<Id>(named.map((d) => d.id))
  const states = codes.filter((code) => code !== 'US')
  if (states.length) {
    const { docs } = await payload.find({
      collection: 'jurisdictions',
      where: { or: states.map((code) => ({ code: { like: `${code}-` } })) },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { code: true },
    })
    for (const doc of docs) if (states.some((code) => (doc as { code: string }).code.startsWith(`${code}-`))) covered.add(doc.id)
  }
  return [...covered]
}

/**
 * What a subscriber is told about for (from, to]: resources the public can read now (the
 * public's own access rules: anonymous Local API read) that were published or republished in
 * that window, in the subscribed jurisdictions and categories.
 */
export async function matchingItems(payload: Payload, subscription: SubscriptionDoc, from: Date, to: Date): Promise<AlertItem[]> {
  const inWindow: Where[] = [{ updatedAt: { greater_than: from.toISOString() } }, { updatedAt: { less_than_equal: to.toISOString() } }]
  const followed: Where[] = []
  if (subscription.jurisdictions?.length) followed.push({ jurisdictions: { in: await coveredJurisdictions(payload, subscription.jurisdictions) } })
  if (subscription.categories?.length) followed.push({ category: { in: subscription.categories } })
  const find = (where: Where, limit = 100) =>
    payload.find({
      collection: 'resources',
      where,
      sort: 'updatedAt',
      limit,
      depth: 0,
      locale: subscription.language,
      overrideAccess: false,
      select: { title: true, slug: true, category: true, publishedAt: true, updatedAt: true, supersedes: true },
    })
  const items = (await find({ and: [...inWindow, ...followed] })).docs as unknown as AlertItem[]
  // Verification lapses: a legal sign-off whose review date passed in the window (src/verification/).
  const lapsedWhere: Where[] = [
    { 'verification.verifiedAt': { not_equals: null } },
    { 'verification.reviewBy': { greater_than: from.toISOString() } },
    { 'verification.reviewBy': { less_than_equal: to.toISOString() } },
    { 'verification.status': { not_equals: 'superseded' } },
  ]
  for (const lapsed of (await find({ and: [...lapsedWhere, ...followed] })).docs as unknown as AlertItem[]) {
    const known = items.find((i) => String(i.id) === String(lapsed.id))
    if (known) known.lapsed = true
    else items.push({ ...lapsed, lapsed: true })
  }
  if (!followed.length) return items
  // A supersession reaches the people who followed the item it replaces, wherever the new one applies.
  const replacing = (await find({ and: [...inWindow, { supersedes: { exists: true } }] })).docs as unknown as AlertItem[]
  const candidates = replacing.filter((item) => item.supersedes?.length && !items.some((i) => String(i.id) === String(item.id)))
  if (!candidates.length) return items
  const replacedIds = candidates.flatMap((item) => item.supersedes ?? [])
  const followedReplaced = new Set((await find({ and: [{ id: { in: replacedIds } }, ...followed] }, replacedIds.length)).docs.map((d) => String(d.id)))
  return [...items, ...candidates.filter((item) => item.supersedes!.some((id) => followedReplaced.has(String(id))))]
}

/** The end of the window a subscription is due for now, or undefined when it is not due. */
function dueWindow(subscription: SubscriptionDoc, now: Date): { from: Date; to: Date } | undefined {
  const from = new Date(subscription.alertedThrough ?? subscription.confirmedAt!)
  // Immediate: up to a minute ago, so that a publish whose transaction began before this run and
  // commits after it (its updatedAt is earlier than its commit) still falls in the next window.
  const to = subscription.frequency === 'immediate' ? new Date(now.getTime() - SETTLE_MS) : lastDigestMoment(subscription.frequency, now)
  return to > from ? { from, to } : undefined
}

/** One alert email and the subscription's new high-water mark, in one transaction: a retried run never sends a window twice. */
async function queueAlert(payload: Payload, subscription: SubscriptionDoc, window: { from: Date; to: Date }) {
  await withTransientRetry(async () => {
    const req = (await createLocalReq({ context: { skipAudit: true } }, payload)) as PayloadRequest
    const owner = await initTransaction(req)
    try {
      await queueEmail(req, { template: 'alert', subscription: String(subscription.id), from: window.from.toISOString(), to: window.to.toISOString() })
      await payload.update({ collection: 'subscriptions', id: subscription.id, data: { alertedThrough: window.to.toISOString() } as never, overrideAccess: true, depth: 0, req, context: { skipAudit: true } })
      if (owner) await commitTransaction(req)
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  })
}

/**
 * The alerts job: deletes unconfirmed subscriptions older than 7 days, then gives every
 * confirmed subscription that is due (immediate: every run; daily and weekly: once the digest
 * hour has passed) one email for everything that matched since its last one. Emails go through
 * the outbox (sendEmail jobs): a mail outage delays them, loses none, and doubles none.
 */
export async function sendDueAlerts(payload: Payload, now = new Date()): Promise<{ queued: number; pruned: number }> {
  const pruned = await payload.delete({
    collection: 'subscriptions',
    where: { and: [{ confirmedAt: { exists: false } }, { createdAt: { less_than: new Date(now.getTime() - UNCONFIRMED_TTL_MS).toISOString() } }] },
    overrideAccess: true,
    depth: 0,
    context: { skipAudit: true },
  })
  let queued = 0
  for (let page = 1; ; page++) {
    const result = await payload.find({ collection: 'subscriptions', where: { confirmedAt: { exists: true } }, sort: 'createdAt', page, limit: 200, depth: 0, overrideAccess: true, context: { skipAudit: true } })
    for (const subscription of result.docs as unknown as SubscriptionDoc[]) {
      const window = dueWindow(subscription, now)
      if (!window) continue
      if (!(await matchingItems(payload, subscription, window.from, window.to)).length) continue
      await queueAlert(payload, subscription, window)
      queued++
    }
    if (!result.hasNextPage) break
  }
  return { queued, pruned: pruned.docs.length }
}
