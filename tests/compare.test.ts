/**
 * Compare protections across jurisdictions, provision by provision, against a model law:
 * GET /api/compare, /api/compare.csv and /api/jurisdictions/{code}/gaps on the seeded library and
 * on test data; published content only; the errors a client can cause; CSV injection; Spanish.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { MODEL_LAW, provisions as seedProvisions, provisionsProvided } from '../seed/data/provisions'
import { resources as seedResources } from '../seed/data/resources'
import { seed } from '../seed/seed'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { createPublished } from './helpers/publicApi'

type Id = string | number
type Instrument = { id: Id; slug: string; title: string; section: string | null; extent: 'full' | 'partial' }
type Row = { key: string; name: string; order: number; model?: Instrument[]; cells: Record<string, Instrument[]> }

let app: TestApp
const provisionId = new Map<string, Id>()
const jurisdictionId = new Map<string, Id>()

beforeAll(async () => {
  app = await startTestApp()
  await seed(app.payload)
  for (const p of (await app.payload.find({ collection: 'provisions', pagination: false, depth: 0 })).docs) provisionId.set(p.key, p.id)
  for (const j of (await app.payload.find({ collection: 'jurisdictions', pagination: false, depth: 0, select: { code: true } })).docs) jurisdictionId.set(j.code, j.id)
}, 120_000)
afterAll(async () => app?.stop())

const get = (path: string) => request(app.server).get(path)
const compare = async (query: string) => {
  const res = await get(`/api/compare?${query}`)
  expect([res.status, res.body.errors]).toEqual([200, undefined])
  return res.body as { jurisdictions: { code: string }[]; model: { slug: string } | null; provisions: Row[] }
}
const row = (rows: Row[], key: string) => rows.find((r) => r.key === key)!
const slugs = (instruments: Instrument[] = []) => instruments.map((i) => i.slug).sort()

describe('the seeded catalogue and mapping', () => {
  it('maps only seeded resources, of the law-carrying categories, to catalogue provisions', () => {
    const keys = new Set(seedProvisions.map((p) => p.key))
    for (const [slug, provided] of Object.entries(provisionsProvided)) {
      const resource = seedResources.find((r) => r.slug === slug)
      expect([slug, resource?.category]).toEqual([slug, expect.stringMatching(/^(legislation|judicial-rule|policy|litigation)$/)])
      for (const p of provided) expect([slug, keys.has(p.provision)]).toEqual([slug, true])
    }
  })
})

describe('GET /api/compare', () => {
  it('puts jurisdictions side by side, provision by provision, in catalogue order', async () => {
    const body = await compare('jurisdictions=US-NY,us-nj, US-WA')
    expect(body.jurisdictions.map((j) => j.code)).toEqual(['US-NY', 'US-NJ', 'US-WA'])
    expect(body.model).toBeNull()
    expect(body.provisions.map((p) => p.key)).toEqual([...seedProvisions].sort((a, b) => a.order - b.order).map((p) => p.key))
    const warrant = row(body.provisions, 'judicial-warrant-required')
    expect(slugs(warrant.cells['US-NY'])).toEqual(['ny-oca-rule-judicial-warrant-courthouse-arrests', 'ny-protect-our-courts-act'])
    expect(warrant.cells['US-NY']!.find((i) => i.slug === MODEL_LAW)).toMatchObject({ section: 'Civil Rights Law §28', extent: 'full' })
    expect(warrant.cells['US-NJ']).toEqual([])
    expect(warrant.cells['US-WA']).toEqual([expect.objectContaining({ slug: 'wa-rcw-2-28-300-courthouse-civil-arrest', section: 'RCW 2.28.330', extent: 'partial' })])
    expect(row(body.provisions, 'officers-identify-and-notify-court').cells['US-NJ']).toEqual([expect.objectContaining({ slug: 'nj-judiciary-directive-07-19', section: null })])
  })

  it('adds the model column by slug or by id', async () => {
    const bySlug = await compare(`jurisdictions=US-NJ&model=${MODEL_LAW}`)
    expect(bySlug.model).toMatchObject({ slug: MODEL_LAW, jurisdictions: ['US-NY'] })
    expect(slugs(row(bySlug.provisions, 'no-arrest-going-to-or-from-court').model)).toEqual([MODEL_LAW])
    expect(row(bySlug.provisions, 'officers-identify-and-notify-court').model).toEqual([])
    const id = (await app.payload.find({ collection: 'resources', where: { slug: { equals: MODEL_LAW } }, depth: 0 })).docs[0]!.id
    expect((await compare(`jurisdictions=US-NJ&model=${id}`)).model).toMatchObject({ slug: MODEL_LAW })
  })

  it('answers in Spanish with ?locale=es', async () => {
    const body = await compare('jurisdictions=US-NY&locale=es')
    expect(row(body.provisions, 'judicial-warrant-required').name).toBe('Se requiere una orden judicial')
  })

  it('gives a county its own column: it inherits nothing from its state, nor the state from it', async () => {
    const county = await app.payload.create({ collection: 'jurisdictions', data: { code: 'US-NY-ALBANY', name: 'Albany County', type: 'county', parent: jurisdictionId.get('US-NY') } as never, overrideAccess: true })
    await createPublished(app, {
      slug: 'albany-court-order',
      title: 'Albany County court order',
      category: 'judicial-rule',
      jurisdictions: [county.id],
      provisions: [{ provision: provisionId.get('court-staff-do-not-assist'), extent: 'full' }],
    })
    const body = await compare('jurisdictions=US-NY,US-NY-ALBANY')
    const staff = row(body.provisions, 'court-staff-do-not-assist')
    expect(slugs(staff.cells['US-NY-ALBANY'])).toEqual(['albany-court-order'])
    expect(staff.cells['US-NY']).toEqual([])
    expect(slugs(row(body.provisions, 'judicial-warrant-required').cells['US-NY-ALBANY'])).toEqual([])
  })

  it('never counts drafts, nor a published item\'s unpublished update', async () => {
    const nj = jurisdictionId.get('US-NJ')
    const leader = await createAccount(app, 'contributor', { jurisdictions: [nj] })
    const agent = await signIn(app, leader)
    const draft = await agent
      .post('/api/resources')
      .send({ title: 'DRAFTMARK bill', category: 'legislation', jurisdictions: [nj], provisions: [{ provision: provisionId.get('judicial-warrant-required'), extent: 'full', section: 'DRAFTMARK §1' }] })
    expect(draft.status).toBe(201)
    // A published item whose newer draft adds a provision: the published version is what counts.
    const published = await createPublished(app, { slug: 'nj-published-bill', title: 'NJ published bill', jurisdictions: [nj], provisions: [] })
    await app.payload.update({
      collection: 'resources',
      id: published,
      draft: true,
      data: { provisions: [{ provision: provisionId.get('private-right-of-action'), extent: 'full', section: 'DRAFTMARK §2' }] } as never,
      overrideAccess: true,
    })
    for (const path of ['/api/compare?jurisdictions=US-NJ', `/api/compare.csv?jurisdictions=US-NJ&model=${MODEL_LAW}`, '/api/jurisdictions/US-NJ/gaps']) {
      const res = await get(path)
      expect([path, res.status, res.text.includes('DRAFTMARK')]).toEqual([path, 200, false])
    }
    const body = await compare('jurisdictions=US-NJ')
    expect(row(body.provisions, 'judicial-warrant-required').cells['US-NJ']).toEqual([])
    expect(row(body.provisions, 'private-right-of-action').cells['US-NJ']).toEqual([])
  })

  it('is cached publicly like the rest of the API', async () => {
    const res = await get('/api/compare?jurisdictions=US-CO').expect(200)
    expect(res.headers['cache-control']).toMatch(/public/)
    expect(res.headers.etag).toBeTruthy()
  })

  it.each([
    ['', 400, /Name the jurisdictions/],
    ['jurisdictions=', 400, /Name the jurisdictions/],
    ['jurisdictions=US-ZZ,US-NY,nope', 404, /Unknown jurisdiction codes: US-ZZ, NOPE/],
    ['jurisdictions=US-ZZ', 404, /Unknown jurisdiction code: US-ZZ/],
    [`jurisdictions=${'US-AL,US-AK,US-AZ,US-AR,US-CA,US-CO,US-CT,US-DE,US-FL,US-GA,US-HI,US-ID,US-IL'}`, 400, /13 jurisdictions; at most 12/],
    ['jurisdictions=US-NY&model=no-such-law', 404, /No published resource has the id or slug "no-such-law"/],
    ['jurisdictions=US-NY&model=99999999', 404, /No published resource/],
    ['jurisdictions[a]=b', 400, /Name the jurisdictions/],
  ])('?%s answers %s naming the problem', async (query, status, message) => {
    for (const path of ['/api/compare', '/api/compare.csv']) {
      const res = await get(`${path}?${query}`)
      expect([path, res.status, res.body.errors?.[0]?.message]).toEqual([path, status, expect.stringMatching(message)])
    }
  })
})

describe('GET /api/compare.csv', () => {
  it('is the same matrix as a spreadsheet, with formula-safe cells', async () => {
    const tx = jurisdictionId.get('US-TX')
    await createPublished(app, {
      slug: 'tx-formula',
      title: '=HYPERLINK("http://evil.example","x")',
      jurisdictions: [tx],
      provisions: [{ provision: provisionId.get('no-arrest-in-courthouse'), extent: 'partial', section: '+1 §2' }],
    })
    const res = await get(`/api/compare.csv?jurisdictions=US-NY,US-TX&model=${MODEL_LAW}`).expect(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv/)
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="compare.csv"/)
    const lines = res.text.trimEnd().split('\r\n')
    expect(lines[0]).toBe('"provision","key","model: Protect Our Courts Act (New York)","New York (US-NY)","Texas (US-TX)"')
    expect(lines).toHaveLength(seedProvisions.length + 1)
    const courthouse = lines.find((l) => l.includes('"no-arrest-in-courthouse"'))!
    // Each instrument ends with its legal sign-off's status (src/verification/status.ts).
    expect(courthouse).toContain(`"'=HYPERLINK(""http://evil.example"",""x"") (+1 §2) [partial] {verification: unverified}"`)
    expect(courthouse).toContain('Protect Our Courts Act (New York) (Civil Rights Law §28)')
    for (const cell of res.text.split(/","|^"|"\r\n"?/m)) expect(cell).not.toMatch(/^[=+\-@]/)
  })
})

describe('GET /api/jurisdictions/{code}/gaps', () => {
  it("lists what the model provides and the jurisdiction's published instruments do not, fully", async () => {
    const res = await get('/api/jurisdictions/US-NJ/gaps').expect(200)
    expect(res.body.model).toMatchObject({ slug: MODEL_LAW })
    expect(res.body.jurisdiction).toEqual({ code: 'US-NJ', name: 'New Jersey', type: 'state' })
    const gaps = res.body.gaps as { key: string; status: string; model: Instrument; partial: Instrument[] }[]
    expect(gaps.map((g) => [g.key, g.status])).toEqual([
      ['no-arrest-in-courthouse', 'partial'],
      ['no-arrest-going-to-or-from-court', 'missing'],
      ['judicial-warrant-required', 'missing'],
    ])
    expect(gaps[0]!.partial.map((i) => i.slug)).toEqual(['nj-judiciary-directive-07-19'])
    expect(gaps[2]!.model).toMatchObject({ slug: MODEL_LAW, section: 'Civil Rights Law §28' })
  })

  it('is empty for the model\'s own jurisdiction, and takes another model', async () => {
    expect((await get('/api/jurisdictions/US-NY/gaps').expect(200)).body.gaps).toEqual([])
    const co = await get('/api/jurisdictions/US-NJ/gaps?model=co-sb-20-083-protection-from-civil-arrest&locale=es').expect(200)
    expect(co.body.gaps.map((g: { key: string }) => g.key)).toEqual(['no-arrest-in-courthouse', 'no-arrest-going-to-or-from-court', 'courthouse-grounds', 'private-right-of-action', 'attorney-general-enforcement'])
    expect(co.body.gaps[2].name).toBe('Cubre los alrededores del tribunal')
  })

  it('names the problem: unknown code, unknown model, no model marked', async () => {
    const unknown = await get('/api/jurisdictions/US-ZZ/gaps')
    expect([unknown.status, unknown.body.errors[0].message]).toEqual([404, 'Unknown jurisdiction code: US-ZZ.'])
    const badModel = await get('/api/jurisdictions/US-NJ/gaps?model=nope')
    expect([badModel.status, badModel.body.errors[0].message]).toEqual([404, 'No published resource has the id or slug "nope".'])
    const model = (await app.payload.find({ collection: 'resources', where: { slug: { equals: MODEL_LAW } }, depth: 0 })).docs[0]!
    await app.payload.update({ collection: 'resources', id: model.id, data: { isModel: false } as never, overrideAccess: true })
    try {
      const none = await get('/api/jurisdictions/US-NJ/gaps')
      expect([none.status, none.body.errors[0].message]).toEqual([400, expect.stringContaining('Name the model law')])
    } finally {
      await app.payload.update({ collection: 'resources', id: model.id, data: { isModel: true } as never, overrideAccess: true })
    }
  })
})

describe('who sets provisions and the model', () => {
  it('a leader may propose provisions in a submission, but never mark a model', async () => {
    const nj = jurisdictionId.get('US-NJ')
    const leader = await createAccount(app, 'contributor', { jurisdictions: [nj] })
    const agent = await signIn(app, leader)
    const res = await agent
      .post('/api/resources')
      .send({ title: 'Proposed', category: 'legislation', jurisdictions: [nj], isModel: true, provisions: [{ provision: provisionId.get('courthouse-grounds'), extent: 'partial', section: '§3' }] })
    expect(res.status).toBe(201)
    const stored = await app.payload.findByID({ collection: 'resources', id: res.body.doc.id, draft: true, depth: 0, overrideAccess: true })
    expect(stored.isModel).toBe(false)
    expect(stored.provisions).toEqual([expect.objectContaining({ provision: provisionId.get('courthouse-grounds'), extent: 'partial', section: '§3' })])
    const catalogue = await agent.post('/api/provisions').send({ key: 'mine', name: 'Mine', order: 1 })
    expect(catalogue.status).toBe(403)
  })
})

describe('the OpenAPI document', () => {
  it('describes the three endpoints as public operations with their errors', async () => {
    const { body } = await get('/api/openapi.json').expect(200)
    for (const path of ['/api/compare', '/api/compare.csv', '/api/jurisdictions/{code}/gaps']) {
      const operation = body.paths[path]?.get
      expect([path, operation?.security]).toEqual([path, []])
      expect([path, Object.keys(operation.responses)]).toEqual([path, ['200', '400', '404']])
    }
    expect(body.paths['/api/compare'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['jurisdictions', 'model', 'locale'])
  })
})
