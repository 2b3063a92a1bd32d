import type { FieldHook, PayloadRequest } from 'payload'
import { publicContentVersion } from '../../../src/cache/publicContentVersion'
import { readSupersedingOnMongo } from '../../../src/db/mongoSuperseding'

type Id = string | number
const CONTEXT_KEY = 'supersededIds'

/**
 * The ids every *published* resource names in `supersedes`, read once per content version (a
 * list of 100 resources used to cost 100 count queries; now it costs none until content changes).
 * Read through the database adapter, not the Local API, so no hooks (this one included) run for the rows read.
 * Superseding is rare, so the set stays small at any collection size.
 */
export function supersededIds(req: PayloadRequest): Promise<Set<string>> {
  const context = req.context as Record<string, unknown>
  const cached = context[CONTEXT_KEY] as Promise<Set<string>> | undefined
  if (cached) return cached
  // Outside a transaction the set is shared by every request until content changes; inside one
  // it may include uncommitted writes, so it stays with the request. The read model renders just
  // after a commit, possibly before the version moves: it reads the set afresh (src/readModel).
  const loading = req.transactionID || context.readModelRender ? readSupersededIds(req) : sharedSupersededIds(req)
  context[CONTEXT_KEY] = loading
  // A write later in the same request (e.g. a publish) must not be answered from a stale set.
  loading.catch(() => delete context[CONTEXT_KEY])
  return loading
}

let shared: { payload: PayloadRequest['payload']; version: string; at: number; ids: Promise<Set<string>> } | undefined

/**
 * At most this old, whatever the version says: a bound on any change the version could miss
 * (a write that ran no hooks), as the public response cache's own TTL. Settable for tests.
 */
export const sharedSupersededSet = { ttlMs: 60_000 }

/** The set for committed content, kept until the public content version moves (src/cache/publicContentVersion.ts). */
async function sharedSupersededIds(req: PayloadRequest): Promise<Set<string>> {
  const version = await publicContentVersion.current()
  if (version === undefined) return readSupersededIds(req)
  if (shared?.version !== version || shared.payload !== req.payload || Date.now() - shared.at >= sharedSupersededSet.ttlMs) {
    const entry = { payload: req.payload, version, at: Date.now(), ids: readSupersededIds(req) }
    shared = entry
    entry.ids.catch(() => shared === entry && (shared = undefined))
  }
  return shared.ids
}

function readSupersededIds(req: PayloadRequest): Promise<Set<string>> {
  if (req.payload.db.name === 'mongoose') return readSupersedingOnMongo(req)
  return req.payload.db
    .find({
      collection: 'resources',
      where: { and: [{ supersedes: { exists: true } }, { _status: { equals: 'published' } }] },
      select: { supersedes: true },
      pagination: false,
      limit: 0,
      req,
    })
    .then(({ docs }) => {
      const ids = new Set<string>()
      for (const doc of docs as { supersedes?: (Id | { id: Id })[] | null }[]) {
        for (const target of doc.supersedes ?? []) ids.add(String(typeof target === 'object' ? target.id : target))
      }
      return ids
    })
}

/** Forget the set: called after writes to resources within a request. */
export const forgetSuperseded = (req: PayloadRequest) => {
  delete (req.context as Record<string, unknown>)[CONTEXT_KEY]
}

/**
 * `superseded` is computed on read, never stored: a resource is superseded when a *published*
 * resource names it in `supersedes`. A draft successor does not count, so an unpublished
 * replacement never changes what the public sees. Works the same on SQLite and MongoDB.
 */
export const reportSuperseded: FieldHook = async ({ data, originalDoc, req }) => {
  const id = data?.id ?? originalDoc?.id
  if (id === undefined || id === null) return false
  return (await supersededIds(req)).has(String(id))
}
