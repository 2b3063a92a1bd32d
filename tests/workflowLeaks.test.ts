/**
 * Nothing leaks and nothing publishes outside the workflow: probes by anonymous callers and by
 * another contributor (B) against contributor A's unpublished work, and every way a client
 * could try to set `_status`, `reviewStatus` or `publishedAt` itself.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST } from './helpers/workflow'

let app: TestApp
let A: Awaited<ReturnType<typeof createAccount>>
let asA: Awaited<ReturnType<typeof signIn>>
let asB: Awaited<ReturnType<typeof signIn>>
let B: Awaited<ReturnType<typeof createAccount>>
let asEditor: Awaited<ReturnType<typeof signIn>>
const SECRET = 'SECRET-DRAFT'
const ids = {} as Record<'draft' | 'inReview' | 'changes' | 'published' | 'archived', string | number>

beforeAll(async () => {
  app = await startTestApp()
  A = await createAccount(app, 'contributor', { name: 'Alice Owner' })
  asA = await signIn(app, A)
  B = await createAccount(app, 'contributor')
  asB = await signIn(app, B)
  asEditor = await signIn(app, await createAccount(app, 'editor'))
  const create = async (title: string) => (await asA.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title, category: 'legislation' })).body.doc.id
  const act = (id: string | number, who: typeof asA, body: object) => who.post(`/api/resources/${id}/workflow`).send(body)

  ids.draft = await create(`${SECRET} draft`)
  ids.inReview = await create(`${SECRET} in review`)
  await act(ids.inReview, asA, { action: 'submit' })
  ids.changes = await create(`${SECRET} changes`)
  await act(ids.changes, asA, { action: 'submit' })
  await act(ids.changes, asEditor, { action: 'request_changes', note: `${SECRET} private review note` })
  // Published, then revised: the revision (in review) must stay invisible.
  ids.published = await create('Public version')
  await act(ids.published, asA, { action: 'submit' })
  await act(ids.published, asEditor, { action: 'publish', checklist: CHECKLIST })
  await asEditor.patch(`/api/resources/${ids.published}`).send({ title: `${SECRET} revision` })
  await act(ids.published, asA, { action: 'submit', note: `${SECRET} resubmission note` })
  ids.archived = await create(`${SECRET} archived`)
  await act(ids.archived, asEditor, { action: 'archive' })
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

const probes = (ownerId: string | number) => [
  '/api/resources',
  '/api/resources?draft=true',
  '/api/resources?limit=100&depth=3',
  '/api/resources?where[reviewStatus][equals]=in_review',
  '/api/resources?where[reviewStatus][not_equals]=published',
  '/api/resources?where[_status][equals]=draft',
  '/api/resources?draft=true&where[_status][equals]=draft',
  `/api/resources?where[owner][equals]=${ownerId}`,
  `/api/resources?where[or][0][owner][exists]=true`,
  '/api/resources?where[owner.email][like]=example',
  '/api/resources?where[owner.name][like]=Alice',
  '/api/resources?where[title][like]=SECRET',
  '/api/resources?draft=true&where[title][like]=SECRET',
  '/api/resources?sort=owner',
  '/api/resources?sort=-reviewStatus',
  '/api/resources?sort=assignee',
  '/api/resources/count?where[reviewStatus][equals]=in_review',
  `/api/resources/count?where[owner][equals]=${ownerId}`,
  `/api/resources/${ids.published}?draft=true`,
  `/api/resources/${ids.published}?depth=3`,
  `/api/resources/${ids.draft}`,
  `/api/resources/${ids.draft}?draft=true`,
  `/api/resources/${ids.archived}`,
  '/api/resources/versions',
  '/api/resources/versions?where[version.title][like]=SECRET',
  '/api/review-events',
  `/api/review-events?where[resource][equals]=${ids.changes}`,
  '/api/review-events?where[note][like]=SECRET',
  '/api/payload-jobs',
  `/api/contributors/${ownerId}`,
]

const graphqlProbes = (ownerId: string | number) => [
  '{ Resources(limit: 100) { docs { id title reviewStatus owner { email name } } } }',
  '{ Resources(draft: true, limit: 100) { docs { id title } } }',
  `{ Resources(where: { owner: { equals: ${JSON.stringify(ownerId)} } }) { docs { id title } } }`,
  '{ Resources(where: { reviewStatus: { equals: in_review } }) { docs { id title } } }',
  `{ Resource(id: ${JSON.stringify(ids.published)}, draft: true) { title } }`,
  '{ versionsResources { docs { version { title } } } }',
  '{ ReviewEvents { docs { note action } } }',
]

describe.each(['anonymous', 'contributor B'] as const)('%s', (who) => {
  const agent = () => (who === 'anonymous' ? request.agent(app.url) : asB)

  it('learns nothing about unpublished work through REST: filters, sorts, drafts, depth, versions, history', async () => {
    for (const path of probes(A.id)) {
      const res = await agent().get(path)
      const body = JSON.stringify(res.body)
      expect(`${path} → ${res.status}`).not.toMatch(/ → 5\d\d$/)
      expect(`${path} → ${body}`).not.toContain(SECRET)
      expect(`${path} → ${body}`).not.toContain(A.email)
      expect(`${path} → ${body}`).not.toContain('Alice Owner')
      expect(`${path} → ${body}`).not.toMatch(/"reviewStatus":"(in_review|changes_requested|draft|archived)"/)
    }
  })

  it('learns nothing through GraphQL, including versions', async () => {
    for (const query of graphqlProbes(A.id)) {
      const res = await agent().post('/api/graphql').send({ query })
      const body = JSON.stringify(res.body)
      expect(res.status).toBeLessThan(500)
      expect(`${query} → ${body}`).not.toContain(SECRET)
      expect(`${query} → ${body}`).not.toContain(A.email)
      expect(`${query} → ${body}`).not.toContain('Alice Owner')
    }
  })

  it('still sees the published version of the revised resource, without owner or review state', async () => {
    const res = await agent().get(`/api/resources/${ids.published}?depth=2`)
    expect(res.status).toBe(200)
    expect(res.body.title).toBe('Public version')
    expect(res.body.owner).toBeUndefined()
    if (who === 'anonymous') expect(res.body.reviewStatus).toBeUndefined()
    else expect(res.body.reviewStatus).toBe('published')
  })

  it('is refused, not answered, when filtering or sorting on ownership', async () => {
    const filtered = await agent().get(`/api/resources?where[owner][equals]=${A.id}`)
    expect(filtered.status).toBeGreaterThanOrEqual(400)
    expect(filtered.status).toBeLessThan(500)
    const sorted = await agent().get('/api/resources?sort=owner')
    expect(sorted.status).toBeGreaterThanOrEqual(400)
  })
})

describe('contributor A', () => {
  it('sees their own work, its working copy and its whole history, but not others’ private fields', async () => {
    const mine = await asA.get(`/api/resources?draft=true&where[owner][equals]=${A.id}&limit=50`)
    expect(mine.status).toBe(200)
    expect(mine.body.totalDocs).toBe(5)
    const revision = await asA.get(`/api/resources/${ids.published}?draft=true`)
    expect(revision.body).toMatchObject({ title: `${SECRET} revision`, reviewStatus: 'in_review' })
    const history = await asA.get(`/api/review-events?where[resource][equals]=${ids.changes}&sort=at`)
    expect(history.body.docs.map((e: { action: string }) => e.action)).toEqual(['submit', 'request_changes'])
    expect(history.body.docs[1].note).toBe(`${SECRET} private review note`)
    expect(revision.body.assignee).toBeUndefined()
    expect(revision.body.publishAt).toBeUndefined()
  })
})

describe('no way around the workflow', () => {
  const statusFields = [{ _status: 'published' }, { reviewStatus: 'published' }, { reviewStatus: 'in_review' }, { publishedAt: '2020-01-01T00:00:00.000Z' }]

  it('REST create with a workflow field: 403, nothing stored', async () => {
    for (const extra of statusFields) {
      const res = await asA.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'sneaky create', category: 'media', ...extra })
      expect(`${JSON.stringify(extra)} ${res.status}`).toBe(`${JSON.stringify(extra)} 403`)
    }
    const res = await asA.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'someone else owns it', category: 'media', owner: B.id })
    expect(res.status).toBe(403)
    expect((await app.payload.count({ collection: 'resources', where: { or: [{ title: { like: 'sneaky' } }, { title: { like: 'someone else' } }] } })).totalDocs).toBe(0)
  })

  it('REST update, bulk update and GraphQL with a workflow field: 403, nothing changes, for contributors and editors', async () => {
    for (const who of [asA, asEditor]) {
      for (const extra of statusFields) {
        const label = JSON.stringify(extra)
        expect(`${label} ${(await who.patch(`/api/resources/${ids.draft}`).send({ title: 'x', ...extra })).status}`).toBe(`${label} 403`)
        expect(`${label} ${(await who.patch(`/api/resources?where[id][equals]=${ids.draft}`).send({ title: 'x', ...extra })).status}`).toBe(`${label} 403`)
        expect(`${label} ${(await who.patch(`/api/resources/${ids.draft}?draft=false`).send({ ...extra })).status}`).toBe(`${label} 403`)
      }
      const gql = await who.post('/api/graphql').send({
        query: `mutation { updateResource(id: ${JSON.stringify(ids.draft)}, data: { title: "x", _status: published }) { title _status } }`,
      })
      expect(gql.body.errors?.[0]?.extensions?.statusCode).toBe(403)
      const gqlCreate = await who.post('/api/graphql').send({
        query: 'mutation { createResource(data: { title: "gql sneaky", slug: "gql-sneaky", category: media, _status: published }) { id } }',
      })
      expect(gqlCreate.body.errors?.[0]?.extensions?.statusCode).toBe(403)
    }
    const stored = await app.payload.findByID({ collection: 'resources', id: ids.draft, draft: true })
    expect(stored).toMatchObject({ title: `${SECRET} draft`, reviewStatus: 'draft', _status: 'draft' })
    expect((await app.payload.count({ collection: 'resources', where: { title: { like: 'gql sneaky' } } })).totalDocs).toBe(0)
  })

  it('sending the values a resource already has (as the admin panel does) is not an attempt', async () => {
    const res = await asA.patch(`/api/resources/${ids.draft}?draft=true`).send({ title: `${SECRET} draft`, _status: 'draft', reviewStatus: 'draft', publishedAt: null, owner: A.id })
    expect(res.status).toBe(200)
  })

  it('duplicate makes an unpublished draft owned by the caller, and refuses workflow fields', async () => {
    const dup = await asB.post(`/api/resources/${ids.published}/duplicate`).send({})
    expect(dup.status).toBe(200)
    const copy = await app.payload.findByID({ collection: 'resources', id: dup.body.doc.id, draft: true })
    expect(copy).toMatchObject({ _status: 'draft', reviewStatus: 'draft', publishedAt: null })
    expect(String((copy.owner as { id?: unknown })?.id ?? copy.owner)).toBe(String(B.id))
    expect((await request(app.url).get(`/api/resources/${dup.body.doc.id}`)).status).toBe(404)
    const sneaky = await asB.post(`/api/resources/${ids.published}/duplicate`).send({ _status: 'published' })
    expect(sneaky.status).toBe(403)
  })

  it('the jobs queue endpoints are closed to contributors', async () => {
    expect((await asA.get('/api/payload-jobs/run')).status).toBeGreaterThanOrEqual(401)
    expect((await asA.post('/api/payload-jobs/run')).status).toBeGreaterThanOrEqual(401)
  })

  it('review events cannot be created, changed or deleted through the API, even by editors', async () => {
    const [event] = (await app.payload.find({ collection: 'review-events', limit: 1 })).docs
    expect((await asEditor.post('/api/review-events').send({ resource: ids.draft, action: 'publish', from: 'draft', to: 'published', by: A.id, at: new Date().toISOString() })).status).toBe(403)
    expect((await asEditor.patch(`/api/review-events/${event!.id}`).send({ note: 'rewritten' })).status).toBe(403)
    expect((await asEditor.delete(`/api/review-events/${event!.id}`)).status).toBe(403)
    expect(await app.payload.findByID({ collection: 'review-events', id: event!.id })).toMatchObject({ note: event!.note ?? null })
  })
})
