import type { Endpoint, PayloadRequest, Where } from 'payload'
import { errorJson } from '../../../src/endpoints/openapiCommon'
import { SECTIONS } from '../../Resources/options'
import { publicVerification } from '../../../src/verification/status'
import { modelLocale, modelMayAnswer, newestLists } from '../../../src/readModel/endpointReads'
import { DEFAULT_PER_SECTION, MAX_PER_SECTION, toolkitOpenapi } from './toolkitOpenapi'

type Id = string | number
type Jurisdiction = { id: Id; code: string; name: string; type: string; parent?: Id | null } & Record<string, unknown>
type ResourceSummary = { id: Id; section?: string | null } & Record<string, unknown>
/** One list of the toolkit: the newest `perSection` resources, how many there are, and where the rest is. */
type Group = { totalDocs: number; resources: ResourceSummary[]; more: string | null }

const RESOURCE_FIELDS = { slug: true, title: true, summary: true, category: true, section: true, issuedAt: true, effectiveAt: true, legislativeStatus: true, superseded: true, verification: true } as const
const PROFILE_FIELDS = ['protectionStatus', 'protectionSummary', 'effectiveAt', 'warrantStandard', 'scope', 'remedy'] as const
const BRIEF_FIELDS = { code: true, name: true, type: true, parent: true } as const
/** A guard against a parent loop in bad data; real chains are city → county → state → federal. */
const MAX_ANCESTORS = 5
const PUBLISHED: Where = { _status: { equals: 'published' } }
/** The nine sections in order, then the resources without one; each a filter on `section`. */
const SECTION_FILTERS: Where[] = [...SECTIONS.map(({ value }) => ({ section: { equals: value } })), { section: { exists: false } }]

/** `?locale=all` would return every translation as an object: the toolkit answers in one language. */
const localeOf = (req: PayloadRequest) => (req.locale === 'all' ? undefined : req.locale)

const brief = (j: Jurisdiction) => ({ id: j.id, code: j.code, name: j.name, type: j.type })
const idOf = (value: unknown): Id => (typeof value === 'object' && value !== null ? (value as { id: Id }).id : (value as Id))

/** `?perSection=`: a whole number from 1 to MAX_PER_SECTION, or the problem with it. */
function perSectionOf(req: PayloadRequest): number | string {
  const values = new URL(req.url ?? 'http://x/', 'http://x').searchParams.getAll('perSection')
  if (values.length === 0) return DEFAULT_PER_SECTION
  const problem = `"perSection" must be a whole number from 1 to ${MAX_PER_SECTION}.`
  if (values.length > 1) return `"perSection" may be given once.`
  const n = Number(values[0])
  return /^\d{1,3}$/.test(values[0]!) && n >= 1 && n <= MAX_PER_SECTION ? n : problem
}

/**
 * The newest `limit` published resources naming one jurisdiction (and matching `filter`), and
 * how many there are, in one query: the jurisdiction read with its `resources` join (limit,
 * sort and count done by the database), ids only. Also returns the jurisdiction's brief fields.
 */
async function newestNaming(req: PayloadRequest, jurisdiction: Id, filter: Where | undefined, limit: number) {
  const { docs } = await req.payload.find({
    collection: 'jurisdictions',
    where: { id: { equals: jurisdiction } },
    select: { ...BRIEF_FIELDS, resources: true },
    joins: { resources: { where: filter ? { and: [PUBLISHED, filter] } : PUBLISHED, sort: '-issuedAt', limit, count: true } },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    locale: localeOf(req),
  })
  const doc = docs[0] as unknown as (Jurisdiction & { resources?: { docs?: unknown[]; totalDocs?: number } }) | undefined
  if (!doc) return undefined
  const ids = (doc.resources?.docs ?? []).map(idOf)
  return { jurisdiction: doc, ids, totalDocs: doc.resources?.totalDocs ?? ids.length }
}

