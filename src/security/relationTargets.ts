import {
  isValidID,
  ValidationError,
  type CollectionSlug,
  type Field,
  type FieldHook,
  type PayloadRequest,
  type SanitizedConfig,
  type Where,
} from 'payload'
import { RICH_TEXT_COLLECTIONS } from '../../fields/richText'

/**
 * A relation a caller sets must point at something that caller may read: a file of their own or
 * one already public, a resource they may see, any public reference record. Otherwise a
 * contributor could attach someone else's private upload to a resource and an editor's publish
 * would make it public (collections/Documents/access.ts), or name a registration in rich text
 * that server code then populates. Enforced for every relationship, upload and rich-text field
 * of every collection (Payload's own included), as a field hook: it runs for REST, GraphQL, the
 * method override, bulk updates, drafts (which skip Payload's validation) and version restores.
 * Server code (overrideAccess) is trusted. Only targets the write adds are checked, so a
 * contributor can still save a resource an editor attached their own files to.
 */

type Target = { collection: string; id: unknown }
type RelationField = Extract<Field, { type: 'relationship' | 'upload' }>

const PAGE = 100 // a GraphQL request's page cap (src/plugins/apiGuards.ts) applies to our reads too
const key = (t: Target) => `${t.collection}:${String(t.id)}`
const idOf = (value: unknown) => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value)

/** The documents a relationship or upload value names (single or many, one collection or several). */
function fieldTargets(field: RelationField, value: unknown): Target[] {
  if (value === null || value === undefined) return []
  const items = Array.isArray(value) ? value : [value]
  return items.flatMap((item): Target[] => {
    if (item === null || item === undefined) return []
    if (Array.isArray(field.relationTo)) {
      const { relationTo, value: target } = (item ?? {}) as { relationTo?: unknown; value?: unknown }
      return target === null || target === undefined ? [] : [{ collection: String(relationTo), id: idOf(target) }]
    }
    return [{ collection: field.relationTo, id: idOf(item) }]
  })
}

/** Every `{ relationTo, value }` in a rich-text document: relationship and upload nodes, internal links' `doc`, any other node's. */
function richTextTargets(value: unknown): Target[] {
  const found: Target[] = []
  const pending: unknown[] = [value] // a stack, not recursion: a client's text may nest deeply
  while (pending.length) {
    const item = pending.pop()
    if (Array.isArray(item)) for (const child of item) pending.push(child)
    else if (item && typeof item === 'object') {
      const node = item as Record<string, unknown>
      const relation = typeof node.relationTo === 'string' && 'value' in node
      if (relation && node.value !== null && node.value !== undefined) found.push({ collection: node.relationTo as string, id: idOf(node.value) })
      // Not into a relation's `value`: a populated document sent back holds relations of its own, not the text's.
      for (const [name, child] of Object.entries(node)) if (!(relation && name === 'value')) pending.push(child)
    }
  }
  return found
}

const OBJECT_ID = /^[a-f0-9]{24}$/i

/** An id the collection could hold (what Payload's own validation accepts; on MongoDB an ObjectId). */
function possibleId(req: PayloadRequest, collection: string, id: unknown): boolean {
  const custom = req.payload.collections[collection as CollectionSlug]?.customIDType
  const type = custom ?? req.payload.db.defaultIDType
  // A number id may arrive as text (form fields, JSON from a form): Payload accepts "12" for 12.
  const value = type === 'number' && typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : id
  if (!isValidID(value as string | number, type)) return false
  return Boolean(custom) || req.payload.db.name !== 'mongoose' || OBJECT_ID.test(String(id))
}

/** The ids among `ids` that the caller may read in `collection` (and that match `where`). */
async function readableIds(req: PayloadRequest, collection: string, ids: unknown[], where?: Where): Promise<Set<string>> {
  const found = new Set<string>()
  for (let start = 0; start < ids.length; start += PAGE) {
    const page = ids.slice(start, start + PAGE) as (string | number)[]
    const { docs } = await req.payload.find({
      collection: collection as CollectionSlug,
      where: where ? { and: [{ id: { in: page } }, where] } : { id: { in: page } },
      overrideAccess: false,
      draft: false,
      depth: 0,
      limit: page.length,
      pagination: false,
      select: {},
      req,
      // Keep the caller's locales: Payload's Local API writes them onto the request it is given.
      locale: req.locale as never,
      fallbackLocale: req.fallbackLocale as never,
    })
    for (const doc of docs) found.add(String(doc.id))
  }
  return found
}

