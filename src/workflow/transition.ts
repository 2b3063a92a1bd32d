import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { activeRole, isEditor } from '../../access/roles'
import { withTransientRetry, WriteConflict } from '../db/transientRetry'
import { outOfScope } from '../../access/withinJurisdictions'
import { sameId } from '../../access/sameId'
import { WORKFLOW_CONTEXT } from '../../collections/Resources/hooks/guardOperations'
import { currentState } from '../../collections/Resources/workingCopy'
import { inBackground } from '../jobs/background'
import { runJobsNow } from '../jobs/runNow'
import { deliverNow, queueEmail } from '../email/outbox'
import { deliverWebhooksNow, queueWebhooks } from '../webhooks/queue'
import { decide, isState, type Action, type Request, type State } from './machine'
import { recipientsFor } from './recipients'
import { currentSignOff, keepRequestProblem, verificationOnPublish } from '../verification/signOff'
import { queueSupersessionFollowUp } from '../verification/queue'

/** `keepVerification`: a legal reviewer keeps the sign-off over a typo fix (src/verification/signOff.ts). */
export type TransitionRequest = Request & { publishAt?: unknown; keepVerification?: unknown }

export type TransitionResult =
  | { ok: true; body: { id: string | number; action: Action; from: State; reviewStatus: State; live: boolean; publishedAt: string | null; publishAt?: string; event?: string | number } }
  | { ok: false; status: number; error: string }

/**
 * Takes one workflow action on a resource for `req.user`: decides it with the pure machine,
 * writes the resource and its review event in one transaction, queues the notifications in
 * that same transaction, and delivers them after commit (a mail failure never undoes a
 * transition; the queue retries it).
 */
export function transition(req: PayloadRequest, id: string | number, request: TransitionRequest): Promise<TransitionResult> {
  return oneAtATime(String(id), () => withConflictsRetried(req, () => run(req, id, request)))
}

/**
 * A transition that lost a write conflict to another instance's (MongoDB) runs again, whole:
 * the machine then decides from the winner's state (usually a 409: not allowed from there).
 * One that keeps losing is the documented 409. Only a transaction of our own can be run again.
 */
async function withConflictsRetried(req: PayloadRequest, run: () => Promise<TransitionResult>): Promise<TransitionResult> {
  if (req.transactionID) return run()
  // Payload's operations leave their marks on the request (its locale, context flags): each run starts from the request as it came.
  const { locale, fallbackLocale, context } = req
  const start = { ...context }
  try {
    return await withTransientRetry((attempt) => {
      if (attempt > 1) Object.assign(req, { locale, fallbackLocale, context: { ...start } })
      return run()
    })
  } catch (error) {
    if (error instanceof WriteConflict) return { ok: false, status: 409, error: 'Someone else changed this resource at the same moment; reload it and try again.' }
    throw error
  }
}

/**
 * Transitions of one resource run one after another in this process, so two editors clicking
 * at once get one 200 and one 409, never two events for one change. (Across processes, the
 * MongoDB transaction's write conflict does the same.)
 */
const queues = new Map<string, Promise<unknown>>()
export function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve()
  const next = previous.then(task, task)
  const tail = next.catch(() => undefined)
  queues.set(key, tail)
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key)
  })
  return next
}

