/**
 * Which anonymous reads of `/api/resources` the read model answers: a request is turned into a
 * query only when every parameter is one this file knows, with a value it can answer exactly as
 * Payload would. Anything else (another parameter, operator, value or path) is undefined, and
 * Payload answers it.
 */
import { CATEGORIES, SECTIONS } from '../../collections/Resources/options'
import { LANGUAGES } from '../../fields/language'
import { MAX_PAGE_SIZE } from '../security/queryGuard'

export const LOCALES = ['en', 'es', 'all'] as const
export type Locale = (typeof LOCALES)[number]
/** The depths rendered and served (without `depth`, Payload's default 2 applies: not served). */
export const DEPTHS = [0, 1] as const

export type ByIdQuery = { kind: 'byId'; id: string; locale: Locale; depth: number }
export type ListQuery = {
  kind: 'list'
  locale: Locale
  depth: number
  limit: number
  page: number
  sort: { field: 'updatedAt' | 'publishedAt' | 'title'; descending: boolean }
  category?: string
  section?: string
  slug?: string
  jurisdictionCode?: string
  jurisdictionId?: string
  language?: string
  updatedAfter?: string
}
export type ReadModelQuery = ByIdQuery | ListQuery

const WHOLE = /^[1-9]\d{0,8}$/
/** Ids as the adapters make them (SQLite numbers, MongoDB ObjectIds), written as Payload would read them. */
const ID = /^(?:[1-9]\d{0,15}|[0-9a-f]{24})$/
const CATEGORY_VALUES = new Set<string>(CATEGORIES.map((c) => c.value))
const SECTION_VALUES = new Set<string>(SECTIONS.map((s) => s.value))
const LANGUAGE_VALUES = new Set<string>(LANGUAGES.map((l) => l.value))
const SORTS: Record<string, ListQuery['sort']> = {
  updatedAt: { field: 'updatedAt', descending: false },
  '-updatedAt': { field: 'updatedAt', descending: true },
  publishedAt: { field: 'publishedAt', descending: false },
  '-publishedAt': { field: 'publishedAt', descending: true },
  title: { field: 'title', descending: false },
  '-title': { field: 'title', descending: true },
}

type Filter = { key: keyof ListQuery; read: (value: string) => string | undefined }
const FILTERS: Record<string, Filter> = {
  'where[category][equals]': { key: 'category', read: (v) => (CATEGORY_VALUES.has(v) ? v : undefined) },
  'where[section][equals]': { key: 'section', read: (v) => (SECTION_VALUES.has(v) ? v : undefined) },
  'where[slug][equals]': { key: 'slug', read: (v) => (/^[a-z0-9-]{1,300}$/.test(v) ? v : undefined) },
  'where[jurisdictions.code][equals]': { key: 'jurisdictionCode', read: (v) => (/^[A-Z]{2}(?:-[A-Z0-9]{1,20}){0,3}$/.test(v) ? v : undefined) },
  'where[jurisdictions][equals]': { key: 'jurisdictionId', read: (v) => (ID.test(v) ? v : undefined) },
  'where[language][equals]': { key: 'language', read: (v) => (LANGUAGE_VALUES.has(v) ? v : undefined) },
  'where[updatedAt][greater_than]': { key: 'updatedAfter', read: isoDate },
}

/** Payload reads a date filter as `new Date(value)` and compares its ISO form. */
function isoDate(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/.test(value)) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** The read-model query for a GET of `url` (path and query string, as received), or undefined. */
export function readModelQuery(url: string, apiRoute = '/api'): ReadModelQuery | undefined {
  const at = url.indexOf('?')
  const path = at < 0 ? url : url.slice(0, at)
  const prefix = `${apiRoute}/resources`
  let id: string | undefined
  if (path !== prefix) {
    if (!path.startsWith(`${prefix}/`)) return undefined
    id = path.slice(prefix.length + 1)
    if (!ID.test(id)) return undefined
  }
  const params = new URLSearchParams(at < 0 ? '' : url.slice(at + 1))
  const seen = new Set<string>()
  for (const key of params.keys()) {
    if (seen.has(key)) return undefined // a repeated parameter: Payload's parser makes an array of it
    seen.add(key)
  }
  // Without `depth`, Payload's default (2) applies: not rendered.
  const depthText = params.get('depth')
  const depth = depthText === null ? undefined : DEPTHS.find((d) => String(d) === depthText)
  if (depth === undefined) return undefined
  const localeText = params.get('locale') ?? 'en'
  const locale = LOCALES.find((l) => l === localeText)
  if (!locale) return undefined
  params.delete('depth')
  params.delete('locale')

  if (id !== undefined) return params.size === 0 ? { kind: 'byId', id, locale, depth } : undefined

  const query: ListQuery = { kind: 'list', locale, depth, limit: 10, page: 1, sort: SORTS['-updatedAt']! }
  for (const [key, value] of params) {
    if (key === 'limit' || key === 'page') {
      if (!WHOLE.test(value)) return undefined
      query[key] = Number(value)
    } else if (key === 'sort') {
      const sort = SORTS[value]
      if (!sort) return undefined
      query.sort = sort
    } else {
      const filter = FILTERS[key]
      const read = filter?.read(value)
      if (!filter || read === undefined) return undefined
      ;(query as Record<string, unknown>)[filter.key] = read
    }
  }
  if (query.limit > MAX_PAGE_SIZE) return undefined
  // Payload sorts `locale=all` by a title it picks itself: not modelled.
  if (query.sort.field === 'title' && locale === 'all') return undefined
  return query
}
