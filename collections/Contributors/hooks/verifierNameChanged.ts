import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'
import { publicContentVersion } from '../../../src/cache/publicContentVersion'
import { readModel } from '../../../src/readModel'

type Id = string | number
const VERIFIED_BY_DELETED = 'verifiedByDeletedAccount'

/**
 * A legal reviewer's name is public on the items they verified, only while they opt in
 * (`verification.attribution`, collections/Resources/verification.ts, read from the account at
 * every read). So a change of their name or opt-in, or the account's deletion, changes those
 * items' public answers: the public content version moves and the read model renders them
 * again; otherwise a withdrawn name stayed in cached and stored answers.
 */
export const verifierNameChanged: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update') return doc
  const shown = (person: { name?: unknown; publicAttribution?: unknown } | undefined) => (person?.publicAttribution === true ? (person.name ?? null) : null)
  if (shown(doc) !== shown(previousDoc)) await verifiedItemsChanged(req, await verifiedBy(req, doc.id))
  return doc
}

/** Before the delete: the items it verified (SQLite's foreign key empties `verifiedBy` with the delete). */
export const rememberVerifiedItems: CollectionBeforeDeleteHook = async ({ id, req }) => {
  ;(req.context as Record<string, unknown>)[`${VERIFIED_BY_DELETED}:${id}`] = await verifiedBy(req, id)
}

export const verifierDeleted: CollectionAfterDeleteHook = async ({ id, doc, req }) => {
  const items = (req.context as Record<string, unknown>)[`${VERIFIED_BY_DELETED}:${id}`] as Id[] | undefined
  if (doc?.publicAttribution === true && items?.length) await verifiedItemsChanged(req, items)
  return doc
}

async function verifiedBy(req: PayloadRequest, id: Id): Promise<Id[]> {
  const { docs } = await req.payload.db.find({ collection: 'resources', where: { 'verification.verifiedBy': { equals: id } }, pagination: false, limit: 0, req })
  return docs.map((doc) => doc.id as Id)
}

async function verifiedItemsChanged(req: PayloadRequest, items: Id[]): Promise<void> {
  if (!items.length) return
  await publicContentVersion.changed(req)
  for (const item of items) await readModel.touch(req, 'resources', item)
}
