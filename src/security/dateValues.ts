/**
 * A date the database cannot store is a 400 naming the field. Payload validates a date field only
 * when it validates a write, which it skips for drafts (every API update of a resource is one), and
 * never for the date fields it adds itself after validating the config: `createdAt`, `updatedAt`
 * and an account's `sessions` dates. `createdAt: "notadate"` (or `1e20`) reached the adapter, which
 * threw converting it (a 500; for an anonymous sign-up too), and so did `issuedAt: ""` on a resource.
 * A beforeChange hook on every collection checks every date in the data, drafts included, as
 * linkedDocuments.ts checks links.
 */
import { type CollectionBeforeChangeHook, type FlattenedField, type SanitizedConfig, ValidationError } from 'payload'

type Problem = { path: string; message: string }

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !(value instanceof Date)

/** What the adapters store: a Date, or a string or number that makes a valid one. */
export function storableDate(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime())
  if (typeof value === 'string' || typeof value === 'number') return !Number.isNaN(new Date(value).getTime())
  return false
}

const MESSAGE = 'must be a date, e.g. 2025-01-31 or 2025-01-31T12:00:00Z (null clears it).'

function datesIn(fields: FlattenedField[], data: unknown, prefix: string, out: Problem[]): Problem[] {
  if (!isObject(data)) return out
  for (const field of fields) {
    if (!('name' in field)) continue
    const value = data[field.name]
    const path = prefix ? `${prefix}.${field.name}` : field.name
    if (value === undefined || value === null) continue
    if (field.type === 'date') {
      // A localized date written for every locale at once is an object of them.
      const values = 'localized' in field && field.localized && isObject(value) ? Object.values(value) : [value]
      if (values.some((v) => v !== null && v !== undefined && !storableDate(v))) out.push({ path, message: MESSAGE })
    } else if (field.type === 'group' || field.type === 'tab') {
      datesIn(field.flattenedFields, value, path, out)
    } else if (field.type === 'array' && Array.isArray(value)) {
      value.forEach((row, i) => datesIn(field.flattenedFields, row, `${path}.${i}`, out))
    } else if (field.type === 'blocks' && Array.isArray(value)) {
      value.forEach((row, i) => {
        const block = field.blocks.find((b) => isObject(row) && b.slug === row.blockType)
        if (block) datesIn(block.flattenedFields, row, `${path}.${i}`, out)
      })
    }
  }
  return out
}

const checkDates: CollectionBeforeChangeHook = ({ collection, data, req }) => {
  const errors = datesIn(collection.flattenedFields, data, '', [])
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors }, req.t)
  return data
}

/** First in every collection's beforeChange hooks: later hooks may read the dates. */
export function applyDateChecks(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    collection.hooks.beforeChange = [checkDates, ...(collection.hooks.beforeChange ?? [])]
  }
  return config
}
