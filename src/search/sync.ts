import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, PayloadRequest, TypedLocale } from 'payload'
import { plainText } from './text'

type Id = string | number
type Related = { code?: string; title?: string } | string | number | null

/**
 * Rewrites the search entries of one resource from its PUBLISHED version (the main document
 * when its status is published), in every locale with English fallback; removes them when
 * nothing is published. Runs in the caller's transaction, so the index never disagrees with
 * what the public reads. A draft saved over a published resource leaves the main document, and
 * so the entries, as they were.
 */
export async function reindexResource(payload: Payload, id: Id, req?: Partial<PayloadRequest>): Promise<void> {
  const resource = String(id)
  await payload.delete({ collection: 'search-entries', where: { resource: { equals: resource } }, overrideAccess: true, req })
  const locales = payload.config.localization ? payload.config.localization.localeCodes : ['en']
  for (const locale of locales) {
    const { docs } = await payload.find({
      collection: 'resources',
      where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
      draft: false,
      depth: 1,
      locale: locale as TypedLocale,
      fallbackLocale: 'en' as TypedLocale,
      overrideAccess: true,
      limit: 1,
      pagination: false,
      select: { slug: true, title: true, summary: true, body: true, category: true, section: true, jurisdictions: true, documents: true, issuedAt: true, publishedAt: true },
      req,
    })
    const doc = docs[0] as unknown as Record<string, unknown> | undefined
    if (!doc) return
    const codes = ((doc.jurisdictions ?? []) as Related[]).map((j) => (typeof j === 'object' ? j?.code : undefined)).filter(Boolean)
    const titles = ((doc.documents ?? []) as Related[]).map((d) => (typeof d === 'object' ? d?.title : undefined)).filter(Boolean)
    await payload.create({
      collection: 'search-entries',
      data: {
        resource,
        locale,
        slug: doc.slug as string,
        title: (doc.title as string) ?? '',
        summary: (doc.summary as string) ?? '',
        documents: titles.join('\n'),
        body: plainText(doc.body),
        category: doc.category as string,
        section: (doc.section as string) ?? null,
        jurisdictions: codes.length ? ` ${codes.join(' ')} ` : '',
        issuedAt: (doc.issuedAt as string) ?? null,
        publishedAt: (doc.publishedAt as string) ?? null,
      },
      overrideAccess: true,
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
  await req.payload.delete({ collection: 'search-entries', where: { resource: { equals: String(id) } }, overrideAccess: true, req })
}

/** A renamed document changes the entries of the published resources that attach it. */
export const reindexAttachingResources: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  if (operation !== 'update' || previousDoc?.title === doc.title) return doc
  // Paged: with a REST request the API's page cap applies to pagination: false too.
  const docs: { id: Id }[] = []
  for (let page = 1; ; page++) {
    const found = await req.payload.find({ collection: 'resources', where: { documents: { in: [doc.id] } }, draft: false, depth: 0, overrideAccess: true, limit: 100, page, select: {}, req })
    docs.push(...found.docs)
    if (!found.hasNextPage) break
  }
  for (const resource of docs) await reindexResource(req.payload, resource.id, req)
  return doc
}

/** Builds the index from scratch when it is empty (a database from before search existed). */
export async function reindexAllIfEmpty(payload: Payload): Promise<void> {
  if ((await payload.count({ collection: 'search-entries', overrideAccess: true })).totalDocs > 0) return
  const { docs } = await payload.find({
    collection: 'resources',
    where: { _status: { equals: 'published' } },
    draft: false,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    select: {},
  })
  for (const { id } of docs) await reindexResource(payload, id)
}
