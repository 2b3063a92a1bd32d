/**
 * What a query path (`where` key, `sort` entry) names, resolved the way Payload resolves it
 * (payload/dist/database/getLocalizedPaths.js): `__` is GraphQL's `.`, a locale code may follow
 * a localized field, a relationship, upload or join continues in the related collection, `x.id`
 * after a relationship is the relationship itself, a polymorphic one is queried through
 * `x.relationTo` / `x.value`, json paths go on inside the value.
 */
import { buildVersionCollectionFields, type FlattenedBlock, type FlattenedField, type Payload, type SanitizedCollectionConfig } from 'payload'

/** What the value of a query is compared with. */
export type Leaf =
  | { kind: 'id'; collections: string[]; own: boolean }
  | { kind: 'polymorphic'; collections: string[]; path: string }
  | { kind: 'slug'; collections: string[] }
  | { kind: 'number' | 'date' | 'checkbox' | 'point' | 'text' | 'json' | 'richText' }

export type ResolvedPath = {
  /** Every named field the path reads, across collections, in order. */
  fields: FlattenedField[]
  /** The collections the path enters through a relationship, upload or join (not the queried one). */
  hops: string[]
  /** Whether one of the hops is a join field. */
  throughJoin?: boolean
  /** Undefined when the path stops being resolvable; `problem` says why. */
  leaf?: Leaf
  problem?: string
  /** The problem is a name that is not there (a sort ignores those, as Payload does). */
  unknown?: boolean
}

/** A collection's config by slug (the generated types only know our literal slugs). */
export const collectionConfig = (payload: Payload, slug: string): SanitizedCollectionConfig | undefined =>
  (payload.collections as Record<string, { config: SanitizedCollectionConfig } | undefined>)[slug]?.config

const JSON_SEGMENT = /^\w+$/
const versionFieldsOf = new WeakMap<SanitizedCollectionConfig, FlattenedField[]>()

/** The fields of the collection's versions (`parent`, `version.*`, `latest`, …), as Payload builds them. */
export function versionFields(payload: Payload, collection: SanitizedCollectionConfig): FlattenedField[] {
  let fields = versionFieldsOf.get(collection)
  if (!fields) {
    fields = buildVersionCollectionFields(payload.config, collection, true) as FlattenedField[]
    versionFieldsOf.set(collection, fields)
  }
  return fields
}

export function resolvePath(payload: Payload, collection: string, rootFields: FlattenedField[], path: string): ResolvedPath {
  const segments = (path === '_id' ? 'id' : path.replace(/__/g, '.')).split('.')
  const locales = new Set(payload.config.localization ? payload.config.localization.localeCodes : [])
  const resolved: ResolvedPath = { fields: [], hops: [] }
  const stop = (problem: string): ResolvedPath => ({ ...resolved, problem })
  const done = (leaf: Leaf, rest: number): ResolvedPath =>
    rest > 0 ? stop(`"${resolved.fields.at(-1)?.name}" has no fields inside it.`) : { ...resolved, leaf }

  let fields = rootFields
  let current = collection
  let localized = false
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!
    const last = i === segments.length - 1
    const field = fields.find((f) => 'name' in f && f.name === segment)
    if (!field) {
      if (segment === 'id' && last) return { ...resolved, leaf: { kind: 'id', collections: [current], own: true } }
      return { ...stop(`no field "${segment}" in ${current}.`), unknown: true }
    }
    resolved.fields.push(field)
    if ('virtual' in field && field.virtual) return stop(`"${segment}" is computed when read; it cannot be queried.`)
    localized ||= Boolean('localized' in field && field.localized)
    if (localized && locales.has(segments[i + 1] ?? '')) i += 1
    const rest = segments.length - 1 - i

    switch (field.type) {
      case 'group':
      case 'tab':
      case 'array':
        if (rest === 0) return stop(`"${segment}" holds other fields: name one of them, e.g. ${segment}.${field.flattenedFields[0]?.name}.`)
        fields = field.flattenedFields
        break
      case 'blocks': {
        if (rest === 0) return stop(`"${segment}" holds blocks: name a field inside them, e.g. ${segment}.blockType.`)
        if (segments[i + 1] === 'blockType') return done({ kind: 'text' }, rest - 1)
        const blocks = field.blockReferences ?? field.blocks
        fields = blocks.flatMap((block) => (typeof block === 'string' ? (payload.blocks as Record<string, FlattenedBlock | undefined>)[block]?.flattenedFields ?? [] : block.flattenedFields))
        break
      }
      case 'relationship':
      case 'upload': {
        if (Array.isArray(field.relationTo)) {
          const collections = field.relationTo
          if (rest === 0) return done({ kind: 'polymorphic', collections, path: segments.slice(0, i + 1).join('.') }, 0)
          if (segments[i + 1] === 'value') return done({ kind: 'id', collections, own: false }, rest - 1)
          if (segments[i + 1] === 'relationTo') return done({ kind: 'slug', collections }, rest - 1)
          return stop(`"${segment}" can link to several collections: query ${segment}.value or ${segment}.relationTo.`)
        }
        if (rest === 0 || (rest === 1 && segments[i + 1] === 'id')) return done({ kind: 'id', collections: [field.relationTo], own: false }, 0)
        current = field.relationTo
        resolved.hops.push(current)
        fields = collectionConfig(payload, current)?.flattenedFields ?? []
        localized = false
        break
      }
      case 'join': {
        if (Array.isArray(field.collection)) return stop(`"${segment}" joins several collections; it cannot be queried.`)
        current = field.collection
        resolved.hops.push(current)
        resolved.throughJoin = true
        // Payload reads `join` as `join.id` (the ids of the documents that point here), and refuses `join.id` itself.
        if (rest === 0) return done({ kind: 'id', collections: [current], own: false }, 0)
        if (rest === 1 && segments[i + 1] === 'id') return stop(`query "${segment}" itself for the ids of the documents it joins.`)
        fields = collectionConfig(payload, current)?.flattenedFields ?? []
        localized = false
        break
      }
      case 'json': {
        const inside = segments.slice(i + 1)
        if (!inside.every((s) => JSON_SEGMENT.test(s))) return stop(`"${inside.join('.')}" is not a path inside "${segment}" (letters, digits and _ only).`)
        return { ...resolved, leaf: { kind: 'json' } }
      }
      case 'richText':
        return done({ kind: 'richText' }, rest)
      case 'number':
      case 'date':
      case 'checkbox':
      case 'point':
        return done({ kind: field.type }, rest)
      default:
        return done({ kind: 'text' }, rest)
    }
  }
  return stop('the path is empty.')
}
