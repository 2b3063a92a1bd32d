/**
 * The re-verification queue (collections/Reverifications.ts) and the legal reviewers' digest:
 * - `sweepVerifications` (the daily job): published resources whose sign-off became due or
 *   overdue go on the queue; then each legal reviewer gets ONE email listing the queued items
 *   within their jurisdictions not yet told of. Emails and the "told" marks commit together, so
 *   a retried run sends nothing twice (the outbox retries a failed delivery).
 * - `queueSupersessionFollowUp` (publishing): a job that puts every published item linking to
 *   a resource the new one supersedes on the queue.
 */
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest, type TaskConfig, type Where } from 'payload'
import { firstOutside, heldJurisdictions } from '../../access/withinJurisdictions'
import { supersededIds } from '../../collections/Resources/hooks/reportSuperseded'
import { deliverNow, queueEmail } from '../email/outbox'
import { verificationClock } from './clock'
import { whereForStatus } from './status'
import { namesDocument } from '../../fields/richTextReferences'

type Id = string | number
type QueueEntry = { id: Id; resource: Id; reason: string; jurisdictions?: Id[] | null; notifiedAt?: string | null }
const PUBLISHED: Where = { _status: { equals: 'published' } }
const PAGE = 200

const idOf = (value: unknown): Id => (value && typeof value === 'object' ? (value as { id: Id }).id : (value as Id))
const idsOf = (values: unknown): Id[] => (Array.isArray(values) ? values.map(idOf) : [])

