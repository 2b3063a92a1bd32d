import type { CollectionAfterChangeHook } from 'payload'

const ids = (value: unknown): (string | number)[] =>
  Array.isArray(value) ? value.map((v) => (v && typeof v === 'object' ? (v as { id: string | number }).id : v)).filter((v) => v !== undefined && v !== null) : []

/** On publication the files a contributor attached become public with the resource. */
export const releaseDocuments: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (doc._status !== 'published') return doc
  const attached = [...ids(doc.documents), ...ids(doc.graphics)]
  if (attached.length === 0) return doc
  await req.payload.update({
    collection: 'documents',
    where: { and: [{ id: { in: attached } }, { private: { equals: true } }] },
    data: { private: false },
    overrideAccess: true,
    req,
  })
  return doc
}