/** What the toolkit shows of a resource: Read with overrideAccess, the sign-off's public part only, never who verified. */
const summaryOf = (d: Record<string, unknown>): ResourceSummary => ({
  id: d.id as Id,
  ...Object.fromEntries(Object.keys(RESOURCE_FIELDS).map((k) => [k, d[k] ?? null])),
  verification: publicVerification(d.verification),
})

/** The chosen resources' summaries in one query; always the published version, whoever asks. */
async function summaries(req: PayloadRequest, ids: Id[]): Promise<Map<string, ResourceSummary>> {
  if (ids.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection: 'resources',
    where: { and: [{ id: { in: ids } }, PUBLISHED] },
    draft: false,
    select: RESOURCE_FIELDS,
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
    locale: localeOf(req),
    // No req: the endpoint's own request would answer ?locale=all with every translation.
  })
  return new Map(docs.map((d) => [String(d.id), summaryOf(d as Record<string, unknown>)]))
}

type Lists = { own: ({ ids: Id[]; totalDocs: number } | undefined)[]; levels: Level[]; found: Map<string, ResourceSummary> }
type Level = { jurisdiction: Jurisdiction; ids: Id[]; totalDocs: number }

/** The levels above `jurisdiction`, nearest first, each read by `read` (undefined: the chain stops there). */
async function levelsAbove<T extends { jurisdiction: Jurisdiction }>(jurisdiction: Jurisdiction, read: (id: Id) => Promise<T | undefined>): Promise<T[]> {
  const levels: T[] = []
  const seen = new Set([String(jurisdiction.id)])
  let parentId = jurisdiction.parent
  while (parentId !== null && parentId !== undefined && levels.length < MAX_ANCESTORS && !seen.has(String(idOf(parentId)))) {
    seen.add(String(idOf(parentId)))
    const level = await read(idOf(parentId))
    if (!level) break
    levels.push(level)
    parentId = level.jurisdiction.parent
  }
  return levels
}

/** Every list through Payload: a join query per list, then the summaries of what they show. */
async function listsFromPayload(req: PayloadRequest, jurisdiction: Jurisdiction, perSection: number): Promise<Lists> {
  const own = await Promise.all(SECTION_FILTERS.map((filter) => newestNaming(req, jurisdiction.id, filter, perSection)))
  const levels = await levelsAbove(jurisdiction, (id) => newestNaming(req, id, undefined, perSection))
  const found = await summaries(req, [...own, ...levels].flatMap((g) => g?.ids ?? []))
  return { own, levels, found }
}

/**
 * Every list from the read model (src/readModel/endpointReads.ts), as an index range read each,
 * for anonymous requests of one language; undefined when it cannot answer (Payload does).
 */
async function listsFromReadModel(req: PayloadRequest, jurisdiction: Jurisdiction, perSection: number): Promise<Lists | undefined> {
  const locale = modelLocale(localeOf(req) ?? (req.payload.config.localization || undefined)?.defaultLocale)
  if (!locale || !modelMayAnswer(req, ['perSection', 'locale'])) return undefined
  const levels = await levelsAbove(jurisdiction, async (id) => {
    const { docs } = await req.payload.find({ collection: 'jurisdictions', where: { id: { equals: id } }, select: BRIEF_FIELDS, joins: false, depth: 0, limit: 1, pagination: false, overrideAccess: true, locale: localeOf(req) })
    return docs[0] ? { jurisdiction: docs[0] as unknown as Jurisdiction } : undefined
  })
  const groups = [
    ...SECTIONS.map(({ value }) => ({ jurisdiction: String(jurisdiction.id), section: value as string | null })),
    { jurisdiction: String(jurisdiction.id), section: null },
    ...levels.map((level) => ({ jurisdiction: String(level.jurisdiction.id) })),
  ]
  const lists = await newestLists('toolkit', groups, locale, perSection)
  if (!lists) return undefined
  const found = new Map(lists.flatMap((list) => list.docs.map((doc) => [String(doc.id), summaryOf(doc)] as const)))
  const ids = lists.map((list) => ({ ids: list.docs.map((doc) => doc.id), totalDocs: list.totalDocs }))
  return { own: ids.slice(0, SECTION_FILTERS.length), levels: levels.map((level, i) => ({ ...level, ...ids[SECTION_FILTERS.length + i]! })), found }
}

