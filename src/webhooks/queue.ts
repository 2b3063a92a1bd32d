import crypto from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import { inBackground } from '../jobs/background'
import { runJobsNow } from '../jobs/runNow'
import type { WebhookEvent } from './events'

export type ResourceRef = { id: string | number; slug?: string | null }

/**
 * Queues one `deliverWebhook` job per active webhook subscribed to the event, in the caller's
 * transaction: a transition that rolls back notifies nobody; one that commits is delivered
 * whatever the receiver does (the queue retries with backoff).
 */
export async function queueWebhooks(req: PayloadRequest, event: WebhookEvent, resource: ResourceRef): Promise<(string | number)[]> {
  const { docs } = await req.payload.find({
    collection: 'webhooks',
    where: { and: [{ active: { equals: true } }, { events: { in: [event] } }] },
    limit: 0,
    pagination: false,
    depth: 0,
    select: {},
    overrideAccess: true,
    req,
  })
  const occurredAt = new Date().toISOString()
  const ids: (string | number)[] = []
  for (const hook of docs) {
    const job = await req.payload.jobs.queue({
      task: 'deliverWebhook',
      input: { webhook: String(hook.id), event, resource: { id: resource.id, slug: resource.slug ?? null }, delivery: crypto.randomUUID(), occurredAt } as never,
      req,
    })
    ids.push(job.id)
  }
  return ids
}

/** Tries the deliveries now rather than at the worker's next minute; a failure stays queued for retry. */
export function deliverWebhooksNow(payload: Payload, jobIds: (string | number)[]): Promise<void> {
  return runJobsNow(payload, jobIds, 'A webhook job')
}

/** For hooks inside an operation's transaction: deliver once it has committed (see email/outbox.ts). */
export function deliverWebhooksAfterCommit(req: PayloadRequest, jobIds: (string | number)[]): void {
  if (!jobIds.length) return
  const started = Date.now()
  inBackground(
    new Promise<void>((resolve) => {
      const tick = async () => {
        const id = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
        if (!id) return void deliverWebhooksNow(req.payload, jobIds).finally(resolve)
        if (Date.now() - started < 30_000) setTimeout(tick, 5).unref()
        else resolve()
      }
      setTimeout(tick, 0).unref()
    }),
  )
}
