/**
 * Checks the query string of a REST request before Payload parses it: numbers that must be
 * numbers, JSON that must be JSON (Payload's own parse would throw a 500). What a `where` or
 * `sort` may contain is checked once Payload has parsed it, for REST, GraphQL and the Local API
 * alike, by src/security/queryRules.ts.
 */
import * as qs from 'qs-esm'

const WHOLE_NUMBER = /^\d{1,9}$/

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
  return undefined
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