/** What is wrong with each added target, as `collection id: reason` lines. */
async function problemsWith(req: PayloadRequest, added: Target[], allowed: (collection: string) => boolean, filter: (collection: string) => Promise<Where | boolean>): Promise<string[]> {
  const problems: string[] = []
  const byCollection = new Map<string, unknown[]>()
  for (const target of added) {
    const config = req.payload.collections[target.collection as CollectionSlug]
    if (!config || !allowed(target.collection)) {
      problems.push(`${target.collection} ${String(target.id)}: this field may not point at ${target.collection}`)
      continue
    }
    if (!possibleId(req, target.collection, target.id)) {
      problems.push(`${target.collection} ${String(target.id)}: not a valid id`)
      continue
    }
    byCollection.set(target.collection, [...(byCollection.get(target.collection) ?? []), target.id])
  }
  for (const [collection, ids] of byCollection) {
    const readable = await readableIds(req, collection, ids)
    const unreadable = ids.filter((id) => !readable.has(String(id)))
    for (const id of unreadable) problems.push(`${collection} ${String(id)}: does not exist or you may not read it`)
    const rule = await filter(collection)
    if (rule === true) continue
    const chosen = rule === false ? new Set<string>() : await readableIds(req, collection, ids.filter((id) => readable.has(String(id))), rule)
    for (const id of ids) if (readable.has(String(id)) && !chosen.has(String(id))) problems.push(`${collection} ${String(id)}: not one of the choices this field accepts`)
  }
  return problems
}

const listed = (problems: string[]) => problems.slice(0, 10).join('; ') + (problems.length > 10 ? `; and ${problems.length - 10} more` : '')

const onlyReadableTargets: FieldHook = async ({ collection, data, field, operation, originalDoc, overrideAccess, path, previousValue, req, siblingData, value }) => {
  if (overrideAccess || value === null || value === undefined) return value
  // A field the caller may not set is dropped by Payload right after this hook (e.g. a forged `uploadedBy`).
  const fieldAccess = operation === 'create' || operation === 'update' ? field.access?.[operation] : undefined
  if (fieldAccess && !(await fieldAccess({ id: originalDoc?.id, blockData: undefined, data, doc: originalDoc, req, siblingData }))) return value
  const rich = field.type === 'richText'
  const targetsOf = (v: unknown) => (rich ? richTextTargets(v) : fieldTargets(field as RelationField, v))
  const before = new Set(targetsOf(previousValue).map(key))
  const added = [...new Map(targetsOf(value).filter((t) => !before.has(key(t))).map((t) => [key(t), t])).values()]
  if (!added.length) return value

  const relation = field as RelationField
  const relationTo = rich ? [] : Array.isArray(relation.relationTo) ? relation.relationTo : [relation.relationTo]
  const allowed = (slug: string) => (rich ? RICH_TEXT_COLLECTIONS.has(slug) : (relationTo as string[]).includes(slug))
  const filter = async (slug: string): Promise<Where | boolean> => {
    const options = rich ? undefined : relation.filterOptions
    if (options === undefined || options === null) return true
    if (typeof options !== 'function') return options
    const result = await options({ id: originalDoc?.id, blockData: undefined, data: { ...originalDoc, ...data }, relationTo: slug as CollectionSlug, req, siblingData, user: req.user })
    return result === null || result === undefined ? true : result
  }
  const problems = await problemsWith(req, added, allowed, filter)
  if (!problems.length) return value
  const fieldPath = (path ?? []).join('.')
  const hint = typeof field.custom?.relationHint === 'string' ? ` ${field.custom.relationHint}` : ''
  throw new ValidationError(
    { collection: collection?.slug, errors: [{ path: fieldPath, message: `${listed(problems)}.${hint}` }], req },
    req.t,
  )
}

/** Adds the check to every relationship, upload and rich-text field, at any depth, of every collection. */
export function guardRelationTargets(config: SanitizedConfig): SanitizedConfig {
  const visit = (fields: Field[]): void => {
    for (const field of fields) {
      if (field.type === 'relationship' || field.type === 'upload' || field.type === 'richText') {
        field.hooks = { ...field.hooks, beforeValidate: [...(field.hooks?.beforeValidate ?? []), onlyReadableTargets] }
      }
      if ('fields' in field && Array.isArray(field.fields)) visit(field.fields)
      if (field.type === 'tabs') for (const tab of field.tabs) visit(tab.fields)
      if (field.type === 'blocks') for (const block of field.blocks ?? []) visit(block.fields)
    }
  }
  for (const collection of config.collections) visit(collection.fields)
  for (const global of config.globals) visit(global.fields)
  return config
}
