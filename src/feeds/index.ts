import { publicVerification } from '../verification/status'
import type { Endpoint, PayloadRequest, Where } from 'payload'
import { CATEGORIES } from '../../collections/Resources/options'
import { atomFeed, jsonFeed, type FeedModel } from './formats'
import { feedItems, modelLocale, modelMayAnswer } from '../readModel/endpointReads'

/** Items per feed unless `?limit=` asks for fewer or more (up to MAX_ITEMS). */
const DEFAULT_ITEMS = 30
const MAX_ITEMS = 100
const LOCALES = ['en', 'es']
const CATEGORY_VALUES: readonly string[] = CATEGORIES.map((c) => c.value)
/** Every query parameter the feeds read. */
const FEED_PARAMETERS = ['jurisdiction', 'category', 'locale', 'limit']
const EXAMPLES: Record<string, string> = { jurisdiction: 'US-NY', category: 'legislation', locale: 'es', limit: '30' }

type FeedQuery = { jurisdiction?: { id: string | number; code: string; name: string }; category?: string; locale: string; limit: number }

class BadParameter extends Error {}

/**
 * Reads and checks the feed's query parameters. Each problem names its parameter: a feed reader
 * configured with a typo should say so, not serve an empty or unfiltered feed.
 */
async function parseQuery(req: PayloadRequest): Promise<FeedQuery> {
  const params = new URL(req.url ?? 'http://x/', 'http://x').searchParams
  // `jurisdiction[in]=…` or `category[]=…` (the collections' query syntax) is not ignored: the
  // reader asked for a filter it would not get.
  for (const name of params.keys()) {
    const base = name.split('[')[0]!
    if (name !== base && FEED_PARAMETERS.includes(base)) throw new BadParameter(`"${name.slice(0, 80)}": the feed's "${base}" takes one plain value, e.g. ${base}=${EXAMPLES[base]}.`)
  }
  const one = (name: string) => {
    const values = params.getAll(name)
    if (values.length > 1) throw new BadParameter(`"${name}" may be given once.`)
    return values[0]
  }
  const query: FeedQuery = { locale: 'en', limit: DEFAULT_ITEMS }

  const locale = one('locale')
  if (locale !== undefined) {
    if (!LOCALES.includes(locale)) throw new BadParameter(`"locale" must be one of ${LOCALES.join(', ')}.`)
    query.locale = locale
  }
  const limit = one('limit')
  if (limit !== undefined) {
    const n = Number(limit)
    if (!/^\d{1,3}$/.test(limit) || n < 1 || n > MAX_ITEMS) throw new BadParameter(`"limit" must be a whole number from 1 to ${MAX_ITEMS}.`)
    query.limit = n
  }
  const category = one('category')
  if (category !== undefined) {
    if (!CATEGORY_VALUES.includes(category)) throw new BadParameter(`"category" must be one of ${CATEGORY_VALUES.join(', ')}.`)
    query.category = category
  }
  const code = one('jurisdiction')
  if (code !== undefined) {
    if (!/^[A-Za-z]{2}(-[A-Za-z0-9-]{1,50})?$/.test(code)) {
      throw new BadParameter('"jurisdiction" must be a jurisdiction code such as US, US-NY or US-NY-KINGS.')
    }
    const { docs } = await req.payload.find({
      collection: 'jurisdictions',
      where: { code: { equals: code.toUpperCase() } },
      limit: 1,
      depth: 0,
      select: { code: true, name: true },
      overrideAccess: false,
      req,
    })
    const found = docs[0] as { id: string | number; code: string; name: string } | undefined
    if (!found) throw new BadParameter(`"jurisdiction": there is no jurisdiction with code "${code}".`)
    query.jurisdiction = found
  }
  return query
}

