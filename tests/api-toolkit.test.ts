import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { seed } from '../seed/seed'
import { SECTIONS } from '../collections/Resources/options'
import { resourcesInEveryState } from './helpers/reviewStates'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>
let ids: Awaited<ReturnType<typeof resourcesInEveryState>>['ids']

beforeAll(async () => {
  app = await startTestApp()
  await seed(app.payload)
  editor = await signIn(app, await createAccount(app, 'editor'))
  const nj = (await app.payload.find({ collection: 'jurisdictions', where: { code: { equals: 'US-NJ' } }, depth: 0 })).docs[0]!
  ;({ ids } = await resourcesInEveryState(editor, { word: 'Leakcheck', revisionWord: 'Unreviewed', jurisdiction: nj.id }))
}, 180_000)
afterAll(async () => {
  await app?.stop()
})

const get = (path: string) => request(app.url).get(path)
type Item = { id: string | number; slug: string; title: string; section: string | null; issuedAt: string | null; superseded: boolean }
type Group = { totalDocs: number; resources: Item[]; more: string | null }
type Toolkit = {
  jurisdiction: { code: string; name: string; protection: Record<string, unknown> }
  perSection: number
  sections: ({ section: string; label: string } & Group)[]
  unsectioned: Group
  inherited: ({ jurisdiction: { code: string } } & Group)[]
}
const allItems = (t: Toolkit) => [...t.sections.flatMap((s) => s.resources), ...t.unsectioned.resources, ...t.inherited.flatMap((l) => l.resources)]
/** A `more` URL as the test's client requests it (the server's own origin may differ). */
const pathOf = (url: string) => {
  const { pathname, search } = new URL(url, 'http://server')
  return pathname + search
}

