import type { FieldHook } from 'payload'

/**
 * `superseded` is computed on read, never stored: a resource is superseded when a *published*
 * resource names it in `supersedes`. A draft successor does not count, so an unpublished
 * replacement never changes what the public sees. Works the same on SQLite and MongoDB.
 */
export const reportSuperseded: FieldHook = async ({ data, originalDoc, req }) => {
  const id = data?.id ?? originalDoc?.id
  if (id === undefined || id === null) return false
  const { totalDocs } = await req.payload.count({
    collection: 'resources',
    where: { and: [{ supersedes: { equals: id } }, { _status: { equals: 'published' } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}