/** A state's feed also carries its counties' and cities' resources. */
async function jurisdictionAndChildren(req: PayloadRequest, id: string | number): Promise<(string | number)[]> {
  const ids = [id]
  let frontier = [id]
  for (let level = 0; level < 3 && frontier.length; level++) {
    // No req: a state's counties are every one of them, not one API page (src/plugins/apiGuards.ts).
    const { docs } = await req.payload.find({ collection: 'jurisdictions', where: { parent: { in: frontier } }, pagination: false, depth: 0, select: {}, overrideAccess: false })
    frontier = docs.map((d) => d.id)
    ids.push(...frontier)
  }
  return ids
}

type FeedResource = {
  id: string | number
  verification?: unknown
  title?: string
  summary?: string | null
  slug?: string
  category?: string
  publishedAt?: string | null
  updatedAt: string
  jurisdictions?: ({ code?: string } | string | number)[] | null
}

/**
 * The latest published resources. The main document of a resource is its published version:
 * a new revision under review lives in the versions table until it is published, so it never
 * shows here. `_status: published` is asked for explicitly so that a signed-in editor's request
 * gets the same public feed.
 */
async function latestPublished(req: PayloadRequest, query: FeedQuery): Promise<FeedResource[]> {
  const jurisdictions = query.jurisdiction ? await jurisdictionAndChildren(req, query.jurisdiction.id) : undefined
  const fromModel = await latestFromReadModel(req, query, jurisdictions)
  if (fromModel) return fromModel
  const and: Where[] = [{ _status: { equals: 'published' } }]
  if (query.category) and.push({ category: { equals: query.category } })
  if (jurisdictions) and.push({ jurisdictions: { in: jurisdictions } })
  const { docs } = await req.payload.find({
    collection: 'resources',
    where: { and },
    sort: ['-publishedAt', '-updatedAt'],
    limit: query.limit,
    depth: 1,
    draft: false,
    locale: query.locale as 'en',
    select: { title: true, summary: true, slug: true, category: true, publishedAt: true, updatedAt: true, jurisdictions: true, verification: true },
    populate: { jurisdictions: { code: true } },
    overrideAccess: false,
    req,
  })
  return docs as unknown as FeedResource[]
}

/**
 * The same, from the read model (src/readModel/endpointReads.ts) for an anonymous request naming
 * only the feed's parameters; undefined when it cannot answer. Jurisdictions come as Payload
 * populates them here: `{ id, code }` where the code is known, the id otherwise.
 */
async function latestFromReadModel(req: PayloadRequest, query: FeedQuery, jurisdictions: (string | number)[] | undefined): Promise<FeedResource[] | undefined> {
  const locale = modelLocale(query.locale)
  if (!locale || !modelMayAnswer(req, FEED_PARAMETERS)) return undefined
  const found = await feedItems({ locale, category: query.category, jurisdictions: jurisdictions?.map(String), limit: query.limit })
  return found?.docs.map((doc) => {
    const named = (doc.jurisdictions as (string | number)[] | null | undefined) ?? []
    return { ...(doc as unknown as FeedResource), jurisdictions: named.map((id) => (found.codes.has(String(id)) ? { id, code: found.codes.get(String(id)) } : id)) }
  })
}

