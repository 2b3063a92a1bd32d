import type { CollectionAfterChangeHook, Payload, TaskConfig } from 'payload'
import { publicContentVersion } from '../cache/publicContentVersion'
import { deliverAfterCommit } from '../email/outbox'
import { reindexResourceAlone } from './sync'

/** Resources re-indexed per page read (each in a transaction of its own). */
const BATCH = 100

/**
 * A jurisdiction's new code changes the search entries of every resource naming it (the
 * jurisdiction filter). Thousands of them cannot be rewritten inside the editor's transaction
 * (MongoDB aborts a transaction after 60 s, and the rename would hold SQLite's write lock the
 * while): the rename queues this job in its own transaction (so a rename rolled back queues
 * nothing), which runs right after the commit, in batches, each resource in a transaction of
 * its own; a failure leaves the job to the queue's retries. Until it ends, the renamed place's
 * resources are found under its old code by the jurisdiction filter (and by every word as before).
 */
export const reindexJurisdictionTask: TaskConfig<{ input: { jurisdiction: string }; output: { reindexed: number } }> = {
  slug: 'reindexJurisdiction',
  label: 'Re-index the search entries of a renamed jurisdiction’s resources',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 30_000 } },
  inputSchema: [{ name: 'jurisdiction', type: 'text', required: true }],
  outputSchema: [{ name: 'reindexed', type: 'number' }],
  handler: async ({ input, req }) => ({ output: { reindexed: await reindexNaming(req.payload, input.jurisdiction) } }),
}

/** Re-indexes every resource naming the jurisdiction, BATCH at a time, in id order. */
export async function reindexNaming(payload: Payload, jurisdiction: string): Promise<number> {
  let done = 0
  for (let page = 1; ; page++) {
    // Not `req`: each resource commits on its own, outside the job's bookkeeping.
    const found = await payload.find({ collection: 'resources', where: { jurisdictions: { in: [jurisdiction] } }, draft: false, depth: 0, overrideAccess: true, limit: BATCH, page, sort: 'id', select: {} })
    for (const { id } of found.docs) await reindexResourceAlone(payload, id)
    done += found.docs.length
    // Search answers are cached under the public content version: each batch re-indexed is news.
    if (found.docs.length) await publicContentVersion.changed({ payload, context: {}, transactionID: undefined })
    if (!found.hasNextPage) return done
  }
}

/** A jurisdiction's new code: queue the re-indexing of the resources naming it (above). */
export const reindexNamingResources: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  if (operation !== 'update' || previousDoc?.code === doc.code) return doc
  const job = await req.payload.jobs.queue({ task: 'reindexJurisdiction', input: { jurisdiction: String(doc.id) }, req })
  deliverAfterCommit(req, [job.id])
  return doc
}
