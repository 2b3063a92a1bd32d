import type { FieldHook, PayloadRequest } from 'payload'

type Id = string | number
const CONTEXT_KEY = 'supersededIds'

/**
 * The ids every *published* resource names in `supersedes`, read once per request (a list of
 * 100 resources used to cost 100 count queries; now it costs one query). Read through the
 * database adapter, not the Local API, so no hooks (this one included) run for the rows read.
 * Superseding is rare, so the set stays small at any collection size.
 */
function supersededIds(req: PayloadRequest): Promise<Set<string>> {
  const context = req.context as Record<string, unknown>
  const cached = context[CONTEXT_KEY] as Promise<Set<string>> | undefined
  if (cached) return cached
  const loading = req.payload.db
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
  context[CONTEXT_KEY] = loading
  // A write later in the same request (e.g. a publish) must not be answered from a stale set.
  loading.catch(() => delete context[CONTEXT_KEY])
  return loading
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