describe('GET /api/jurisdictions/:code/toolkit', () => {
  it("gives New York's profile, its resources in the nine sections in order, and the federal level's", async () => {
    const res = await get('/api/jurisdictions/US-NY/toolkit')
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600')
    const toolkit = res.body as Toolkit
    expect(toolkit.jurisdiction).toMatchObject({ code: 'US-NY', name: 'New York', type: 'state' })
    expect(toolkit.jurisdiction.protection).toMatchObject({ protectionStatus: 'statute', warrantStandard: 'judicial-warrant-or-order' })
    expect(toolkit.jurisdiction.protection.protectionSummary).toMatch(/^The Protect Our Courts Act/)
    expect(toolkit.sections.map((s) => s.section)).toEqual(SECTIONS.map((s) => s.value))
    const bySection = Object.fromEntries(toolkit.sections.map((s) => [s.section, s.resources.map((r) => r.slug).sort()]))
    expect(bySection).toEqual({
      'documenting-the-problem': ['demo-courthouse-arrest-incident-form'],
      'researching-legal-solutions': ['ny-protect-our-courts-act'],
      'building-a-statewide-campaign': ['demo-social-media-kit', 'ny-coalition-letter-to-chief-judge-2017'],
      'statements-from-officials': ['demo-model-statement-prosecutor'],
      'ice-policies-and-statements': [],
      'court-system-statements-and-policies': ['ny-oca-rule-judicial-warrant-courthouse-arrests'],
      'legal-resources': ['united-states-v-new-york-protect-our-courts-act'],
      'trainings-and-practice-advisories': ['demo-know-your-rights-training-for-court-advocates'],
      media: [],
    })
    expect(toolkit.unsectioned).toEqual({ totalDocs: 0, resources: [], more: null })
    expect(toolkit.perSection).toBe(10)
    for (const s of toolkit.sections) expect(s).toMatchObject({ totalDocs: s.resources.length, more: null })
    // The draft model bill stays out.
    expect(allItems(toolkit).map((r) => r.slug)).not.toContain('demo-draft-model-bill')
    // The level above New York is the federal one, with the ICE policy chain, superseded items flagged.
    expect(toolkit.inherited.map((l) => l.jurisdiction.code)).toEqual(['US'])
    const federal = Object.fromEntries(toolkit.inherited[0]!.resources.map((r) => [r.slug, r.superseded]))
    expect(federal).toMatchObject({
      'ice-directive-11072-1-courthouse-enforcement': true,
      'ice-cbp-memo-2021-courthouse-enforcement': true,
      'ice-interim-guidance-2025-courthouse-enforcement': true,
      'ice-memo-2025-05-27-courthouse-enforcement': false,
    })
  })

  it('lists a county under its state and the federal level, nearest first', async () => {
    const ny = (await app.payload.find({ collection: 'jurisdictions', where: { code: { equals: 'US-NY' } }, depth: 0 })).docs[0]!
    await app.payload.create({ collection: 'jurisdictions', data: { code: 'US-NY-QUEENS', name: 'Queens County', type: 'county', parent: ny.id } as never, overrideAccess: true })
    const res = await get('/api/jurisdictions/US-NY-QUEENS/toolkit')
    expect(res.status).toBe(200)
    expect(res.body.inherited.map((l: { jurisdiction: { code: string } }) => l.jurisdiction.code)).toEqual(['US-NY', 'US'])
    expect(res.body.inherited[0].resources.map((r: Item) => r.slug)).toContain('ny-protect-our-courts-act')
  })

  it('shows the newest perSection resources of a section, their total, and a list URL for the rest', async () => {
    const queens = (await app.payload.find({ collection: 'jurisdictions', where: { code: { equals: 'US-NY-QUEENS' } }, depth: 0 })).docs[0]!
    const make = (title: string, data: Record<string, unknown>) =>
      app.payload.create({ collection: 'resources', data: { title, category: 'campaign-material', jurisdictions: [queens.id], ...data } as never, overrideAccess: true })
    for (let i = 1; i <= 12; i++) {
      await make(`Queens incident log ${i}`, { section: 'documenting-the-problem', issuedAt: `2020-01-${String(i).padStart(2, '0')}T00:00:00.000Z`, _status: 'published' })
    }
    await make('Queens draft incident log', { section: 'documenting-the-problem', issuedAt: '2020-02-01T00:00:00.000Z', _status: 'draft' })
    await make('Queens unsectioned note 1', { issuedAt: '2021-01-01T00:00:00.000Z', _status: 'published' })
    await make('Queens unsectioned note 2', { issuedAt: '2021-01-02T00:00:00.000Z', _status: 'published' })

    const res = await get('/api/jurisdictions/US-NY-QUEENS/toolkit')
    expect(res.status).toBe(200)
    const toolkit = res.body as Toolkit
    const documenting = toolkit.sections[0]!
    expect(documenting.totalDocs).toBe(12) // the draft is not counted
    expect(documenting.resources.map((r) => r.title)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((i) => `Queens incident log ${i}`))
    expect(toolkit.unsectioned).toMatchObject({ totalDocs: 2, more: null })
    expect(toolkit.unsectioned.resources.map((r) => r.title)).toEqual(['Queens unsectioned note 2', 'Queens unsectioned note 1'])

    // `more` is the public list of the rest, anonymous, from page 2; its page 1 is what the toolkit showed.
    expect(documenting.more).toMatch(/\/api\/resources\?where\[jurisdictions\]\[equals\]=[^&]+&where\[section\]\[equals\]=documenting-the-problem&.*sort=-issuedAt&.*limit=10&page=2/)
    const rest = await get(pathOf(documenting.more!))
    expect(rest.status).toBe(200)
    expect(rest.body).toMatchObject({ totalDocs: 12, page: 2, hasNextPage: false })
    expect(rest.body.docs.map((r: Item) => r.title)).toEqual(['Queens incident log 2', 'Queens incident log 1'])
    const first = await get(pathOf(documenting.more!.replace('page=2', 'page=1')))
    expect(first.body.docs.map((r: Item) => r.id)).toEqual(documenting.resources.map((r) => r.id))

    // A smaller perSection; the unsectioned list's URL filters on a missing section.
    const small = (await get('/api/jurisdictions/US-NY-QUEENS/toolkit?perSection=1')).body as Toolkit
    expect(small.perSection).toBe(1)
    expect(small.sections[0]).toMatchObject({ totalDocs: 12, resources: [{ title: 'Queens incident log 12' }] })
    expect(small.unsectioned).toMatchObject({ totalDocs: 2, resources: [{ title: 'Queens unsectioned note 2' }] })
    expect(small.unsectioned.more).toContain('where[section][exists]=false')
    const unsectionedRest = await get(pathOf(small.unsectioned.more!))
    expect(unsectionedRest.body.docs.map((r: Item) => r.title)).toEqual(['Queens unsectioned note 1'])
    // Each level above is capped and linked the same way.
    const ny = small.inherited[0]!
    expect(ny.jurisdiction.code).toBe('US-NY')
    expect(ny.resources).toHaveLength(1)
    expect(ny.totalDocs).toBeGreaterThan(1)
    const nyRest = await get(pathOf(ny.more!))
    expect(nyRest.body.totalDocs).toBe(ny.totalDocs)
    expect(nyRest.body.docs[0].id).not.toBe(ny.resources[0]!.id)
  })

  it('answers 400 naming perSection when it is not a whole number from 1 to 50', async () => {
    for (const bad of ['0', '51', 'abc', '1.5', '-1', '', '10&perSection=20', '1e1']) {
      const res = await get(`/api/jurisdictions/US-NY/toolkit?perSection=${bad}`)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toMatch(/^"perSection" (must be a whole number from 1 to 50|may be given once)\.$/)
    }
    const most = await get('/api/jurisdictions/US-NY/toolkit?perSection=50')
    expect(most.status).toBe(200)
    expect(most.body.perSection).toBe(50)
  })

  it('answers in Spanish with English fallback', async () => {
    const res = await get('/api/jurisdictions/US-NY/toolkit?locale=es')
    const titles = allItems(res.body).map((r) => r.title)
    expect(titles).toContain('Ley Protect Our Courts (Nueva York)')
    // Not translated: the English title.
    expect(titles).toContain('United States v. New York (challenge to the Protect Our Courts Act)')
    // The list URLs keep the language.
    const es = (await get('/api/jurisdictions/US-NY/toolkit?locale=es&perSection=1')).body as Toolkit
    const linked = [...es.sections, es.unsectioned, ...es.inherited].map((g) => g.more).filter(Boolean)
    expect(linked.length).toBeGreaterThan(0)
    for (const url of linked) expect(url).toContain('&locale=es')
    expect((await get(pathOf(linked[0]!))).body.docs[0].title).toBeDefined()
    expect(res.body.jurisdiction.protection.protectionSummary).toMatch(/^La ley Protect Our Courts Act/)
    // locale=all would give objects of translations: the toolkit answers in the default language.
    const all = await get('/api/jurisdictions/US-NY/toolkit?locale=all')
    expect(allItems(all.body).map((r) => r.title)).toContain('Protect Our Courts Act (New York)')
  })

  it('answers 404 for an unknown code', async () => {
    const res = await get('/api/jurisdictions/US-ZZ/toolkit')
    expect(res.status).toBe(404)
    expect(res.body.errors[0].message).toBe('No jurisdiction with code "US-ZZ".')
    expect((await get(`/api/jurisdictions/${'X'.repeat(500)}/toolkit`)).status).toBe(404)
  })

  it('shows only published resources, and the published text of one in review, even to an editor', async () => {
    for (const agent of [request(app.url), editor]) {
      const res = await agent.get('/api/jurisdictions/US-NJ/toolkit')
      const leak = allItems(res.body).filter((r) => /leakcheck/i.test(r.title))
      expect(leak.map((r) => r.id).sort()).toEqual([ids.published, ids.revisedInReview].sort())
      expect(leak.map((r) => r.title).join(' ')).not.toMatch(/Unreviewed/)
    }
  })
})