async function run(req: PayloadRequest, id: string | number, request: TransitionRequest): Promise<TransitionResult> {
  const user = req.user
  if (!user) return { ok: false, status: 401, error: 'Sign in to change a review status.' }
  const role = activeRole(user)
  if (!role) return { ok: false, status: 403, error: 'Your account is not active.' }

  const shouldCommit = await initTransaction(req)
  let emails: (string | number)[] = []
  let webhooks: (string | number)[] = []
  try {
    const state = await currentState(req, id)
    // What the caller may not read does not exist for them.
    const visible = state && (isEditor(user) || sameId(state.owner, user.id) || state.live)
    if (!state || !visible) {
      if (shouldCommit) await killTransaction(req)
      return { ok: false, status: 404, error: `No resource with id ${String(id)}.` }
    }
    const from: State = isState(state.reviewStatus) ? state.reviewStatus : 'draft'
    const outside = await outOfScope(req, user, state.jurisdictions)
    const decision = decide(from, request, { role, isOwner: sameId(state.owner, user.id), inScope: !outside, outOfScope: outside ?? undefined })
    if (!decision.ok) {
      if (shouldCommit) await killTransaction(req)
      return decision
    }

    const at = new Date()
    const now = at.toISOString()
    const publishing = decision.action === 'publish'
    const takingDown = (decision.action === 'unpublish' || decision.action === 'archive') && state.live
    const data: Record<string, unknown> = { reviewStatus: decision.to, _status: publishing ? 'published' : 'draft' }
    if (publishing) data.publishedAt = state.publishedAt ?? now
    // Any transition ends a schedule (publishing now, withdrawing, requesting changes…).
    data.publishAt = null
    const publishAt = parseSchedule(request.publishAt)
    if (publishAt === 'invalid') {
      if (shouldCommit) await killTransaction(req)
      return { ok: false, status: 400, error: '"publishAt" must be an ISO 8601 date and time.' }
    }
    const scheduling = publishing && publishAt !== null && publishAt.getTime() > Date.now()
    const keepProblem = await keepRequestProblem(req, request.keepVerification, decision.action, state.jurisdictions, scheduling)
    if (keepProblem) {
      if (shouldCommit) await killTransaction(req)
      return { ok: false, ...keepProblem }
    }
    if (scheduling && publishAt) return await schedule(req, id, decision.from, publishAt, shouldCommit)
    // A change of substance since the sign-off clears it, unless a legal reviewer keeps it.
    let keptVerification = false
    if (publishing) {
      const decided = await verificationOnPublish(req, id, request.keepVerification === true)
      data.verification = decided.signOff
      keptVerification = decided.kept
    } else if (takingDown) {
      // The published version is replaced by the working copy: the sign-off goes with it.
      data.verification = await currentSignOff(req, id)
    }
    // Withdrawing an update of published content discards it: the working copy goes back to the
    // published version (a new draft version restored from it; the withdrawn one stays in the
    // history), and nothing is pending any more.
    const discarding = decision.action === 'withdraw' && state.live
    const to: State = discarding ? 'published' : decision.to
    req.context[WORKFLOW_CONTEXT] = true
    let saved: { id?: string | number; slug?: string | null }
    try {
      saved = discarding
        ? await restorePublished(req, id)
        : await req.payload.update({
            collection: 'resources',
            id,
            data: data as never,
            // Only a change of what the public sees touches the published document; the rest is a draft version.
            draft: !(publishing || takingDown),
            overrideAccess: true,
            depth: 0,
            req,
          })
    } finally {
      req.context[WORKFLOW_CONTEXT] = false
      req.context.isRestoringVersion = false
    }

    const recipients = await recipientsFor(req, decision.action, state, user.id, id, at)
    const event = await req.payload.create({
      collection: 'review-events',
      data: {
        resource: id,
        resourceOwner: state.owner ?? null,
        action: decision.action,
        from: decision.from,
        to,
        by: user.id,
        note: decision.note ?? null,
        checklist: decision.checklist ? { ...decision.checklist, ...(keptVerification ? { keptVerification: true } : {}) } : null,
        at: now,
        emailed: recipients.length > 0,
      } as never,
      overrideAccess: true,
      // Not populated: its resource's rich text could name documents whose reads run hooks of their own.
      depth: 0,
      req,
    })

    for (const recipient of recipients) {
      emails.push(await queueEmail(req, { template: 'workflow', event: String(event.id), recipient: String(recipient) }))
    }
    // Frontends hear of what the public sees changing: publish, a new revision of live content, take-down.
    const webhookEvent = publishing ? (state.live ? 'update' : 'publish') : takingDown ? 'unpublish' : undefined
    if (webhookEvent) webhooks = await queueWebhooks(req, webhookEvent, { id: saved.id ?? id, slug: saved.slug })
    // What links to the items this one supersedes goes on the re-verification queue (a job).
    const followUp = publishing ? await queueSupersessionFollowUp(req, id) : undefined
    if (shouldCommit) await commitTransaction(req)

    inBackground(deliverNow(req.payload, emails))
    inBackground(deliverWebhooksNow(req.payload, webhooks))
    if (followUp !== undefined) inBackground(runJobsNow(req.payload, [followUp], 'A re-verification follow-up'))
    emails = []
    return {
      ok: true,
      body: {
        id,
        action: decision.action,
        from: decision.from,
        reviewStatus: to,
        live: publishing || (state.live && !takingDown),
        publishedAt: (data.publishedAt as string | undefined) ?? state.publishedAt ?? null,
        event: event.id,
      },
    }
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}

/** Makes the published version the working copy again (as a new draft version): the public one is not touched. */
async function restorePublished(req: PayloadRequest, id: string | number): Promise<{ id?: string | number; slug?: string | null }> {
  const { docs } = await req.payload.db.findVersions({
    collection: 'resources',
    where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
    sort: '-updatedAt',
    limit: 1,
    pagination: false,
    req,
  })
  if (docs[0]) return req.payload.restoreVersion({ collection: 'resources', id: docs[0].id as never, draft: true, overrideAccess: true, depth: 0, req })
  return copyMainAsDraft(req, id)
}

/**
 * When the published version has left the history (`versions.maxPerDoc` keeps the latest 50), the
 * main document still is that version: it is copied, all locales, into a new draft version, with
 * the working copy's owner and assignee (written through the adapter, as Payload's saveVersion does).
 */
async function copyMainAsDraft(req: PayloadRequest, id: string | number) {
  const main = (await req.payload.db.findOne({ collection: 'resources', where: { id: { equals: id } }, locale: 'all', req })) as Record<string, unknown> | null
  if (!main) throw new Error(`resource ${String(id)} is live but has no main document`)
  const { docs } = await req.payload.db.findVersions({ collection: 'resources', where: { parent: { equals: id } }, sort: '-updatedAt', limit: 1, pagination: false, req })
  const working = (docs[0]?.version ?? {}) as Record<string, unknown>
  const { id: _id, ...content } = main
  // Join fields are read from other documents, not stored with this one.
  for (const field of req.payload.collections.resources.config.flattenedFields) if (field.type === 'join') delete content[field.name]
  const now = new Date().toISOString()
  await req.payload.db.createVersion({
    collectionSlug: 'resources',
    parent: id,
    versionData: { ...content, owner: working.owner ?? main.owner ?? null, assignee: working.assignee ?? null, _status: 'draft', updatedAt: now } as never,
    autosave: false,
    createdAt: now,
    updatedAt: now,
    req,
    returning: false,
  })
  return { id, slug: main.slug as string | null | undefined }
}

function parseSchedule(value: unknown): Date | null | 'invalid' {
  if (value === undefined || value === null || value === '') return null
  if (typeof value !== 'string') return 'invalid'
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? 'invalid' : date
}

/** publish with a future publishAt: records the schedule and queues the publication for then. */
async function schedule(req: PayloadRequest, id: string | number, from: State, publishAt: Date, shouldCommit: boolean): Promise<TransitionResult> {
  req.context[WORKFLOW_CONTEXT] = true
  try {
    await req.payload.update({ collection: 'resources', id, data: { publishAt: publishAt.toISOString() } as never, draft: true, overrideAccess: true, depth: 0, req })
  } finally {
    req.context[WORKFLOW_CONTEXT] = false
  }
  await req.payload.jobs.queue({
    task: 'publishScheduled',
    input: { resource: String(id), by: String(req.user!.id), publishAt: publishAt.toISOString() } as never,
    waitUntil: publishAt,
    req,
  })
  if (shouldCommit) await commitTransaction(req)
  return { ok: true, body: { id, action: 'publish', from, reviewStatus: from, live: false, publishedAt: null, publishAt: publishAt.toISOString() } }
}
