import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'
import { sameId } from '../../access/sameId'

type Id = string | number
const idOf = (value: unknown): Id | null =>
  value && typeof value === 'object' && 'id' in value ? ((value as { id: Id }).id ?? null) : ((value as Id | null | undefined) ?? null)

/**
 * Who owns a resource is one fact, not a property of a revision: the working copy's `owner`
 * (the latest version, see workingCopy.ts), mirrored onto the main document so that every rule
 * expressed as a filter (reads, ?draft=true lists, Payload's own update and delete lookups, the
 * review history, versions, attached files) reads the same answer.
 *
 * An update through the API is saved as a draft version (hooks/guardOperations), which leaves
 * the main document as it was; so when the saved working copy names another owner than the main
 * document (an editor's reassignment, single or bulk), the main document's owner is set here, in
 * the same transaction. Written through the adapter: nothing else of the main document changes.
 */
export const mirrorOwner: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'update' || doc?.id === undefined) return doc
  const main = (await req.payload.db.findOne({ collection: 'resources', where: { id: { equals: doc.id } }, select: { owner: true }, req })) as { owner?: unknown } | null
  if (main && !sameId(main.owner, doc.owner)) {
    await req.payload.db.updateOne({ collection: 'resources', id: doc.id, data: { owner: idOf(doc.owner) }, req, returning: false })
  }
  return doc
}

/**
 * The ids of the resources `userId` owns now. The rules of what hangs off a resource (its review
 * history, its versions, the files it links) ask this rather than a copy of the owner kept
 * elsewhere, so a reassignment moves all of them at once.
 */
export async function ownedResourceIds(req: PayloadRequest, userId: Id): Promise<Id[]> {
  const { docs } = await req.payload.db.find({
    collection: 'resources',
    where: { owner: { equals: userId } },
    select: { id: true },
    limit: 0,
    pagination: false,
    req,
  })
  return docs.map((doc) => doc.id as Id)
}