function buildFeed(req: PayloadRequest, query: FeedQuery, resources: FeedResource[]): FeedModel {
  const base = req.payload.config.serverURL
  const api = `${base}${req.payload.config.routes.api}`
  const search = new URLSearchParams()
  if (query.jurisdiction) search.set('jurisdiction', query.jurisdiction.code)
  if (query.category) search.set('category', query.category)
  if (query.locale !== 'en') search.set('locale', query.locale)
  const suffix = search.size ? `?${search}` : ''
  const scope = [query.jurisdiction?.name, query.category && CATEGORIES.find((c) => c.value === query.category)?.label].filter(Boolean).join(' · ')
  const newest = resources.reduce((max, r) => Math.max(max, new Date(r.updatedAt).getTime()), 0)

  return {
    id: `${api}/feed.xml${suffix}`,
    title: `ICE Out of Courts Campaign Toolkit${scope ? `: ${scope}` : ''}`,
    description: 'The latest published resources of the ICE Out of Courts Campaign Toolkit.',
    link: base,
    language: query.locale,
    // The newest item's time, not "now": the same content gives the same bytes, so ETags hold.
    updated: new Date(newest || 0),
    generator: 'ICE Out of Courts Toolkit CMS',
    rights: 'Published by the ICE Out of Courts campaign',
    atomUrl: `${api}/feed.xml${suffix}`,
    jsonUrl: `${api}/feed.json${suffix}`,
    items: resources.map((r) => {
      const link = `${api}/resources/${r.id}`
      const codes = (r.jurisdictions ?? []).map((j) => (typeof j === 'object' && j?.code ? j.code : null)).filter((c): c is string => !!c)
      return {
        id: link,
        link,
        title: r.title ?? '',
        summary: r.summary ?? undefined,
        updated: new Date(r.updatedAt),
        published: r.publishedAt ? new Date(r.publishedAt) : undefined,
        tags: [...(r.category ? [r.category] : []), ...codes],
        verification: publicVerification(r.verification),
      }
    }),
  }
}

const feedHandler =
  (format: 'json' | 'atom'): Endpoint['handler'] =>
  async (req) => {
    let query: FeedQuery
    try {
      query = await parseQuery(req)
    } catch (error) {
      if (error instanceof BadParameter) return Response.json({ errors: [{ message: error.message }] }, { status: 400 })
      throw error
    }
    const feed = buildFeed(req, query, await latestPublished(req, query))
    return format === 'json'
      ? new Response(jsonFeed(feed), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } })
      : new Response(atomFeed(feed), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } })
  }

const parameters = [
  { name: 'jurisdiction', in: 'query', description: 'A jurisdiction code (US, US-NY…): its resources and its counties\' and cities\'.', schema: { type: 'string', example: 'US-NY' } },
  { name: 'category', in: 'query', description: 'One category.', schema: { type: 'string', enum: [...CATEGORY_VALUES] } },
  { name: 'locale', in: 'query', description: 'Language of titles and summaries; English fills in what is not translated.', schema: { type: 'string', enum: LOCALES, default: 'en' } },
  { name: 'limit', in: 'query', description: 'Number of items.', schema: { type: 'integer', minimum: 1, maximum: MAX_ITEMS, default: DEFAULT_ITEMS } },
]
const badRequest = {
  description: 'A parameter is invalid; the message names it.',
  content: { 'application/json': { schema: { type: 'object', properties: { errors: { type: 'array', items: { type: 'object', properties: { message: { type: 'string' } } } } } } } },
}

/** `GET /api/feed.json` and `GET /api/feed.xml`: the latest published resources, newest first. */
export const feedEndpoints: Endpoint[] = [
  {
    path: '/feed.json',
    method: 'get',
    handler: feedHandler('json'),
    custom: {
      openapi: {
        summary: 'Latest published resources as a JSON Feed 1.1',
        tags: ['feeds'],
        security: [],
        parameters,
        responses: {
          200: { description: 'A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1).', content: { 'application/feed+json': { schema: { type: 'object', required: ['version', 'title', 'items'], properties: { version: { type: 'string' }, title: { type: 'string' }, items: { type: 'array', items: { type: 'object' } } } } } } },
          400: badRequest,
        },
      },
    },
  },
  {
    path: '/feed.xml',
    method: 'get',
    handler: feedHandler('atom'),
    custom: {
      openapi: {
        summary: 'Latest published resources as an Atom feed',
        tags: ['feeds'],
        security: [],
        parameters,
        responses: {
          200: { description: 'An Atom 1.0 feed (RFC 4287).', content: { 'application/atom+xml': { schema: { type: 'string' } } } },
          400: badRequest,
        },
      },
    },
  },
]
