import type { CollectionSlug, Payload } from 'payload'

type Data = Record<string, unknown>
type Id = string | number

/**
 * A stable text form of a value as Payload returns it at depth 0, to tell whether an update would
 * change anything: array rows lose their generated ids, dates compare as instants, empty is null.
 */
function canonical(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null
  if (Array.isArray(value)) return value.map(canonical)
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(value)) return new Date(value).toISOString()
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Data)
        .filter(([key]) => key !== 'id')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, v]) => [key, canonical(v)]),
    )
  }
  return value
}

const differs = (existing: Data, data: Data) =>
  Object.keys(data).some((key) => JSON.stringify(canonical(existing[key])) !== JSON.stringify(canonical(data[key])))

export type UpsertInput = {
  collection: CollectionSlug
  /** The natural key: `slug`, `code` or `key`. */
  key: 'slug' | 'code' | 'key'
  /** Every non-localized field, and the English values of localized ones. */
  data: Data
  /** Spanish values of localized fields. */
  es?: Data
  /** For collections with drafts: the status to leave the document in. */
  status?: 'published' | 'draft'
}

/**
 * Creates the document, or updates it only where it differs from `data`: a second run writes
 * nothing (no new versions, no changed timestamps).
 */
export async function upsert(payload: Payload, { collection, key, data, es, status }: UpsertInput): Promise<Id> {
  const withStatus = (d: Data) => (status ? { ...d, _status: status } : d)
  const draft = status === 'draft'
  const found = await payload.find({
    collection,
    where: { [key]: { equals: data[key] } },
    limit: 1,
    depth: 0,
    locale: 'en',
    draft,
    overrideAccess: true,
  })
  const existing = found.docs[0] as Data | undefined
  let id: Id
  if (!existing) {
    id = (await payload.create({ collection, data: withStatus(data) as never, locale: 'en', draft, overrideAccess: true })).id
  } else {
    id = existing.id as Id
    if (differs(existing, withStatus(data))) {
      await payload.update({ collection, id, data: withStatus(data) as never, locale: 'en', draft, overrideAccess: true })
    }
  }
  if (es) {
    const spanish = (await payload.findByID({
      collection,
      id,
      depth: 0,
      locale: 'es',
      fallbackLocale: false,
      draft,
      overrideAccess: true,
    })) as unknown as Data
    if (!existing || differs(spanish, es)) {
      await payload.update({ collection, id, data: withStatus(es) as never, locale: 'es', draft, overrideAccess: true })
    }
  }
  return id
}
