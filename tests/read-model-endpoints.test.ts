/**
 * The custom endpoints that read published resources — the toolkit, the feeds, search — and the
 * public site's pages answer from the read model (src/readModel/endpointReads.ts) exactly what
 * they answer through Payload (JSON key order aside; the Atom feed and the pages byte for byte),
 * for every jurisdiction, locale and
 * parameter, before and after publish, unpublish, archive, an edit, a section move, a
 * supersession and a jurisdiction rename; and the model did serve them (its per-endpoint counter
 * moves), so an equality cannot come from Payload answering both. Signed-in callers and
 * parameters the endpoints do not read are Payload's.
 */
import { afterAll, beforeAll, expect, jest, test } from '@jest/globals'
import request from 'supertest'
import { normalised } from './helpers/normalisedJson'
import { CATEGORIES, SECTIONS } from '../collections/Resources/options'
import { readModel } from '../src/readModel'
import { newestListStatements } from '../src/readModel/endpointReads'
import { verificationClock } from '../src/verification/clock'
import { DUE_WINDOW_MS } from '../src/verification/policy'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { resourcesInEveryState } from './helpers/reviewStates'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { publishThroughWorkflow } from './helpers/workflow'

jest.setTimeout(600_000)

type Id = string | number
let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>
let places: Record<'US' | 'US-NY' | 'US-NY-KINGS' | 'US-CA', Id>
let everyState: Awaited<ReturnType<typeof resourcesInEveryState>>['ids']
const published: Id[] = []
/** Slugs of published items whose pages the site serves. */
const slugs: string[] = []
const WORD = 'Endpointmark'
const DRAFT_WORD = 'Hushendpointdraft'
const REVISION_WORD = 'Hushendpointrevision'
/** Titles that are never public in this file: items in review, with changes requested, archived; a revision. */
const NEVER_PUBLIC = [...['in_review', 'changes_requested', 'archived'].map((state) => `${DRAFT_WORD} ${state} item`), REVISION_WORD, `${DRAFT_WORD} successor`]
let codes = ['US', 'US-NY', 'US-NY-KINGS', 'US-CA']

