import { getTranslation } from '@payloadcms/translations'
import type { CollectionSlug, FlattenedField, PayloadRequest } from 'payload'
import { toWords } from 'payload/shared'
import { plainText } from '../search/text'

/** Titles of related documents, by `collection:id`. */
export type Titles = Map<string, string>

type Related = { relationTo: string; value: unknown }
const key = (collection: string, id: unknown) => `${collection}:${String(id)}`

/** The related documents a value points to (ids at depth 0; polymorphic `{ relationTo, value }`). */
function relatedIn(field: FlattenedField, value: unknown): Related[] {
  if (value === null || value === undefined) return []
  if (field.type === 'relationship' || field.type === 'upload') {
    const values = Array.isArray(value) ? value : [value]
    return values.map((v) =>
      Array.isArray(field.relationTo) ? (v as Related) : { relationTo: field.relationTo as string, value: v },
    )
  }
  if ('flattenedFields' in field) {
    const rows = Array.isArray(value) ? value : [value]
    return rows.flatMap((row) => field.flattenedFields.flatMap((sub) => relatedIn(sub, (row as Record<string, unknown>)?.[sub.name])))
  }
  return []
}

/**
 * Looks up the titles of every related document in the rows, with the caller's own access: a
 * document they may not read shows as its id only.
 */
export async function relatedTitles(
  req: PayloadRequest,
  fields: FlattenedField[],
  rows: { field: string; published: unknown; proposed: unknown }[],
): Promise<Titles> {
  const wanted = new Map<string, Set<string>>()
  for (const row of rows) {
    const field = fields.find((f) => f.name === row.field)!
    for (const { relationTo, value } of [...relatedIn(field, row.published), ...relatedIn(field, row.proposed)]) {
      if (typeof value === 'string' || typeof value === 'number') wanted.set(relationTo, (wanted.get(relationTo) ?? new Set()).add(String(value)))
    }
  }
  const titles: Titles = new Map()
  for (const [relationTo, ids] of wanted) {
    const collection = req.payload.collections[relationTo as CollectionSlug]
    if (!collection) continue
    const useAsTitle = collection.config.admin.useAsTitle ?? 'id'
    const { docs } = await req.payload.find({
      collection: relationTo as CollectionSlug,
      where: { id: { in: [...ids] } },
      limit: ids.size,
      depth: 0,
      pagination: false,
      overrideAccess: false,
      user: req.user,
      select: { [useAsTitle]: true } as never,
    })
    for (const doc of docs as Record<string, unknown>[]) titles.set(key(relationTo, doc.id), String(doc[useAsTitle] ?? doc.id))
  }
  return titles
}

/** A value as plain text for the review table: labels for options, titles for relations, text for rich text. */
export function displayValue(field: FlattenedField, value: unknown, req: PayloadRequest, titles: Titles): string {
  if (value === null || value === undefined) return ''
  const list = <T,>(values: T[], one: (v: T) => string) => values.map(one).filter(Boolean).join(', ')
  switch (field.type) {
    case 'richText':
      return plainText(value)
    case 'select':
    case 'radio': {
      const label = (v: unknown) => {
        const option = field.options.find((o) => (typeof o === 'string' ? o : o.value) === v)
        const text = option && typeof option === 'object' ? getTranslation(option.label, req.i18n) : undefined
        return typeof text === 'string' ? text : String(v)
      }
      return Array.isArray(value) ? list(value, label) : label(value)
    }
    case 'relationship':
    case 'upload':
      return list(relatedIn(field, value), ({ relationTo, value: id }) => {
        const ref = typeof id === 'object' && id !== null ? (id as { id?: unknown }).id : id
        return titles.get(key(relationTo, ref)) ?? `#${String(ref)}`
      })
    case 'array':
    case 'group':
    case 'tab': {
      const rows = Array.isArray(value) ? value : [value]
      return rows
        .map((row) =>
          field.flattenedFields
            .filter((sub) => sub.name !== 'id') // an array row's own id: bookkeeping
            .map((sub) => {
              const text = displayValue(sub, (row as Record<string, unknown>)?.[sub.name], req, titles)
              return text ? `${getTranslation(('label' in sub && sub.label) || toWords(sub.name), req.i18n)}: ${text}` : ''
            })
            .filter(Boolean)
            .join(' · '),
        )
        .filter(Boolean)
        .join('\n')
    }
    case 'blocks':
      return (value as Record<string, unknown>[])
        .map((row) => {
          const block = field.blocks.find((b) => typeof b !== 'string' && b.slug === row.blockType)
          if (!block || typeof block === 'string') return JSON.stringify(row)
          const text = block.flattenedFields.map((sub) => displayValue(sub, row[sub.name], req, titles)).filter(Boolean).join(' · ')
          return `${getTranslation(block.labels?.singular || block.slug, req.i18n)}: ${text}`
        })
        .join('\n')
    case 'json':
    case 'point':
      return JSON.stringify(value)
    default:
      return Array.isArray(value) ? list(value, String) : String(value)
  }
}
