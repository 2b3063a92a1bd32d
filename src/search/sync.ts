import { commitTransaction, createLocalReq, initTransaction, killTransaction, type CollectionAfterChangeHook, type CollectionAfterDeleteHook, type Payload, type PayloadRequest, type TypedLocale, type Where } from 'payload'
import { withTransientRetry } from '../db/transientRetry'
import { LOCK_ENTRY, underReindexLock } from './reindexLock'
import { searchEntry, type SearchEntrySource } from './entry'

type Id = string | number
type Related = { code?: string; title?: string } | string | number | null

/**
 * Rewrites the search entries of one resource from its PUBLISHED version (the main document
 * when its status is published), in every locale with the other language as fallback (src/config.ts); removes them when
 * nothing is published. Runs in the caller's transaction, so the index never disagrees with
 * what the public reads. A draft saved over a published resource leaves the main document, and
 * so the entries, as they were.
 */
export async function reindexResource(payload: Payload, id: Id, req?: Partial<PayloadRequest>): Promise<void> {
  const resource = String(id)
  await payload.delete({ collection: 'search-entries', where: { resource: { equals: resource } }, overrideAccess: true, depth: 0, req })
  const locales = payload.config.localization ? payload.config.localization.localeCodes : ['en']
  for (const locale of locales) {
    const { docs } = await payload.find({
      collection: 'resources',
      where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
      draft: false,
      depth: 1,
      locale: locale as TypedLocale,
      overrideAccess: true,
      limit: 1,
      pagination: false,
      select: { slug: true, title: true, summary: true, body: true, category: true, section: true, jurisdictions: true, documents: true, issuedAt: true, publishedAt: true },
      req,
    })
    const doc = docs[0] as unknown as Record<string, unknown> | undefined
    if (!doc) return
    const codes = ((doc.jurisdictions ?? []) as Related[]).map((j) => (typeof j === 'object' ? j?.code : undefined)).filter((c): c is string => Boolean(c))
    const titles = ((doc.documents ?? []) as Related[]).map((d) => (typeof d === 'object' ? d?.title : undefined)).filter((t): t is string => Boolean(t))
    await payload.create({
      collection: 'search-entries',
      data: searchEntry({
        resource,
        locale: locale as SearchEntrySource['locale'],
        slug: doc.slug as string,
        title: doc.title as string | undefined,
        summary: doc.summary as string | undefined,
        body: doc.body,
        documentTitles: titles,
        category: doc.category as string,
        section: doc.section as string | undefined,
        jurisdictionCodes: codes,
        issuedAt: doc.issuedAt as string | undefined,
        publishedAt: doc.publishedAt as string | undefined,
      }),
      overrideAccess: true,
      depth: 0,
      req,
    })
  }
}

/** Every write to a resource: publish, unpublish, archive, an edit (published or as a draft). */
export const reindexAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await reindexResource(req.payload, doc.id, req)
  return doc
}

export const unindexAfterDelete: CollectionAfterDeleteHook = async ({ id, req }) => {
  await req.payload.delete({ collection: 'search-entries', where: { resource: { equals: String(id) } }, overrideAccess: true, depth: 0, req })
}

/** Re-indexes the resources matching `where` (paged: with a REST request the API's page cap applies). */
async function reindexResourcesWhere(req: PayloadRequest, where: Where): Promise<void> {
  const ids: Id[] = []
  for (let page = 1; ; page++) {
    const found = await req.payload.find({ collection: 'resources', where, draft: false, depth: 0, overrideAccess: true, limit: 100, page, select: {}, req })
    ids.push(...found.docs.map((d) => d.id))
    if (!found.hasNextPage) break
  }
  for (const id of ids) await reindexResource(req.payload, id, req)
}

/** A renamed document changes the entries of the resources that attach it. */
export const reindexAttachingResources: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  if (operation === 'update' && previousDoc?.title !== doc.title) await reindexResourcesWhere(req, { documents: { in: [doc.id] } })
  return doc
}

/**
 * One resource's entries in a transaction of their own, run again on a write conflict or a lost
 * race on the (resource, locale) key: another instance re-indexing the same resource at the same
 * moment (its delete and create are then all of it or nothing, and the second one's win).
 */
export async function reindexResourceAlone(payload: Payload, id: Id): Promise<void> {
  await withTransientRetry(
    async () => {
      const req = (await createLocalReq({}, payload)) as PayloadRequest
      const owner = await initTransaction(req)
      try {
        await reindexResource(payload, id, req)
        if (owner) await commitTransaction(req)
      } catch (error) {
        await killTransaction(req)
        throw error
      }
    },
    { alsoRetry: (error) => Boolean((error as { data?: { errors?: unknown[] } })?.data?.errors?.length) },
  )
}

/**
 * At start: builds the index when it is empty (a database from before search existed) or holds
 * entries of an older format (no `words`: written before word matching, src/search/text.ts).
 * One instance does it (src/search/reindexLock.ts); others starting meanwhile go on serving
 * (search answers from what is indexed so far). Each resource is re-indexed alone
 * (reindexResourceAlone), so a rebuild overlapping a taken-over lock only repeats work.
 */
export async function reindexIfStale(payload: Payload): Promise<void> {
  if (!(await isStale(payload))) return
  await underReindexLock(payload, async () => {
    if (!(await isStale(payload))) return // another instance finished before we took the lock
    for (let page = 1; ; page++) {
      const found = await payload.find({
        collection: 'resources',
        where: { _status: { equals: 'published' } },
        draft: false,
        depth: 0,
        overrideAccess: true,
        limit: 500,
        page,
        sort: 'id',
        select: {},
      })
      for (const { id } of found.docs) await reindexResourceAlone(payload, id)
      if (!found.hasNextPage) break
    }
    // Entries of the old format left (their resources are no longer published) go too.
    await payload.delete({ collection: 'search-entries', where: { words: { exists: false } }, overrideAccess: true, depth: 0 })
  })
}

const notLock: Where = { locale: { not_equals: LOCK_ENTRY.locale } }
async function isStale(payload: Payload): Promise<boolean> {
  const entries = (await payload.count({ collection: 'search-entries', where: notLock, overrideAccess: true })).totalDocs
  if (!entries) return true
  return (await payload.count({ collection: 'search-entries', where: { and: [notLock, { words: { exists: false } }] }, overrideAccess: true })).totalDocs > 0
}
