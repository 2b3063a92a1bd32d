/**
 * What a batch of writes changes in the model, rendered again (./index.ts, after their commit):
 * the resources written, those that show them populated at depth 1 or name them, and, when a
 * `supersedes` link or a linked file moved, both ends of it and whatever shows those.
 */
import type { Payload } from 'payload'
import { NAMED_BY } from './dependencies'
import { renderResources } from './render'
import type { StoredDoc, StoredRef } from './store'
import type { ReadModelStore } from './stores'

/** A write to a document: a resource itself, or something resources name (by the relations that name it). */
export type Touch = { collection: string; id: string }

/** The resources `touches` change (`ids`: every one to replace, rendered or gone) and their new renderings. */
export async function renderTouched(payload: Payload, store: ReadModelStore, touches: Touch[]): Promise<{ ids: string[]; docs: StoredDoc[]; refs: StoredRef[] }> {
  const referring = async (relations: string[], targets: Iterable<string>, into: Set<string>) => {
    for (const target of targets) for (const relation of relations) for (const id of await store.referring(relation, target)) into.add(id)
  }
  const ids = new Set<string>()
  for (const { collection, id } of touches) {
    if (collection === 'resources') {
      // The resource, and those that show it populated (at depth 1) or name it (a delete takes it out of theirs).
      ids.add(id)
      await referring(['supersedes', 'richtext:resources'], [id], ids)
    } else await referring(NAMED_BY[collection] ?? [], [id], ids)
  }
  const list = [...ids]
  // What these named before (their rows are replaced below): both ends of a `supersedes` change, and the
  // files whose public readability follows what published resources link.
  const before = { supersedes: await store.targets('supersedes', list), files: [...(await store.targets('documents', list)), ...(await store.targets('graphics', list))] }
  const { docs, refs } = await renderResources(payload, list)
  const after = (relations: string[]) => refs.filter((ref) => relations.includes(ref.relation)).map((ref) => ref.target)
  // Their `superseded` flag and `supersededBy` join change, and with them every document that shows them
  // populated at depth 1: their other successors, what they supersede, what links them in rich text.
  const ends = new Set([...before.supersedes, ...after(['supersedes'])])
  const others = new Set(ends)
  for (const end of ends) for (const target of await store.targets('supersedes', [end])) others.add(target)
  await referring(['supersedes', 'richtext:resources'], ends, others)
  await referring(['documents', 'graphics', 'richtext:documents'], new Set([...before.files, ...after(['documents', 'graphics'])]), others)
  for (const id of ids) others.delete(id)
  if (others.size) {
    const more = await renderResources(payload, [...others])
    docs.push(...more.docs)
    refs.push(...more.refs)
  }
  return { ids: [...list, ...others], docs, refs }
}
