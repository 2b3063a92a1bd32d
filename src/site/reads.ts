/**
 * What each page reads, all through the public API (./publicApi.ts), in the page's language.
 * Bounded: every list has a limit, and a page makes a fixed number of calls.
 */
import { SECTIONS } from '../../collections/Resources/options'
import type { PublicApi } from './publicApi'
import { newestLists } from '../readModel/endpointReads'

export type Lang = 'en' | 'es'
type Id = string | number
type List<T> = { docs: T[]; totalDocs: number; page?: number; totalPages?: number; hasNextPage?: boolean; hasPrevPage?: boolean }

export type ResourceBrief = { id: Id; slug?: string | null; title?: string | null; summary?: string | null; issuedAt?: string | null; category?: string | null; superseded?: boolean | null }
export type MapEntry = { code: string; name: string; type: string; protectionStatus: string }
export type Webinar = {
  id: Id
  title: string
  description?: string | null
  startsAt: string
  endsAt: string
  timezone?: string | null
  registrationOpen?: boolean | null
  seatsLeft?: number | null
  language?: string | null
}
export type JurisdictionBrief = { id: Id; code: string; name: string; type: string }
export type Toolkit = {
  jurisdiction: JurisdictionBrief & { protection: Record<string, string | null> }
  sections: { section: string; label: string; totalDocs: number; resources: ResourceBrief[] }[]
  unsectioned: { totalDocs: number; resources: ResourceBrief[] }
  inherited: { jurisdiction: JurisdictionBrief; totalDocs: number; resources: ResourceBrief[] }[]
}
export type Document = { id: Id; title?: string; url?: string | null; filename?: string | null; mimeType?: string | null; filesize?: number | null }
export type Resource = ResourceBrief & {
  body?: unknown
  issuedBy?: string | null
  issuerType?: string | null
  effectiveAt?: string | null
  section?: string | null
  billNumber?: string | null
  legislativeStatus?: string | null
  jurisdictions?: (JurisdictionBrief | Id)[] | null
  documents?: (Document | Id)[] | null
  links?: { label: string; url: string }[] | null
  supersededBy?: { docs?: (ResourceBrief | Id)[] } | null
  /** The legal sign-off's public part (src/verification/status.ts). */
  verification?: { status?: string | null; verifiedAt?: string | null; reviewBy?: string | null; attribution?: string | null } | null
  socialPosts?: { platform: string; text: string }[] | null
}

const BRIEF_FIELDS = ['title', 'slug', 'issuedAt', 'summary', 'superseded'] as const
const BRIEF = Object.fromEntries(BRIEF_FIELDS.map((field) => [`select[${field}]`, 'true']))
const objects = <T extends object>(values: unknown[] | null | undefined) => (values ?? []).filter((v): v is T => typeof v === 'object' && v !== null)

export async function homeData(api: PublicApi, lang: Lang) {
  const sections = (await sectionsFromReadModel(lang)) ?? (await Promise.all(
    SECTIONS.map(async ({ value }) => {
      const { body } = await api.get<List<ResourceBrief>>('/resources', { 'where[section][equals]': value, sort: '-issuedAt', limit: 3, depth: 0, locale: lang, ...BRIEF })
      return { section: value, totalDocs: body?.totalDocs ?? 0, resources: body?.docs ?? [] }
    }),
  ))
  const [map, webinars] = await Promise.all([mapData(api, lang), upcomingWebinars(api, lang, 3)])
  return { sections, map, webinars }
}

/**
 * The same lists from the read model (src/readModel/endpointReads.ts): what the public API gives
 * an anonymous reader, in one indexed read per section; undefined when it cannot answer.
 */
async function sectionsFromReadModel(lang: Lang) {
  const lists = await newestLists('site', SECTIONS.map(({ value }) => ({ section: value })), lang, 3)
  const brief = (doc: Record<string, unknown>) => ({ id: doc.id, ...Object.fromEntries(BRIEF_FIELDS.map((field) => [field, doc[field]])) }) as ResourceBrief
  return lists && SECTIONS.map(({ value }, i) => ({ section: value, totalDocs: lists[i]!.totalDocs, resources: lists[i]!.docs.map(brief) }))
}

export async function mapData(api: PublicApi, lang: Lang): Promise<MapEntry[]> {
  const { body } = await api.get<{ jurisdictions: MapEntry[] }>('/map', { locale: lang })
  // By name, as the table and the lists of places read.
  return [...(body?.jurisdictions ?? [])].sort((a, b) => a.name.localeCompare(b.name, lang))
}

export async function upcomingWebinars(api: PublicApi, lang: Lang, limit: number): Promise<Webinar[]> {
  const { body } = await api.get<List<Webinar>>('/webinars', { 'where[endsAt][greater_than]': new Date().toISOString(), sort: 'startsAt', limit, depth: 0, locale: lang })
  return body?.docs ?? []
}

export async function webinarData(api: PublicApi, lang: Lang, id: string): Promise<Webinar | undefined> {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) return undefined
  const { status, body } = await api.get<List<Webinar>>('/webinars', { 'where[id][equals]': id, limit: 1, depth: 0, locale: lang })
  return status === 200 ? body?.docs[0] : undefined
}

export async function jurisdictionData(api: PublicApi, lang: Lang, code: string) {
  if (!/^US(-[A-Z0-9]{1,20}){0,5}$/.test(code)) return undefined
  const { status, body } = await api.get<Toolkit>(`/jurisdictions/${encodeURIComponent(code)}/toolkit`, { locale: lang, perSection: 5 })
  if (status !== 200 || !body) return undefined
  const places = await api.get<List<JurisdictionBrief>>('/jurisdictions', {
    'where[parent][equals]': String(body.jurisdiction.id),
    sort: 'name',
    limit: 100,
    depth: 0,
    locale: lang,
    'select[code]': 'true',
    'select[name]': 'true',
    'select[type]': 'true',
  })
  return { toolkit: body, places: places.body?.docs ?? [] }
}

export async function resourceData(api: PublicApi, lang: Lang, slug: string): Promise<Resource | undefined> {
  if (!slug || slug.length > 200) return undefined
  const { status, body } = await api.get<List<Resource>>('/resources', {
    'where[slug][equals]': slug,
    limit: 1,
    depth: 1,
    locale: lang,
    // The `supersededBy` join holds published successors only: Payload adds the read access (published, for anonymous readers) to a join's query.
  })
  return status === 200 ? body?.docs[0] : undefined
}

export const populated = objects

export async function searchData(api: PublicApi, lang: Lang, q: string, page: number, jurisdiction?: string) {
  return api.get<List<ResourceBrief & { excerpt: string }> & { errors?: { message: string }[] }>('/search', { q, locale: lang, page, limit: 10, jurisdiction })
}

export async function compareData(api: PublicApi, lang: Lang, codes: string[]) {
  return api.get<{
    jurisdictions: { code: string; name: string }[]
    provisions: { key: string; name: string; cells: Record<string, { slug?: string | null; title?: string | null; extent?: string }[]> }[]
    errors?: { message: string }[]
  }>('/compare', { jurisdictions: codes.join(','), locale: lang })
}