async function inTransaction<T>(payload: Payload, work: (req: PayloadRequest) => Promise<T>): Promise<T> {
  const req = (await createLocalReq({}, payload)) as PayloadRequest
  const owner = await initTransaction(req)
  try {
    const result = await work(req)
    if (owner) await commitTransaction(req)
    return result
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

/** Puts due and overdue published resources on the queue (a due item that became overdue is queued anew). */
async function queueLapsed(req: PayloadRequest, now: Date): Promise<number> {
  const superseded = [...(await supersededIds(req))]
  let queued = 0
  for (const reason of ['due', 'overdue'] as const) {
    for (let page = 1; ; page++) {
      const result = await req.payload.find({
        collection: 'resources',
        where: { and: [PUBLISHED, whereForStatus(reason, now, superseded)] },
        select: { jurisdictions: true, verification: true },
        draft: false,
        depth: 0,
        page,
        limit: PAGE,
        sort: 'createdAt',
        overrideAccess: true,
        req,
      })
      for (const doc of result.docs as unknown as { id: Id; jurisdictions?: unknown[]; verification?: { reviewBy?: string } }[]) {
        const open = await req.payload.find({ collection: 'reverifications', where: { and: [{ resource: { equals: doc.id } }, { reason: { in: ['due', 'overdue'] } }] }, depth: 0, limit: 1, overrideAccess: true, req })
        const entry = open.docs[0] as unknown as QueueEntry | undefined
        if (entry?.reason === reason) continue
        const data = { resource: doc.id, reason, jurisdictions: idsOf(doc.jurisdictions), reviewBy: doc.verification?.reviewBy ?? null, queuedAt: now.toISOString(), notifiedAt: null }
        if (entry) await req.payload.update({ collection: 'reverifications', id: entry.id, data: data as never, overrideAccess: true, depth: 0, req })
        else await req.payload.create({ collection: 'reverifications', data: data as never, overrideAccess: true, depth: 0, req })
        queued++
      }
      if (!result.hasNextPage) break
    }
  }
  return queued
}

/** Whether a reviewer's jurisdictions cover a queued item (none held: everywhere). */
export async function reviewerCovers(req: PayloadRequest, reviewer: unknown, entry: { jurisdictions?: unknown }): Promise<boolean> {
  const held = heldJurisdictions(reviewer)
  if (held.length === 0) return true
  const named = idsOf(entry.jurisdictions)
  return named.length > 0 && !(await firstOutside(req, held, named))
}

/** Active legal reviewers, with their jurisdictions. */
export async function legalReviewers(req: PayloadRequest): Promise<Record<string, unknown>[]> {
  const { docs } = await req.payload.find({
    collection: 'contributors',
    where: { and: [{ legalReviewer: { equals: true } }, { status: { equals: 'active' } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs as unknown as Record<string, unknown>[]
}

/** One digest email per legal reviewer with something new in their jurisdictions; marks what was told. */
async function queueDigests(req: PayloadRequest, now: Date): Promise<(string | number)[]> {
  const { docs } = await req.payload.find({ collection: 'reverifications', where: { notifiedAt: { equals: null } }, depth: 0, pagination: false, overrideAccess: true, req })
  const fresh = docs as unknown as QueueEntry[]
  if (!fresh.length) return []
  const at = now.toISOString()
  const jobs: (string | number)[] = []
  for (const reviewer of await legalReviewers(req)) {
    let covers = false
    for (const entry of fresh) if ((covers = await reviewerCovers(req, reviewer, entry))) break
    if (covers) jobs.push(await queueEmail(req, { template: 'reverification', recipient: String(reviewer.id), at }))
  }
  await req.payload.update({ collection: 'reverifications', where: { id: { in: fresh.map((e) => e.id) } }, data: { notifiedAt: at } as never, overrideAccess: true, depth: 0, req })
  return jobs
}

/** The daily job's work at `now` (the verification clock by default). */
export async function sweepVerifications(payload: Payload, now = verificationClock.now()): Promise<{ queued: number; emails: number }> {
  const queued = await inTransaction(payload, (req) => queueLapsed(req, now))
  const jobs = await inTransaction(payload, (req) => queueDigests(req, now))
  await deliverNow(payload, jobs)
  return { queued, emails: jobs.length }
}

export const verificationSweepTask: TaskConfig<{ input: object; output: { queued: number; emails: number } }> = {
  slug: 'verificationSweep',
  label: 'Queue lapsed sign-offs and email the legal reviewers',
  retries: 3,
  // Daily, 06:00 UTC (before the working day in every US time zone).
  schedule: [{ cron: '0 0 6 * * *', queue: 'default' }],
  outputSchema: [
    { name: 'queued', type: 'number' },
    { name: 'emails', type: 'number' },
  ],
  handler: async ({ req }) => ({ output: await sweepVerifications(req.payload) }),
}

/** The queue entries for published items linking to resources `resource` supersedes. */
async function queueLinkingItems(req: PayloadRequest, resource: Id, now: Date): Promise<number> {
  const successor = (await req.payload.findByID({ collection: 'resources', id: resource, draft: false, depth: 0, overrideAccess: true, disableErrors: true, req })) as { _status?: string; supersedes?: unknown[] } | null
  if (successor?._status !== 'published') return 0
  let queued = 0
  for (const older of idsOf(successor.supersedes)) {
    for (let page = 1; ; page++) {
      const result = await req.payload.find({
        collection: 'resources',
        where: { and: [PUBLISHED, { id: { not_in: [resource, older] } }] },
        select: { body: true, jurisdictions: true, verification: true },
        locale: 'all',
        draft: false,
        depth: 0,
        page,
        limit: PAGE,
        sort: 'createdAt',
        overrideAccess: true,
        req,
      })
      for (const doc of result.docs as unknown as { id: Id; body?: unknown; jurisdictions?: unknown[]; verification?: { reviewBy?: string } }[]) {
        if (!namesDocument(doc.body, 'resources', older)) continue
        const existing = await req.payload.count({ collection: 'reverifications', where: { and: [{ resource: { equals: doc.id } }, { supersededItem: { equals: older } }] }, overrideAccess: true, req })
        if (existing.totalDocs) continue
        await req.payload.create({
          collection: 'reverifications',
          data: { resource: doc.id, reason: 'superseded-link', supersededItem: older, jurisdictions: idsOf(doc.jurisdictions), reviewBy: doc.verification?.reviewBy ?? null, queuedAt: now.toISOString() } as never,
          overrideAccess: true,
          depth: 0,
          req,
        })
        queued++
      }
      if (!result.hasNextPage) break
    }
  }
  return queued
}

export const supersessionFollowUpTask: TaskConfig<{ input: { resource: string }; output: { queued: number } }> = {
  slug: 'queueSupersessionLinks',
  label: 'Queue the items linking to a superseded resource for re-verification',
  retries: 3,
  inputSchema: [{ name: 'resource', type: 'text', required: true }],
  outputSchema: [{ name: 'queued', type: 'number' }],
  handler: async ({ input, req }) => ({ output: { queued: await queueLinkingItems(req, input.resource, verificationClock.now()) } }),
}

/** In the publishing transaction: queues the follow-up job when the published resource supersedes others. */
export async function queueSupersessionFollowUp(req: PayloadRequest, resource: Id): Promise<Id | undefined> {
  const doc = (await req.payload.findByID({ collection: 'resources', id: resource, draft: false, depth: 0, overrideAccess: true, disableErrors: true, select: { supersedes: true }, req })) as { supersedes?: unknown[] } | null
  if (!doc?.supersedes?.length) return undefined
  const job = await req.payload.jobs.queue({ task: 'queueSupersessionLinks', input: { resource: String(resource) } as never, req })
  return job.id
}