describe('GET /api/map', () => {
  it('lists every state, DC and territory with code, name and protection status, and nothing else', async () => {
    const res = await get('/api/map')
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600')
    const { jurisdictions } = res.body as { jurisdictions: { code: string; name: string; type: string; protectionStatus: string | null }[] }
    expect(jurisdictions).toHaveLength(50 + 1 + 5)
    expect(jurisdictions.map((j) => j.code)).toEqual([...jurisdictions.map((j) => j.code)].sort())
    expect(jurisdictions.find((j) => j.code === 'US-NY')).toEqual({ code: 'US-NY', name: 'New York', type: 'state', protectionStatus: 'statute' })
    expect(jurisdictions.find((j) => j.code === 'US-NJ')).toMatchObject({ protectionStatus: 'court-rule' })
    expect(jurisdictions.find((j) => j.code === 'US-DC')).toMatchObject({ type: 'district' })
    expect(jurisdictions.filter((j) => j.type === 'territory').map((j) => j.code).sort()).toEqual(['US-AS', 'US-GU', 'US-MP', 'US-PR', 'US-VI'])
    expect(jurisdictions.some((j) => j.code === 'US' || j.code.split('-').length > 2)).toBe(false)
    for (const j of jurisdictions) expect(Object.keys(j).sort()).toEqual(['code', 'name', 'protectionStatus', 'type'])
    expect(JSON.stringify(res.body).length).toBeLessThan(8 * 1024)
    expect(JSON.stringify(res.body)).not.toMatch(/leakcheck/i)
  })

  it('answers 304 to a repeated request with its ETag', async () => {
    const first = await get('/api/map')
    const again = await get('/api/map').set('If-None-Match', first.headers.etag!)
    expect(again.status).toBe(304)
  })
})
