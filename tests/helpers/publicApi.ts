import type { TestApp } from './testApp'

type Id = string | number

/** US > US-NY > US-NY-KINGS, and US-CA: enough geography for filters, made with the Local API. */
export async function createJurisdictions(app: TestApp): Promise<Record<'US' | 'US-NY' | 'US-NY-KINGS' | 'US-CA', Id>> {
  const make = async (code: string, name: string, type: string, parent?: Id) =>
    (await app.payload.create({ collection: 'jurisdictions', data: { code, name, type, parent } as never, overrideAccess: true })).id
  const US = await make('US', 'United States', 'federal')
  const NY = await make('US-NY', 'New York', 'state', US)
  const KINGS = await make('US-NY-KINGS', 'Kings County', 'county', NY)
  const CA = await make('US-CA', 'California', 'state', US)
  return { US, 'US-NY': NY, 'US-NY-KINGS': KINGS, 'US-CA': CA }
}

/** A published resource made as server code may (Local API, _status set): for fixtures only. */
export async function createPublished(app: TestApp, data: Record<string, unknown>): Promise<Id> {
  const doc = await app.payload.create({
    collection: 'resources',
    data: { category: 'legislation', reviewStatus: 'published', _status: 'published', publishedAt: new Date().toISOString(), ...data } as never,
    overrideAccess: true,
  })
  return doc.id
}

/**
 * Every anonymous GET of the public API that could show resource content: the leak sweep
 * (tests/no-draft-leaks.test.ts) requests each one and looks for unpublished markers.
 * EXTEND THIS LIST with every new public endpoint (/api/search, /api/map,
 * /api/jurisdictions/:code/toolkit, …) so the sweep covers it.
 */
export function publicReadUrls(ids: Id[], jurisdictionCodes: string[]): string[] {
  const urls = [
    '/api/resources',
    '/api/resources?limit=100&depth=3',
    '/api/resources?draft=true&limit=100',
    '/api/resources?locale=es&limit=100',
    '/api/resources?locale=all&limit=100',
    '/api/resources?where[_status][equals]=draft',
    '/api/resources?where[reviewStatus][not_equals]=published',
    '/api/resources?where[verification.status][in]=unverified,current,due,overdue,superseded&limit=100',
    '/api/jurisdictions?limit=100&depth=2',
    '/api/jurisdictions?limit=100&depth=1&joins[resources][limit]=100',
    '/api/organizations?depth=2',
    '/api/topics?depth=2',
    '/api/documents?depth=2',
    '/api/openapi.json',
    '/api/feed.json',
    '/api/feed.xml',
    '/api/feed.json?category=legislation&limit=100',
    '/api/feed.json?locale=es',
    '/api/map',
    '/api/compare.csv?jurisdictions=US-NY,US-CA',
    '/api/search?q=LEAKMARK',
    '/api/search?q=title',
    '/api/search?q=summary&locale=es',
    '/api/search?q=LEAKMARK&jurisdiction=US-NY&category=legislation',
    // The public site's pages (src/site/), read as the API is: the same sweep applies.
    '/',
    '/es',
    '/search?q=LEAKMARK',
    '/search?q=title',
    '/es/search?q=summary',
    '/webinars',
    '/subscribe',
  ]
  for (const id of ids) {
    urls.push(`/api/resources/${id}`, `/api/resources/${id}?draft=true`, `/api/resources/${id}?depth=3&locale=all`, `/api/resources/${id}/workflow`, `/api/resources/versions?where[parent][equals]=${id}`)
  }
  for (const code of jurisdictionCodes) {
    urls.push(`/api/feed.json?jurisdiction=${code}`, `/api/feed.xml?jurisdiction=${code}`)
    urls.push(`/api/jurisdictions/${code}/toolkit`, `/api/jurisdictions/${code}/toolkit?locale=es`)
    urls.push(`/api/compare?jurisdictions=${code}`, `/api/compare?jurisdictions=${code}&locale=es`)
    urls.push(`/jurisdictions/${code}`, `/es/jurisdictions/${code}`, `/compare?j=${code}`, `/search?q=title&jurisdiction=${code}`)
    for (const id of ids) urls.push(`/api/jurisdictions/${code}/gaps?model=${id}`, `/api/compare?jurisdictions=${code}&model=${id}`)
  }
  return urls
}

/** GraphQL queries an anonymous client could send; the sweep runs each one. */
export const publicGraphqlQueries = [
  '{ Resources(limit: 100) { docs { id title summary reviewStatus } } }',
  '{ Resources(limit: 100, draft: true) { docs { id title summary } } }',
  '{ Resources(limit: 100, locale: all) { docs { id title summary } } }',
  '{ Jurisdictions(limit: 100) { docs { code resources { docs { title summary } } } } }',
  '{ versionsResources(limit: 100) { docs { version { title summary } } } }',
]

/** The seeded published resources that name New York (US-NY), by slug. */
export const NY_SEED_RESOURCES = [
  'demo-courthouse-arrest-incident-form',
  'demo-know-your-rights-training-for-court-advocates',
  'demo-model-statement-prosecutor',
  'demo-social-media-kit',
  'ny-coalition-letter-to-chief-judge-2017',
  'ny-oca-rule-judicial-warrant-courthouse-arrests',
  'ny-protect-our-courts-act',
  'united-states-v-new-york-protect-our-courts-act',
] as const
