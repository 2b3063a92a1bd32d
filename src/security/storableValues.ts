/**
 * A value the database cannot store in its field is a 400 naming the field. Payload validates a
 * write's fields, but not all it lets through can be stored:
 * - the date fields Payload adds after validating the config (`createdAt`, `updatedAt`, an
 *   account's `sessions`) are never validated, and an empty date passes validation:
 *   `createdAt: "notadate"` or `1e20`, `issuedAt: ""` threw in the SQL adapter (a 500, for an
 *   anonymous sign-up too);
 * - a select given a list or an object passed (Payload checks a list's entries against the
 *   options whether or not the field takes a list) and could not be bound (a 500);
 * - a number given `"abc"` or `1e400` became NaN or Infinity, which passed, and was stored as text;
 * - rich text that is not a Lexical document (`{"root": 1}`) failed in the adapter or in Lexical's
 *   own hooks (a 500), and so did an object in a textarea (a text field stores its JSON).
 * A beforeOperation hook on every collection checks a write's data as sent, before any field hook
 * reads it, drafts included. Payload still checks what fits (options, lengths, ranges).
 */
import { type CollectionBeforeOperationHook, type FlattenedField, type SanitizedConfig, ValidationError } from 'payload'
import { eachFieldValue } from './fieldValues'

type Problem = { path: string; message: string }

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

/** What the adapters store as a date: a Date, or a string or number that makes a valid one. */
export function storableDate(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime())
  if (typeof value === 'string' || typeof value === 'number') return !Number.isNaN(new Date(value).getTime())
  return false
}

const finiteNumber = (value: unknown): boolean => (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))

/** A Lexical document: a root node, and every node's children a list of nodes. */
function lexicalDocument(value: unknown): boolean {
  if (!isObject(value) || !isObject(value.root)) return false
  const nodesOk = (node: Record<string, unknown>, depth: number): boolean =>
    depth < 200 && (node.children === undefined || (Array.isArray(node.children) && node.children.every((child) => isObject(child) && nodesOk(child, depth + 1))))
  return nodesOk(value.root, 0)
}

const listOf = (value: unknown, each: (v: unknown) => boolean) => Array.isArray(value) && value.every(each)

/** The problem with one value of `field`, or undefined when the database can store it. */
function valueProblem(field: FlattenedField, value: unknown): string | undefined {
  const many = 'hasMany' in field && field.hasMany === true
  switch (field.type) {
    case 'date':
      return storableDate(value) ? undefined : 'must be a date, e.g. 2025-01-31 or 2025-01-31T12:00:00Z (null clears it).'
    case 'number':
      if (value === '') return undefined // a cleared number, as forms send it
      return (many ? listOf(value, finiteNumber) : finiteNumber(value)) ? undefined : many ? 'must be a list of numbers.' : 'must be a number.'
    case 'select':
    case 'radio':
      if (many) return listOf(value, (v) => typeof v === 'string') ? undefined : 'must be a list of options.'
      return typeof value === 'string' ? undefined : 'must be one option, not a list or an object.'
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      if (many) return listOf(value, (v) => typeof v === 'string') ? undefined : 'must be a list of texts.'
      return typeof value === 'string' ? undefined : 'must be text.'
    case 'richText':
      return lexicalDocument(value) ? undefined : 'must be a rich text document (Lexical JSON: { "root": { "children": [ … ] } }).'
    case 'point':
      return listOf(value, finiteNumber) && (value as unknown[]).length === 2 ? undefined : 'must be [longitude, latitude].'
    default:
      return undefined
  }
}

/** A localized field written with `locale=all` holds an object of locales. */
const perLocale = (field: FlattenedField, value: unknown, allLocales: boolean) => allLocales && 'localized' in field && field.localized && isObject(value)

function problemsIn(fields: FlattenedField[], data: unknown, allLocales: boolean): Problem[] {
  const out: Problem[] = []
  eachFieldValue(fields, data, (field, value, path) => {
    const values = perLocale(field, value, allLocales) ? Object.values(value as object) : [value]
    const message = values.map((v) => (v === null || v === undefined ? undefined : valueProblem(field, v))).find(Boolean)
    if (message) out.push({ path, message })
  })
  return out
}

const checkValues: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const errors = problemsIn(collection.flattenedFields, (args as { data?: unknown }).data, req.locale === 'all')
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors }, req.t)
  return args
}

/** First in every collection's beforeOperation hooks: before any field hook reads the data. */
export function applyStorableValueChecks(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    collection.hooks.beforeOperation = [checkValues, ...(collection.hooks.beforeOperation ?? [])]
  }
  return config
}
