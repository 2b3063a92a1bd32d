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

/** The query parameters Payload reads as booleans (payload's parseParams). */
const BOOLEAN_PARAMS = ['autosave', 'draft', 'trash', 'overrideLock', 'pagination', 'flattenLocales', 'publishAllLocales', 'unpublishAllLocales'] as const

/** Payload's words for no fallback, beside a locale code. */
const NO_FALLBACK = ['none', 'false', 'null']

/**
 * The problem with the query, or undefined when it may go to Payload. `locales`: the configured
 * locale codes; Payload reads any other `locale` as the default one (an English answer to `es-MX`,
 * an English write to `?locale=fr`) and any other fallback as none.
 */
export function queryProblem(search: string, locales: readonly string[] = []): string | undefined {
  const query = qs.parse(search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true })
  if (locales.length) {
    const problem = localeProblem(query, locales)
    if (problem) return problem
  }
  for (const key of ['limit', 'page', 'depth'] as const) {
    const value = query[key]
    if (value !== undefined && !(typeof value === 'string' && WHOLE_NUMBER.test(value))) {
      return `${key} must be a whole number.`
    }
  }
  // Payload reads anything but `true` and `false` as not given (`draft=yes` is not a draft read).
  for (const key of BOOLEAN_PARAMS) {
    const value = query[key]
    if (value !== undefined && value !== 'true' && value !== 'false') return `${key} must be true or false.`
  }
  const select = query.select
  if (select !== undefined) {
    const problem = isPlainObject(select) ? selectProblem(select, 'select') : 'select must name fields, e.g. select[title]=true.'
    if (problem) return problem
  }
  const populate = query.populate
  if (populate !== undefined) {
    if (!isPlainObject(populate)) return 'populate must name a collection and its fields, e.g. populate[jurisdictions][name]=true.'
    for (const [slug, fields] of Object.entries(populate)) {
      const problem = isPlainObject(fields) ? selectProblem(fields, `populate[${slug}]`) : `populate[${slug}] must name fields, e.g. populate[${slug}][name]=true.`
      if (problem) return problem
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

function localeProblem(query: Record<string, unknown>, locales: readonly string[]): string | undefined {
  const locale = query.locale
  if (locale !== undefined && !(typeof locale === 'string' && [...locales, 'all', '*'].includes(locale))) {
    return `locale must be one of ${[...locales, 'all'].join(', ')}.`
  }
  for (const key of ['fallback-locale', 'fallbackLocale']) {
    const value = query[key]
    if (value === undefined) continue
    // Payload takes a list of codes here (the first one that has a value wins).
    const ok = typeof value === 'string' ? [...locales, ...NO_FALLBACK].includes(value) : Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && locales.includes(v))
    if (!ok) return `${key} must be one of ${[...locales, 'none'].join(', ')} (or a list of locales).`
  }
  return undefined
}

/** A field selection: `true`/`false` per field, an object per group (Payload kept any other value as true). */
function selectProblem(select: Record<string, unknown>, param: string): string | undefined {
  for (const [key, value] of Object.entries(select)) {
    const here = `${param}[${key}]`
    if (isPlainObject(value)) {
      const problem = selectProblem(value, here)
      if (problem) return problem
    } else if (value !== 'true' && value !== 'false') {
      return `${here} must be true or false.`
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
