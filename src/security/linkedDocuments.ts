/**
 * A link (relationship or upload) to a document that does not exist is a 400 naming the field.
 * Payload checks links only when it validates a write, which it skips for drafts (every API
 * update of a resource is one) and for fields whose admin condition hides them; SQLite's foreign
 * keys then refused the row with a 500 (`supersedes: [99999]`) and MongoDB kept a dangling id.
 * A beforeChange hook runs for every write, on every collection. It checks existence only:
 * server code may link what it likes, and reading a linked document is still up to its access.
 */
import { type CollectionBeforeChangeHook, type FlattenedField, type PayloadRequest, type SanitizedConfig, ValidationError } from 'payload'
import { eachFieldValue } from './fieldValues'
import { couldBeId } from './queryOperands'

type Id = string | number
type Link = { path: string; collection: string; id: unknown }
type Problem = { path: string; message: string }
type Found = { links: Link[]; problems: Problem[] }

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/** Every link in `data`, with the path of its field (`links.0.url` style); a list where one id belongs (or the reverse) is a problem. */
function linksIn(fields: FlattenedField[], data: unknown): Found {
  const out: Found = { links: [], problems: [] }
  eachFieldValue(fields, data, (field, value, path) => {
    if (field.type !== 'relationship' && field.type !== 'upload') return
    if (Boolean(field.hasMany) !== Array.isArray(value)) {
      out.problems.push({ path, message: field.hasMany ? 'must be a list of ids.' : 'must be one id, not a list.' })
      return
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === null || item === undefined) continue
      if (Array.isArray(field.relationTo)) {
        if (isObject(item) && typeof item.relationTo === 'string') out.links.push({ path, collection: item.relationTo, id: isObject(item.value) ? item.value.id : item.value })
        else out.problems.push({ path, message: 'must be { relationTo, value } pairs.' })
      } else {
        out.links.push({ path, collection: field.relationTo, id: isObject(item) && 'id' in item ? item.id : item })
      }
    }
  })
  return out
}

async function existing(req: PayloadRequest, collection: string, ids: Id[]): Promise<Set<string>> {
  const found = new Set<string>()
  // In pages of 100: a GraphQL request's page cap (src/plugins/apiGuards.ts) applies to this read too.
  for (let i = 0; i < ids.length; i += 100) {
    const page = ids.slice(i, i + 100)
    // The adapter's find: existence is all we ask (no access, hooks or count to run; one query).
    const { docs } = await req.payload.db.find({
      collection: collection as 'resources',
      where: { id: { in: page } },
      limit: page.length,
      pagination: false,
      select: { id: true },
      req, // inside the write's transaction: a document created earlier in it counts
    })
    for (const doc of docs as { id: Id }[]) found.add(String(doc.id))
  }
  return found
}

const checkLinks: CollectionBeforeChangeHook = async ({ collection, data, req }) => {
  const { links, problems: errors } = linksIn(collection.flattenedFields, data)
  if (links.length === 0 && errors.length === 0) return data
  const byCollection = new Map<string, Id[]>()
  for (const link of links) {
    if (!req.payload.collections[link.collection as never] || !couldBeId(req.payload, link.collection, link.id)) {
      errors.push({ path: link.path, message: `${JSON.stringify(link.id)} is not the id of a ${link.collection} document.` })
    } else {
      byCollection.set(link.collection, [...(byCollection.get(link.collection) ?? []), link.id as Id])
    }
  }
  for (const [slug, ids] of byCollection) {
    const found = await existing(req, slug, [...new Set(ids)])
    for (const link of links) {
      if (link.collection === slug && !found.has(String(link.id))) errors.push({ path: link.path, message: `There is no ${slug} document with id ${JSON.stringify(link.id)}.` })
    }
  }
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors }, req.t)
  return data
}

/** Last in every collection's beforeChange hooks: it sees the links as they will be stored. */
export function applyLinkChecks(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    collection.hooks.beforeChange = [...(collection.hooks.beforeChange ?? []), checkLinks]
  }
  return config
}