/**
 * The public list request that pages through all of a group (page 1 repeats the resources shown),
 * starting at the first page the toolkit did not show; null when the toolkit showed them all.
 */
function moreUrl(req: PayloadRequest, jurisdiction: Id, sectionFilter: string, perSection: number, group: { totalDocs: number; ids: Id[] }) {
  if (group.totalDocs <= group.ids.length) return null
  const locale = localeOf(req)
  const { localization } = req.payload.config
  const query = [
    `where[jurisdictions][equals]=${encodeURIComponent(String(jurisdiction))}`,
    sectionFilter,
    'where[_status][equals]=published',
    'sort=-issuedAt',
    'depth=0',
    `limit=${perSection}`,
    'page=2',
    locale && localization && locale !== localization.defaultLocale ? `locale=${encodeURIComponent(locale)}` : '',
  ]
  return `${req.payload.config.serverURL}${req.payload.config.routes.api}/resources?${query.filter(Boolean).join('&')}`
}

const sectionQuery = (i: number) => (i < SECTIONS.length ? `where[section][equals]=${SECTIONS[i]!.value}` : 'where[section][exists]=false')

/**
 * GET /api/jurisdictions/:code/toolkit: what a campaign in one place needs on one page — the
 * jurisdiction and its protection profile, its newest published resources in each of the nine
 * toolkit sections (in the toolkit's order; `unsectioned` for the rest), and the newest of each
 * level above it (its state, the federal level), nearest first. Each list holds at most
 * `perSection` resources, with its `totalDocs` and a `more` URL of the public list that pages
 * through the rest. Superseded items stay listed, flagged `superseded: true`. Unknown code: 404.
 *
 * Bounded work at any collection size: one query per list (limit and count in the database), then
 * one query for the summaries of every resource shown; from the read model, when it can answer,
 * one index range read per list.
 */
export const toolkitEndpoint: Endpoint = {
  path: '/:code/toolkit',
  method: 'get',
  handler: async (req) => {
    const perSection = perSectionOf(req)
    if (typeof perSection === 'string') return errorJson(400, perSection)
    const code = String(req.routeParams?.code ?? '')
    const jurisdiction =
      code.length <= 60
        ? ((
            await req.payload.find({ collection: 'jurisdictions', where: { code: { equals: code } }, joins: false, depth: 0, limit: 1, pagination: false, locale: localeOf(req), overrideAccess: false })
          ).docs[0] as unknown as Jurisdiction | undefined)
        : undefined
    if (!jurisdiction) return errorJson(404, `No jurisdiction with code "${code.slice(0, 60)}".`)

    const { own, levels, found } = (await listsFromReadModel(req, jurisdiction, perSection)) ?? (await listsFromPayload(req, jurisdiction, perSection))
    const group = (g: { ids: Id[]; totalDocs: number } | undefined, jurisdictionId: Id, sectionFilter: string): Group => {
      const resources = (g?.ids ?? []).map((id) => found.get(String(id))).filter((r): r is ResourceSummary => r !== undefined)
      return { totalDocs: g?.totalDocs ?? 0, resources, more: g ? moreUrl(req, jurisdictionId, sectionFilter, perSection, g) : null }
    }
    const sections = SECTIONS.map(({ value, label }, i) => ({ section: value, label, ...group(own[i], jurisdiction.id, sectionQuery(i)) }))
    const unsectioned = group(own[SECTIONS.length], jurisdiction.id, sectionQuery(SECTIONS.length))
    const inherited = levels.map((level) => ({ jurisdiction: brief(level.jurisdiction), ...group(level, level.jurisdiction.id, '') }))

    const profile = Object.fromEntries(PROFILE_FIELDS.map((k) => [k, jurisdiction[k] ?? null]))
    return Response.json({ jurisdiction: { ...brief(jurisdiction), protection: profile }, perSection, sections, unsectioned, inherited })
  },
  custom: { openapi: toolkitOpenapi },
}
