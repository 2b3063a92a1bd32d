import type { Payload, PayloadRequest } from 'payload'
import { inBackground } from '../jobs/background'
import { runJobsNow } from '../jobs/runNow'
import type { EmailJobInput } from './messages'

/**
 * Queues one email as a `sendEmail` job in the caller's transaction: if the change rolls back,
 * so does the email; if it commits, the email is in the queue whatever the mail server does.
 */
export async function queueEmail(req: PayloadRequest, input: EmailJobInput): Promise<string | number> {
  const job = await req.payload.jobs.queue({ task: 'sendEmail', input: input as never, req })
  return job.id
}

/** Tries to deliver queued emails now; a failure leaves them queued for the retrying worker. */
export function deliverNow(payload: Payload, jobIds: (string | number)[]): Promise<void> {
  return runJobsNow(payload, jobIds, 'An email job')
}

/**
 * For hooks, which run inside the operation's transaction: deliver once it has committed
 * (Payload removes `req.transactionID` on commit and on rollback; after a rollback the job
 * no longer exists and nothing is sent). Gives up waiting after 30 s; the worker sends it then.
 */
export function deliverAfterCommit(req: PayloadRequest, jobIds: (string | number)[]): void {
  const started = Date.now()
  inBackground(
    new Promise<void>((resolve) => {
      const tick = async () => {
        // A pending Promise that resolves to null means the adapter runs without transactions
        // (e.g. MongoDB without a replica set): the job row is already written, deliver now.
        const id = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
        if (!id) return void deliverNow(req.payload, jobIds).finally(resolve)
        if (Date.now() - started < 30_000) setTimeout(tick, 5)
        else resolve()
      }
      setTimeout(tick, 0)
    }),
  )
}
