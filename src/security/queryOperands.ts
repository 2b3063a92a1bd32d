/**
 * Whether a query operand fits the field it is compared with, so that nothing a client can type
 * reaches the database as a value it cannot bind or an operator it does not have (each was a
 * 500: `issuedAt equals notadate`, `id in abc,def`, a relationship equal to `abc`, `near` on a
 * text field, `all` on SQLite). Values arrive as text from REST, typed from GraphQL and the Local API.
 */
import type { Payload } from 'payload'
import { validOperatorSet } from 'payload/shared'
import { type Leaf } from './queryPaths'

export const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const TEXT_MATCH = new Set(['like', 'not_like', 'contains'])
/**
 * What an API caller may compare with: SQLite refuses a LIKE pattern over 50,000 bytes and a
 * statement binding more than 32,766 values (each a 500), and no search needs either.
 */
export const MAX_MATCH_LENGTH = 1_000
export const MAX_LIST_VALUES = 1_000

/** The problem with an API caller's operand beyond what the database can bind: its size. */
export function operandSizeProblem(operator: string, value: unknown): string | undefined {
  const values = LIST_OPERATORS.has(operator) ? (listOf(value) ?? []) : [value]
  if (values.length > MAX_LIST_VALUES) return `must be at most ${MAX_LIST_VALUES} values; ask in several requests.`
  if (TEXT_MATCH.has(operator) && typeof value === 'string' && value.length > MAX_MATCH_LENGTH) return `must be at most ${MAX_MATCH_LENGTH} characters.`
  return undefined
}
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i
const NUMERIC_ID = /^\d{1,15}$/
const OBJECT_ID = /^[a-f0-9]{24}$/i

type Scalar = string | number | boolean | null

const isObjectId = (value: unknown) => typeof value === 'object' && value !== null && (value as { _bsontype?: string })._bsontype === 'ObjectId'
const isScalar = (value: unknown): value is Scalar => value === null || ['string', 'number', 'boolean'].includes(typeof value)
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !isObjectId(value)
const isBooleanLike = (value: unknown) => value === true || value === false || value === 'true' || value === 'false'

/** Whether `value` could be the id of a document of `collection` in this database. */
export function couldBeId(payload: Payload, collection: string, value: unknown): boolean {
  const custom = (payload.collections as Record<string, { customIDType?: string } | undefined>)[collection]?.customIDType
  if (custom === 'text') return typeof value === 'string' || typeof value === 'number'
  if (custom === 'number' || (!custom && payload.db.defaultIDType === 'number')) {
    return (typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && NUMERIC_ID.test(value))
  }
  return isObjectId(value) || (typeof value === 'string' && OBJECT_ID.test(value))
}

/** The problem with `operator: value` on a field of this kind, or undefined when the database can take it. */
export function operandProblem(payload: Payload, leaf: Leaf, operator: string, value: unknown): string | undefined {
  if (!validOperatorSet.has(operator as never)) return `"${operator}" is not a query operator (${[...validOperatorSet].join(', ')}).`
  if (value === undefined) return undefined
  if (leaf.kind === 'polymorphic') return polymorphicProblem(payload, leaf, operator, value)
  if (GEO_OPERATORS.has(operator)) return leaf.kind === 'point' ? undefined : `"${operator}" works only on a map location (point) field.`
  if (operator === 'all' && payload.db.name !== 'mongoose') return '"all" is not supported by this database; use "in".'
  if (operator === 'exists') return isBooleanLike(value) ? undefined : 'must be true or false.'
  const list = LIST_OPERATORS.has(operator)
  const values = list ? listOf(value) : [value]
  if (!values) return 'must be a value or a list of values.'
  for (const item of values) {
    if (!isScalar(item) && !(item instanceof Date) && !isObjectId(item)) return list ? 'must be a value or a list of values.' : 'must be a single value.'
    const problem = valueProblem(payload, leaf, operator, item, list)
    if (problem) return problem
  }
  return undefined
}

/** `null` compares only for (in)equality: `equals null` finds the documents without a value. */
const NULL_OPERATORS = new Set(['equals', 'not_equals'])

function valueProblem(payload: Payload, leaf: Leaf, operator: string, value: unknown, inList: boolean): string | undefined {
  if ((value === null || value === 'null') && ['id', 'number', 'date', 'checkbox'].includes(leaf.kind)) {
    return NULL_OPERATORS.has(operator) && !inList ? undefined : 'cannot compare with null here; use equals, not_equals or exists.'
  }
  switch (leaf.kind) {
    case 'id': {
      // The admin panel's list search matches a document's own id as text.
      if (leaf.own && TEXT_MATCH.has(operator) && typeof value === 'string') return Number.isFinite(Number(value)) || !NUMBER.test(value) ? undefined : 'must be a finite number or text.'
      if (leaf.collections.some((slug) => couldBeId(payload, slug, value))) return undefined
      return `must be ${inList ? 'ids' : 'an id'} of ${leaf.collections.join(' or ')} (${payload.db.name === 'mongoose' ? '24 hexadecimal digits' : 'a whole number'}).`
    }
    case 'number':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && NUMBER.test(value) && Number.isFinite(Number(value)))
        ? undefined
        : 'must be a number.'
    case 'date':
      return (value instanceof Date && !Number.isNaN(value.getTime())) ||
        (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' && !Number.isNaN(Date.parse(value)))
        ? undefined
        : 'must be a date, e.g. 2025-01-31 or 2025-01-31T12:00:00Z.'
    case 'slug':
      // Payload compares a link's collection only for (in)equality.
      return ['equals', 'not_equals'].includes(operator) && typeof value === 'string' && leaf.collections.includes(value)
        ? undefined
        : `must be one of ${leaf.collections.join(', ')}, with equals or not_equals.`
    case 'checkbox':
      return isBooleanLike(value) ? undefined : 'must be true or false.'
    default:
      return undefined
  }
}

/** A field that links to several collections compares with `{ relationTo, value }` pairs only. */
function polymorphicProblem(payload: Payload, leaf: Extract<Leaf, { kind: 'polymorphic' }>, operator: string, value: unknown): string | undefined {
  const hint = `query ${leaf.path}.value or ${leaf.path}.relationTo.`
  if (!['equals', 'not_equals', 'in', 'not_in'].includes(operator)) return hint
  const pairs = LIST_OPERATORS.has(operator) && Array.isArray(value) ? value : [value]
  const fits = (pair: unknown) =>
    isPlainObject(pair) && typeof pair.relationTo === 'string' && leaf.collections.includes(pair.relationTo) && couldBeId(payload, pair.relationTo, pair.value)
  return pairs.every(fits) ? undefined : hint
}

/** A list operator's operand as the list Payload will compare with (`a,b` is two values). */
export function listOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value
  if (typeof value === 'string') return value.split(',')
  return isPlainObject(value) ? undefined : [value]
}
