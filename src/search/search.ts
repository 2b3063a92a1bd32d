import type { Payload, PayloadRequest } from 'payload'
import { CATEGORIES } from '../../collections/Resources/options'
import { searchBackend } from './backends'
import { excerpt, MAX_QUERY_LENGTH, MAX_QUERY_TERMS, queryTerms } from './text'
import { publicVerification, type PublicVerification } from '../verification/status'
import { modelLocale, modelMayAnswer, resourcesById } from '../readModel/endpointReads'

/**
 * The hits' sign-offs, read as the public reads them (the status is derived from the clock, so
 * it is not in the search index).
 */
async function verificationOf(payload: Payload, ids: string[], locale: string, req?: PayloadRequest): Promise<Map<string, unknown>> {
  if (!ids.length) return new Map()
  // From the read model for an anonymous request naming only search's parameters (src/readModel/endpointReads.ts).
  const modelled = modelLocale(locale)
  const stored = req && modelled && modelMayAnswer(req, SEARCH_PARAMETERS) ? await resourcesById('search', ids, modelled) : undefined
  if (stored) return new Map([...stored].map(([id, doc]) => [id, doc.verification]))
  const { docs } = await payload.find({ collection: 'resources', where: { id: { in: ids } }, select: { verification: true }, depth: 0, limit: ids.length, pagination: false, overrideAccess: false, req })
  return new Map(docs.map((d) => [String(d.id), (d as { verification?: unknown }).verification]))
}

/** Every query parameter search reads. */
const SEARCH_PARAMETERS = ['q', 'locale', 'category', 'jurisdiction', 'page', 'limit']
export const SEARCH_PAGE_SIZE = 10
export const MAX_SEARCH_LIMIT = 50
export const MAX_SEARCH_PAGE = 100

export type SearchParams = { q: string; terms: string[]; locale: string; category?: string; jurisdiction?: string; page: number; limit: number }
export type SearchHit = {
  id: string
  slug: string | null
  title: string | null
  summary: string | null
  category: string | null
  section: string | null
  jurisdictions: string[]
  issuedAt: string | null
  verification: PublicVerification
  excerpt: string
}

/** Reads and checks the query string: the params, or a message naming what is wrong (→ 400). */
export function parseSearchParams(query: URLSearchParams, locales: string[]): SearchParams | { error: string } {
  const q = (query.get('q') ?? '').trim()
  if (!q) return { error: '"q" is required: the words to search for.' }
  if (q.length > MAX_QUERY_LENGTH) return { error: `"q" is too long: at most ${MAX_QUERY_LENGTH} characters.` }
  const terms = queryTerms(q)
  if (!terms.length) return { error: '"q" holds no words to search for.' }
  if (terms.length > MAX_QUERY_TERMS) return { error: `"q" has too many words: at most ${MAX_QUERY_TERMS}.` }
  const locale = query.get('locale') ?? 'en'
  if (!locales.includes(locale)) return { error: `"locale" must be one of: ${locales.join(', ')}.` }
  const category = query.get('category') ?? undefined
  if (category !== undefined && !CATEGORIES.some((c) => c.value === category)) {
    return { error: `"category" must be one of: ${CATEGORIES.map((c) => c.value).join(', ')}.` }
  }
  const jurisdiction = query.get('jurisdiction') ?? undefined
  if (jurisdiction !== undefined && !/^US(-[A-Z0-9]+)*$/.test(jurisdiction)) {
    return { error: '"jurisdiction" must be a jurisdiction code such as US-NY.' }
  }
  const page = positive(query.get('page'), 1)
  if (page === undefined || page > MAX_SEARCH_PAGE) return { error: `"page" must be a whole number from 1 to ${MAX_SEARCH_PAGE}.` }
  const limit = positive(query.get('limit'), SEARCH_PAGE_SIZE)
  if (limit === undefined || limit > MAX_SEARCH_LIMIT) return { error: `"limit" must be a whole number from 1 to ${MAX_SEARCH_LIMIT}.` }
  return { q, terms, locale, category, jurisdiction, page, limit }
}

function positive(value: string | null, fallback: number): number | undefined {
  if (value === null || value === '') return fallback
  return /^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : undefined
}

/** Published resources matching every term, best first (title over summary over documents over body). */
export async function searchResources(payload: Payload, params: SearchParams, req?: PayloadRequest) {
  const { terms, page, limit } = params
  const { totalDocs, entries } = await searchBackend(payload).search(terms, params, { offset: (page - 1) * limit, limit })
  const totalPages = Math.ceil(totalDocs / limit)
  const signOffs = await verificationOf(payload, entries.map((entry) => entry.resource), params.locale, req)
  const docs: SearchHit[] = entries.map((entry) => ({
    id: entry.resource,
    slug: entry.slug,
    title: entry.title,
    summary: entry.summary,
    category: entry.category,
    section: entry.section,
    jurisdictions: (entry.jurisdictions ?? '').trim().split(' ').filter(Boolean),
    issuedAt: entry.issuedAt,
    verification: publicVerification(signOffs.get(String(entry.resource))),
    excerpt: excerpt(entry, terms),
  }))
  return { docs, totalDocs, limit, page, totalPages, hasPrevPage: page > 1, hasNextPage: page < totalPages, q: params.q, locale: params.locale }
}
