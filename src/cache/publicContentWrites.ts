/**
 * Which writes change what anonymous readers see, and so move the public content version
 * (./publicContentVersion.ts), in the writing transaction. One table, read by the hooks below
 * and by the public response cache (which answers only the routes that show public content):
 * - `always`: public reference data, every change shows (jurisdictions, organizations, topics,
 *   provisions);
 * - `published`: documents with drafts (resources, webinars): only a write of the published
 *   document while it is or was published, i.e. publish, unpublish, archive, a published edit,
 *   a delete of a published one; a draft saved over it, or a draft-only document, changes nothing;
 * - `linked`: files (documents): a change to one that a published resource links, or a delete.
 * Everything else (accounts and sessions, registrations, subscriptions, review events, audit
 * rows, jobs, webhooks, locks, preferences, the search index written beside a resource) never
 * moves it. A write that changes public content without hooks calls publicContentVersion.changed.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, CollectionConfig, CollectionSlug, Plugin, PayloadRequest } from 'payload'
import { publicContentVersion, PublicContentVersionGlobal } from './publicContentVersion'

type Rule = 'always' | 'published' | 'linked'

export const PUBLIC_CONTENT_COLLECTIONS: Record<string, Rule> = {
  resources: 'published',
  jurisdictions: 'always',
  organizations: 'always',
  topics: 'always',
  provisions: 'always',
  documents: 'linked',
  webinars: 'published',
}

/**
 * The routes whose anonymous answers derive from public content only, and so may be answered
 * from the public response cache. Not webinars: their `seatsLeft` counts registrations, which
 * do not move the version.
 */
const CACHED_COLLECTIONS = Object.keys(PUBLIC_CONTENT_COLLECTIONS).filter((slug) => slug !== 'webinars')
const CACHED_ENDPOINTS = ['search', 'map', 'compare', 'compare.csv', 'feed.json', 'feed.xml']
const cachedRoute = new RegExp(`^/api/(${[...CACHED_COLLECTIONS, ...CACHED_ENDPOINTS].map((p) => p.replace('.', '\\.')).join('|')})(?:[/?]|$)`)

/** Whether an anonymous GET of `url` (path and query) may be served from the public cache. */
export const showsOnlyPublicContent = (url: string): boolean => cachedRoute.test(url)

const changed = (req: PayloadRequest) => publicContentVersion.changed(req)

const always: Pick<NonNullable<CollectionConfig['hooks']>, 'afterChange' | 'afterDelete'> = {
  afterChange: [async ({ req }) => void (await changed(req))],
  afterDelete: [async ({ req }) => void (await changed(req))],
}

/** The published (main) document's status and stamp: drafts live in the versions, not here. */
type Main = { _status?: string | null; updatedAt?: string | null } | null
const MAIN_BEFORE = 'publicContentMainBefore'
const readMain = async (req: PayloadRequest, collection: string, id: unknown): Promise<Main> =>
  (await req.payload.db.findOne({ collection: collection as CollectionSlug, where: { id: { equals: id } }, select: { _status: true, updatedAt: true }, req })) as Main
const mainsBefore = (req: PayloadRequest) => ((req.context as Record<string, unknown>)[MAIN_BEFORE] ??= new Map<string, Main>()) as Map<string, Main>
const stamp = (main: Main) => (main?.updatedAt ? new Date(main.updatedAt).getTime() : undefined)

const rememberMain: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, collection, req }) => {
  if (operation === 'update' && originalDoc?.id !== undefined) mainsBefore(req).set(`${collection.slug}:${originalDoc.id}`, await readMain(req, collection.slug, originalDoc.id))
  return data
}

const publishedChanged: CollectionAfterChangeHook = async ({ doc, operation, collection, req }) => {
  if (operation === 'create') {
    if (doc?._status === 'published') await changed(req)
    return doc
  }
  const key = `${collection.slug}:${doc?.id}`
  const before = mainsBefore(req).get(key)
  mainsBefore(req).delete(key)
  const after = await readMain(req, collection.slug, doc?.id)
  const wasOrIsPublished = before?._status === 'published' || after?._status === 'published'
  // A draft save leaves the main document as it was (Payload stamps updatedAt on every write of it).
  const mainWritten = before === undefined || stamp(before) !== stamp(after) || before?._status !== after?._status
  if (wasOrIsPublished && mainWritten) await changed(req)
  return doc
}

const published = {
  beforeChange: [rememberMain],
  afterChange: [publishedChanged],
  afterDelete: [(async ({ doc, req }) => void (doc?._status === 'published' && (await changed(req)))) as CollectionAfterDeleteHook],
}

/** A file shows only through the published resources that link it. */
const linkedChanged: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'update') return doc
  const linking = await req.payload.db.count({
    collection: 'resources',
    where: { and: [{ _status: { equals: 'published' } }, { or: [{ documents: { in: [doc.id] } }, { graphics: { in: [doc.id] } }] }] },
    req,
  })
  if (linking.totalDocs > 0) await changed(req)
  return doc
}

const linked = { afterChange: [linkedChanged], afterDelete: always.afterDelete }

const HOOKS = { always, published, linked }

/** Adds the version's global, and to each public content collection the hooks of its rule (last, after its own). */
export const movePublicContentVersion: Plugin = (config) => ({
  ...config,
  globals: [...(config.globals ?? []), PublicContentVersionGlobal],
  collections: (config.collections ?? []).map((collection) => {
    const rule = PUBLIC_CONTENT_COLLECTIONS[collection.slug]
    if (!rule) return collection
    const hooks: Record<string, unknown[] | undefined> = { ...collection.hooks }
    for (const [name, added] of Object.entries(HOOKS[rule])) hooks[name] = [...(hooks[name] ?? []), ...(added as unknown[])]
    return { ...collection, hooks: hooks as CollectionConfig['hooks'] }
  }),
})