/** What serves a URL from the model, as the model counts it (undefined: the model has no part in it). */
function endpointOf(url: string): string | undefined {
  if (url.includes('/toolkit') || /^(\/es)?\/jurisdictions\//.test(url)) return 'toolkit'
  if (url.includes('/feed.')) return 'feed'
  if (url.includes('search')) return 'search'
  if (/^(\/es)?\/resources\//.test(url)) return 'resources'
  if (/^\/(es)?$/.test(url)) return 'site'
  return undefined
}
/** Answers the model gave for `endpoint` so far ('resources': the REST reads it answers, here the site's). */
const servedSoFar = (endpoint: string) => (endpoint === 'resources' ? readModel.stats.served : (readModel.servedFor[endpoint] ?? 0))

async function get(url: string, serving: boolean) {
  readModel.serving = serving
  app.publicCache.clear()
  try {
    const res = await request(app.url).get(url)
    return { status: res.status, text: res.text, type: String(res.headers['content-type']) }
  } finally {
    readModel.serving = true
  }
}

const comparable = (answer: { text: string; type: string }) => (/json/.test(answer.type) ? normalised(answer.text) : answer.text)

/** Every variant of the endpoints on the current corpus. */
function variants(): string[] {
  const urls: string[] = []
  for (const code of [...codes, 'US-ZZ']) {
    for (const query of ['', '?locale=en', '?locale=es', '?locale=all', '?perSection=1', '?perSection=2&locale=es', '?perSection=50', '?locale=es&perSection=3', '?locale=fr', '?perSection=0', '?perSection=2&perSection=3']) {
      urls.push(`/api/jurisdictions/${code}/toolkit${query}`)
    }
  }
  for (const format of ['json', 'xml']) {
    const feed = `/api/feed.${format}`
    urls.push(feed, `${feed}?locale=es`, `${feed}?limit=3`, `${feed}?limit=100&locale=es`)
    for (const category of CATEGORIES.slice(0, 4)) urls.push(`${feed}?category=${category.value}`)
    for (const code of codes) urls.push(`${feed}?jurisdiction=${code}`, `${feed}?jurisdiction=${code.toLowerCase()}&locale=es&limit=4`, `${feed}?jurisdiction=${code}&category=policy`)
  }
  for (const q of [WORD, 'summary', 'resumen', 'título', 'zzznothing', `${WORD} policy`]) {
    urls.push(`/api/search?q=${encodeURIComponent(q)}`, `/api/search?q=${encodeURIComponent(q)}&locale=es`, `/api/search?q=${encodeURIComponent(q)}&limit=3&page=2`)
    for (const code of ['US-NY', 'US-CA']) urls.push(`/api/search?q=${encodeURIComponent(q)}&jurisdiction=${code}`)
    urls.push(`/api/search?q=${encodeURIComponent(q)}&category=policy`)
  }
  urls.push('/api/map', '/api/map?locale=es')
  // The public site: its pages read the same, through the public API or the model.
  urls.push('/', '/es')
  for (const slug of [...slugs, 'ep-no-such-item']) urls.push(`/resources/${slug}`, `/es/resources/${slug}`)
  for (const code of codes) urls.push(`/jurisdictions/${code}`, `/es/jurisdictions/${code}`)
  urls.push(`/search?q=${WORD}`, `/es/search?q=resumen`)
  return urls
}

/**
 * For every variant: the model's answer equals Payload's, and the model served each one it can
 * (a toolkit, a feed, a search with hits), once settled.
 */
async function expectEquivalent(): Promise<void> {
  await readModel.settle()
  const problems: string[] = []
  let served = 0
  for (const url of variants()) {
    const endpoint = endpointOf(url)
    const before = endpoint ? servedSoFar(endpoint) : 0
    const model = await get(url, true)
    const wasServed = endpoint !== undefined && servedSoFar(endpoint) > before
    const truth = await get(url, false)
    if (model.status !== truth.status || comparable(model) !== comparable(truth)) {
      problems.push(`differs: ${url}\n model:   ${model.status} ${model.text.slice(0, 800)}\n payload: ${truth.status} ${truth.text.slice(0, 800)}`)
    }
    const servable = truth.status === 200 && endpoint !== undefined && (endpoint !== 'search' || !/json/.test(truth.type) || (JSON.parse(truth.text) as { docs: unknown[] }).docs.length > 0)
    if (servable && !wasServed) problems.push(`not served by the model: ${url}`)
    if (wasServed) served++
    const leaked = NEVER_PUBLIC.find((title) => model.text.includes(title))
    if (leaked) problems.push(`"${leaked}" in: ${url}`)
  }
  expect(problems).toEqual([])
  expect(served).toBeGreaterThan(80)
}

beforeAll(async () => {
  app = await startTestApp({ READ_MODEL: 'on' })
  editor = await signIn(app, await createAccount(app, 'editor'))
  places = await createJurisdictions(app)
  const ids = Object.values(places)
  const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString()
  // Every section and none; shared and missing issuedAt and publishedAt (the order's tie-breaks); Spanish on some.
  for (let i = 0; i < 24; i++) {
    const category = CATEGORIES[i % CATEGORIES.length]!.value
    const id = await createPublished(app, {
      title: `${WORD} ${category} ${i}`,
      slug: `ep-${category}-${i}`,
      summary: `Summary ${i}`,
      category,
      section: i % 11 === 10 ? undefined : SECTIONS[i % SECTIONS.length]!.value,
      jurisdictions: [ids[i % ids.length], ...(i % 4 === 0 ? [places['US-NY-KINGS']] : [])],
      issuedAt: i % 5 === 4 ? undefined : day(i % 3),
      publishedAt: day(i % 6),
      language: i % 2 ? ['en', 'es'] : ['en'],
    })
    if (i % 4 === 1) slugs.push(`ep-${category}-${i}`)
    if (i % 3 === 1) {
      await app.payload.update({ collection: 'resources', id, locale: 'es', data: { title: `Título ${i}`, summary: `Resumen ${i}` } as never, overrideAccess: true })
    }
    published.push(id)
  }
  const a = await createPublished(app, { title: `${WORD} chain A`, category: 'policy', section: SECTIONS[0]!.value, jurisdictions: [places['US-NY']], issuedAt: day(9) })
  const b = await createPublished(app, { title: `${WORD} chain B`, category: 'policy', section: SECTIONS[0]!.value, jurisdictions: [places['US-NY']], supersedes: [a], issuedAt: day(10) })
  published.push(a, b)
  // A jurisdiction named twice: listed and counted once, as Payload does.
  published.push(await createPublished(app, { title: `${WORD} named twice`, category: 'policy', section: SECTIONS[1]!.value, jurisdictions: [places['US-CA'], places['US-CA']], issuedAt: day(4) }))
  slugs.push(...[0, 3, 4, 5].map((i) => `ep-${CATEGORIES[i % CATEGORIES.length]!.value}-${i}`), 'endpointmark-chain-a', 'endpointmark-chain-b')
  // A draft naming published items in `supersedes`: never shown as their successor.
  await app.payload.create({ collection: 'resources', data: { title: `${DRAFT_WORD} successor`, category: 'policy', supersedes: [a, published[5]], _status: 'draft' } as never, overrideAccess: true })
  // Signed off (status current or due, a reviewer named publicly on some): what search and the feeds show of each.
  const reviewer = await signIn(app, await createAccount(app, 'editor', { name: 'Rita Reviewer', legalReviewer: true, publicAttribution: true }))
  const quiet = await signIn(app, await createAccount(app, 'editor', { name: 'Quinn Quiet', legalReviewer: true }))
  for (const [n, days] of [[0, 200], [2, 20], [7, 90], [13, 300]] as const) {
    const res = await (n % 2 ? quiet : reviewer).post(`/api/resources/${published[n]}/verify`).send({ reviewBy: new Date(Date.now() + days * 86_400_000).toISOString() })
    expect(res.status).toBe(200)
  }
  everyState = (await resourcesInEveryState(editor, { word: DRAFT_WORD, revisionWord: REVISION_WORD, jurisdiction: places['US-NY'] })).ids
  published.push(everyState.published, everyState.revisedInReview)
})

afterAll(async () => {
  verificationClock.set()
  await app?.stop()
})

test('the corpus: every toolkit, feed, search and site variant equals Payload’s answer, served from the model', async () => {
  await expectEquivalent()
})

test('signed-in callers and parameters the endpoints do not read are answered by Payload', async () => {
  await readModel.settle()
  const urls = ['/api/jurisdictions/US-NY/toolkit', '/api/feed.json', `/api/search?q=${WORD}`]
  for (const url of urls) {
    const endpoint = endpointOf(url)!
    const before = servedSoFar(endpoint)
    app.publicCache.clear()
    const signedIn = await editor.get(url)
    expect(signedIn.status).toBe(200)
    for (const other of [`${url}${url.includes('?') ? '&' : '?'}fallback-locale=none`, `${url}${url.includes('?') ? '&' : '?'}depth=2`]) {
      app.publicCache.clear()
      expect((await request(app.url).get(other)).status).toBe(200)
    }
    expect(servedSoFar(endpoint)).toBe(before)
  }
})

test('publish, unpublish, archive, an edit, a section moved: equal right away and once rendered', async () => {
  const act = async (id: Id, action: string) => {
    const res = await editor.post(`/api/resources/${id}/workflow`).send({ action })
    expect(res.status).toBe(200)
  }
  const rightAway = async () => {
    for (const url of ['/api/jurisdictions/US-NY/toolkit', '/api/feed.json?jurisdiction=US-NY', `/api/search?q=${DRAFT_WORD}`]) {
      const got = await get(url, true)
      const truth = await get(url, false)
      expect({ url, body: comparable(got) }).toEqual({ url, body: comparable(truth) })
    }
  }
  await publishThroughWorkflow(editor, everyState.draft)
  await rightAway()
  await act(everyState.published, 'unpublish')
  await rightAway()
  await act(published[3]!, 'archive')
  await rightAway()
  await expectEquivalent()

  // An edit of a published item (a revision, then published): a new title, another section, issued later.
  const edited = published[4]!
  expect((await editor.patch(`/api/resources/${edited}`).send({ title: `${WORD} edited`, section: SECTIONS[8]!.value, issuedAt: new Date(Date.UTC(2026, 0, 1)).toISOString() })).status).toBe(200)
  await rightAway()
  await publishThroughWorkflow(editor, edited)
  await rightAway()
  await expectEquivalent()
})

test('a supersession and a jurisdiction renamed', async () => {
  const res = await editor.post('/api/resources?draft=true').send({
    title: `${WORD} chain C`,
    category: 'policy',
    section: SECTIONS[0]!.value,
    jurisdictions: [places['US-NY']],
    supersedes: [published[0], published[1]],
    _status: 'draft',
  })
  expect(res.status).toBe(201)
  await publishThroughWorkflow(editor, res.body.doc.id as Id)
  published.push(res.body.doc.id as Id)
  await expectEquivalent()

  // The county recoded: the toolkit under its new code, the feed's tags follow.
  expect((await editor.patch(`/api/jurisdictions/${places['US-NY-KINGS']}`).send({ name: 'Brooklyn', code: 'US-NY-BROOKLYN' })).status).toBe(200)
  codes = ['US', 'US-NY', 'US-NY-BROOKLYN', 'US-CA']
  await expectEquivalent()
})

test('as time passes, sign-offs turn due and overdue: Payload answers until re-rendered, then the model, the same', async () => {
  // 100 days on: the sign-offs due in 20 and 90 days are overdue, the one in 200 days is due.
  verificationClock.set(() => new Date(Date.now() + 100 * 86_400_000))
  try {
    for (const url of ['/api/jurisdictions/US/toolkit', '/api/feed.json?limit=100', `/api/search?q=${WORD}&limit=50`]) {
      const got = await get(url, true)
      expect({ url, body: comparable(got) }).toEqual({ url, body: comparable(await get(url, false)) })
    }
    expect((await get('/api/feed.json?limit=100', true)).text).toContain('"overdue"')
    await expectEquivalent()
  } finally {
    verificationClock.set()
  }
})

test('a sign-off turning due between two checks for stale renderings: not answered from the stale rendering', async () => {
  // Item 13 (in US-NY, signed off for 300 days, never superseded).
  const reviewBy = (await request(app.url).get(`/api/resources/${published[13]}?depth=0`)).body.verification.reviewBy as string
  const dueAt = new Date(reviewBy).getTime() - DUE_WINDOW_MS
  const urls = ['/api/jurisdictions/US-NY/toolkit', '/api/feed.json?limit=100', `/api/search?q=${WORD}&limit=50`]
  try {
    // Just before: the model checks for stale renderings (re-rendering those gone stale by then) and answers.
    await readModel.settle()
    verificationClock.set(() => new Date(dueAt - 10_000))
    await get(urls[0]!, true)
    await readModel.settle()
    const before = readModel.servedFor.toolkit ?? 0
    expect((await get(urls[0]!, true)).text).toContain('"current"')
    expect(readModel.servedFor.toolkit).toBe(before + 1)
    // Just after (within the minute before its next check): its rendering has gone stale.
    verificationClock.set(() => new Date(dueAt + 10_000))
    for (const url of urls) {
      const got = await get(url, true)
      expect({ url, body: comparable(got) }).toEqual({ url, body: comparable(await get(url, false)) })
    }
    expect((await get(urls[1]!, true)).text).toContain('"due"')
  } finally {
    verificationClock.set()
  }
})

test("the toolkit's lists are index range reads in the sort's order (no sort step), statistics or not", async () => {
  const client = (app.payload.db as unknown as { client: { execute: (s: string | { sql: string; args: unknown[] }) => Promise<{ rows: { detail: string }[] }> } }).client
  const plans = async () => {
    const found: string[] = []
    for (const group of [{ jurisdiction: String(places['US-NY']), section: SECTIONS[0]!.value }, { jurisdiction: String(places['US-NY']), section: null }, { jurisdiction: String(places.US) }, { section: SECTIONS[1]!.value }]) {
      const [page] = newestListStatements(group, 'es', 5)
      const { rows } = await client.execute({ sql: `EXPLAIN QUERY PLAN ${page.sql}`, args: page.args })
      found.push(rows.map((row) => row.detail).join(' / '))
    }
    return found
  }
  for (const plan of [...(await plans()), ...(await client.execute('ANALYZE'), await plans())]) {
    expect(plan).toMatch(/^SEARCH read_model_docs USING INDEX read_model_docs_(section_)?issued \(locale=\? AND depth=\?( AND section=\?)?\)/)
    expect(plan).not.toMatch(/TEMP B-TREE/)
  }
})
