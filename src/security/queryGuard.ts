/**
 * Checks the query string of a REST request before Payload sees it, so that what a client can
 * type never reaches the database driver as a value it cannot bind (a 500). Field paths and
 * access are Payload's to check (it answers 400 / 403 itself).
 */
import * as qs from 'qs-esm'
import { validOperatorSet } from 'payload/shared'

const WHOLE_NUMBER = /^\d{1,9}$/
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])

type Scalar = string | number | boolean | null

/** The most documents one list (REST, GraphQL, a join) may return: src/plugins/apiGuards.ts. */
export const MAX_PAGE_SIZE = 100

/** The problem with the query, or undefined when it may go to Payload. */
export function queryProblem(search: string): string | undefined {
  const query = qs.parse(search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true })
  for (const key of ['limit', 'page', 'depth'] as const) {
    const value = query[key]
    if (value !== undefined && !(typeof value === 'string' && WHOLE_NUMBER.test(value))) {
      return `${key} must be a whole number.`
    }
  }
  for (const key of ['where', 'data'] as const) {
    const value = query[key]
    if (typeof value === 'string' && value.length > 0 && !isJsonObject(value)) {
      return `${key} must be a JSON object or use bracket syntax, e.g. ${key}[title][equals]=….`
    }
  }
  const where = typeof query.where === 'string' && query.where ? JSON.parse(query.where) : query.where
  return where === undefined ? undefined : whereProblem(where, 'where')
}

function whereProblem(where: unknown, path: string): string | undefined {
  if (!isPlainObject(where)) return `${path} must be an object.`
  for (const [key, value] of Object.entries(where)) {
    const here = `${path}[${key}]`
    if (key === 'and' || key === 'or') {
      const clauses = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : undefined
      if (!clauses) return `${here} must be a list of conditions.`
      for (const [i, clause] of clauses.entries()) {
        const problem = whereProblem(clause, `${here}[${i}]`)
        if (problem) return problem
      }
    } else if (validOperatorSet.has(key as never)) {
      const problem = operandProblem(key, value, here)
      if (problem) return problem
    } else if (!isPlainObject(value)) {
      return `${here}: "${key}" is not a query operator (${[...validOperatorSet].join(', ')}).`
    } else {
      const problem = whereProblem(value, here)
      if (problem) return problem
    }
  }
  return undefined
}

function operandProblem(operator: string, value: unknown, path: string): string | undefined {
  if (GEO_OPERATORS.has(operator)) return undefined
  if (LIST_OPERATORS.has(operator)) {
    const list = Array.isArray(value) ? value : isPlainObject(value) ? undefined : [value]
    if (!list || !list.every(isScalar)) return `${path} must be a value or a list of values.`
    return undefined
  }
  return isScalar(value) ? undefined : `${path} must be a single value.`
}

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isJsonObject(text: string): boolean {
  try {
    return isPlainObject(JSON.parse(text))
  } catch {
    return false
  }
}
