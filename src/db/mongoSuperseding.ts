import type { PayloadRequest } from 'payload'

/**
 * MongoDB: the published resources that name others in `supersedes`, read from the `supersedes`
 * index. Payload's `supersedes: { exists: true }` matches `[]` there (the bulk import stores one
 * per resource), so every published resource was read; an id-typed element exists only in a
 * non-empty array, and `$type` is answered from the multikey index's bounds (empty arrays are
 * indexed apart). SQLite's query (src: collections/Resources/hooks/reportSuperseded.ts) reads
 * the relations table, where an empty list has no rows.
 */
export const SUPERSEDING_FILTER = { _status: 'published', supersedes: { $type: ['objectId', 'string'] } } as const

type Model = { find: (filter: object, projection: object, options: object) => { lean: () => PromiseLike<{ supersedes?: unknown[] }[]> } }
type Adapter = { collections: Record<string, Model>; sessions?: Record<string, unknown> }

export async function readSupersedingOnMongo(req: Pick<PayloadRequest, 'payload' | 'transactionID'>, model?: Model): Promise<Set<string>> {
  const db = req.payload.db as unknown as Adapter
  // Inside a transaction, through its session: the request sees its own uncommitted writes.
  const transactionID = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  const session = transactionID ? db.sessions?.[String(transactionID)] : undefined
  const docs = await (model ?? db.collections.resources!).find(SUPERSEDING_FILTER, { supersedes: 1 }, session ? { session } : {}).lean()
  const ids = new Set<string>()
  for (const doc of docs) for (const target of doc.supersedes ?? []) ids.add(String(target))
  return ids
}
