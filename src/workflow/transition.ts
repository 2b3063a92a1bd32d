import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { activeRole, isEditor } from '../../access/roles'
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
  return oneAtATime(String(id), () => run(req, id, request))
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
    req.context[WORKFLOW_CONTEXT] = true
    let saved: { id?: string | number; slug?: string | null }
    try {
      saved = await req.payload.update({
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
    }

    const recipients = await recipientsFor(req, decision.action, state, user.id, id, at)
    const event = await req.payload.create({
      collection: 'review-events',
      data: {
        resource: id,
        resourceOwner: state.owner ?? null,
        action: decision.action,
        from: decision.from,
        to: decision.to,
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
        reviewStatus: decision.to,
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
