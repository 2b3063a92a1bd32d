/**
 * The webinar emails' outbox, kept on the registration row itself (`emailOwed`, `emailOwedSince`): the write that
 * owes a person an email (a sign-up, a promotion from the waitlist) stores which email and since
 * when in the same statement as the row; once the email is sent the mark is cleared. What stays
 * marked (the send failed, or the process died after the commit) is handed to the jobs queue as a
 * `retryWebinarEmail` job, which retries with backoff: at once when the send fails, and by the
 * scheduled sweep (`queueUnsentWebinarEmails`) for whatever a dead process left.
 *
 * A job row per sign-up did the same with an insert, its read-back and a delete (three statements,
 * a third of the database work of a sign-up): the mark is two columns of the insert and one update.
 */
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'
import type { EmailKind } from './emailText'
import { WEBINAR_QUEUE } from './queue'

const COLLECTION = 'webinar-registrations'
/** How long a mark waits for the request that made it to send the email before the sweep hands it on. */
export const OUTBOX_GRACE_MS = 5 * 60_000
/** Marks handed on per sweep (the next sweep takes the rest). */
const SWEEP_LIMIT = 500
type Id = string | number
const CLEARED = { emailOwed: null, emailOwedSince: null }
type Marked = { id: Id; emailOwed?: string | null }

/** The fields that mark a write's row as owing the person `kind` of email (spread into its data). */
export const owesEmail = (kind: EmailKind) => ({ emailOwed: kind, emailOwedSince: new Date().toISOString() })

/** The email is sent: the mark is cleared (the adapter's update alone: one statement, no hooks, no read-back). */
export async function emailSent(payload: Payload, id: Id): Promise<void> {
  await payload.db.updateOne({ collection: COLLECTION, id, data: CLEARED, returning: false })
}

/** A webinar email's retry job, due now (ids only: it reads the person afresh, so a cancelled person is not mailed). */
export async function queueEmailRetry(payload: Payload, kind: string, id: Id, req?: PayloadRequest): Promise<void> {
  await payload.jobs.queue({ task: 'retryWebinarEmail', input: { kind, registration: String(id) }, queue: WEBINAR_QUEUE, ...(req ? { req } : {}) })
}

/** Hands a marked email to the retry queue (due now) and clears the mark, in one transaction. */
export async function handToRetryQueue(payload: Payload, kind: string, id: Id, parent?: PayloadRequest): Promise<void> {
  const req = parent ?? ((await createLocalReq({ context: { skipAudit: true } }, payload)) as PayloadRequest)
  const owner = await initTransaction(req)
  try {
    await queueEmailRetry(payload, kind, id, req)
    await payload.db.updateOne({ collection: COLLECTION, id, data: CLEARED, req, returning: false })
    if (owner) await commitTransaction(req)
  } catch (error) {
    if (owner) await killTransaction(req)
    throw error
  }
}

/**
 * The scheduled sweep: every email marked longer than OUTBOX_GRACE_MS ago (its request did not
 * send it: the process died after the commit) goes to the retry queue.
 */
export async function queueUnsentWebinarEmails(req: PayloadRequest, now = Date.now()): Promise<{ queued: number }> {
  const { docs } = await req.payload.find({
    collection: COLLECTION,
    where: { emailOwedSince: { less_than: new Date(now - OUTBOX_GRACE_MS).toISOString() } },
    select: { emailOwed: true },
    sort: 'emailOwedSince',
    limit: SWEEP_LIMIT,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    context: { skipAudit: true },
    req,
  })
  let queued = 0
  for (const doc of docs as unknown as Marked[]) {
    const kind = doc.emailOwed
    if (!kind) continue
    await handToRetryQueue(req.payload, kind, doc.id, req)
    queued++
  }
  return { queued }
}
