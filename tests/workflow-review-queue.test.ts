/**
 * The editors' review queue (GET /api/resources/review-queue, the dashboard's panel): "assigned to
 * me", "my region" (the within rule of access/withinJurisdictions.ts) and "all", counts per state,
 * the longest-waiting first, and only for active editors. Through the real stack.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createJurisdictions } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST } from './helpers/workflow'

type Agent = Awaited<ReturnType<typeof signIn>>
type Id = string | number
type Queue = {
  show: string
  state: string
  shows: string[]
  counts: Record<string, number>
  truncated: boolean
  docs: { id: Id; title: string; reviewStatus: string; category: string; jurisdictions: { code: string }[]; owner: { name: string } | null; assignee: { id: Id; name: string } | null; waitingSince: string; publishAt: string | null }[]
}

let app: TestApp
let places: Awaited<ReturnType<typeof createJurisdictions>>
let asNyLeader: Agent
let asCaLeader: Agent
let asNational: Agent
let asNyEditor: Agent
let asAdmin: Agent
let nyEditorId: Id
const ids: Record<string, Id> = {}

const create = async (agent: Agent, title: string, jurisdictions: Id[]) => {
  const res = await agent.post('/api/resources').send({ title, category: 'judicial-rule', jurisdictions })
  expect(res.status).toBe(201)
  return res.body.doc.id as Id
}
const act = async (agent: Agent, id: Id, action: string, extra: object = {}) => {
  const res = await agent.post(`/api/resources/${id}/workflow`).send({ action, ...extra })
  expect(res.status).toBe(200)
}
const queue = async (agent: Agent, query = '') => {
  const res = await agent.get(`/api/resources/review-queue${query}`)
  expect(res.status).toBe(200)
  return res.body as Queue
}
const titles = (q: Queue) => q.docs.map((d) => d.title)

beforeAll(async () => {
  app = await startTestApp()
  places = await createJurisdictions(app)
  const nyLeader = await createAccount(app, 'contributor', { jurisdictions: [places['US-NY']], name: 'Nora NY' })
  asNyLeader = await signIn(app, nyLeader)
  asCaLeader = await signIn(app, await createAccount(app, 'contributor', { jurisdictions: [places['US-CA']], name: 'Carla CA' }))
  asNational = await signIn(app, await createAccount(app, 'editor'))
  const nyEditor = await createAccount(app, 'editor', { jurisdictions: [places['US-NY']], name: 'Ned NY Editor' })
  nyEditorId = nyEditor.id
  asNyEditor = await signIn(app, nyEditor)
  asAdmin = await signIn(app, await createAccount(app, 'admin', { jurisdictions: [places['US-NY']] }))

  const NY = places['US-NY']
  const CA = places['US-CA']
  const KINGS = places['US-NY-KINGS']
  ids.ny = await create(asNyLeader, 'NY order', [NY])
  ids.kings = await create(asNyLeader, 'Kings County rule', [KINGS])
  ids.ca = await create(asCaLeader, 'CA order', [CA])
  ids.both = await create(asNational, 'NY and CA memo', [NY, CA])
  ids.changes = await create(asNyLeader, 'NY changes', [NY])
  ids.scheduled = await create(asNyLeader, 'NY scheduled', [NY])
  ids.draft = await create(asNyLeader, 'NY draft', [NY])
  ids.assigned = await create(asCaLeader, 'CA assigned', [CA])
  ids.published = await create(asNyLeader, 'NY published', [NY])
  const es = await asNyLeader.patch(`/api/resources/${ids.ny}?locale=es`).send({ title: 'Orden de NY' })
  expect(es.status).toBe(200)

  // Submitted out of creation order: the queue follows the submit times, the longest waiting first.
  for (const key of ['kings', 'ny', 'ca', 'both', 'changes', 'scheduled', 'assigned', 'published']) {
    await act(key === 'both' ? asNational : key.startsWith('ca') || key === 'assigned' ? asCaLeader : asNyLeader, ids[key]!, 'submit')
  }
  await act(asNational, ids.changes!, 'request_changes', { note: 'Add the signed order.' })
  const publishAt = new Date(Date.now() + 7 * 24 * 3600_000).toISOString()
  await act(asNational, ids.scheduled!, 'publish', { checklist: CHECKLIST, publishAt })
  await act(asNational, ids.published!, 'publish', { checklist: CHECKLIST })
  expect((await asNational.patch(`/api/resources/${ids.assigned}`).send({ assignee: nyEditorId })).status).toBe(200)
}, 180_000)
afterAll(async () => {
  await app?.stop()
})

describe('GET /api/resources/review-queue', () => {
  it('opens on "my region" for a regional editor: items within New York (a county included), not those naming another state', async () => {
    const q = await queue(asNyEditor)
    expect(q).toMatchObject({ show: 'region', state: 'in_review', shows: ['mine', 'region', 'all'], truncated: false })
    expect(titles(q)).toEqual(['Kings County rule', 'NY order', 'NY scheduled'])
    expect(q.counts).toEqual({ in_review: 3, changes_requested: 1, scheduled: 1 })
  })

  it('"all" for a national editor (no "my region": their region is the country), and for an admin', async () => {
    for (const agent of [asNational, asAdmin]) {
      const q = await queue(agent)
      expect(q).toMatchObject({ show: 'all', shows: ['mine', 'all'] })
      expect(titles(q)).toEqual(['Kings County rule', 'NY order', 'CA order', 'NY and CA memo', 'NY scheduled', 'CA assigned'])
      expect(q.counts).toEqual({ in_review: 6, changes_requested: 1, scheduled: 1 })
    }
    // Asked for anyway, a national editor's region is everything.
    expect(titles(await queue(asNational, '?show=region'))).toHaveLength(6)
  })

  it('"all" for a regional editor shows the other states too; "assigned to me" only what is theirs', async () => {
    expect(titles(await queue(asNyEditor, '?show=all'))).toEqual(['Kings County rule', 'NY order', 'CA order', 'NY and CA memo', 'NY scheduled', 'CA assigned'])
    const mine = await queue(asNyEditor, '?show=mine')
    expect(titles(mine)).toEqual(['CA assigned'])
    expect(mine.counts).toEqual({ in_review: 1, changes_requested: 0, scheduled: 0 })
    expect(mine.docs[0]!.assignee).toEqual({ id: nyEditorId, name: 'Ned NY Editor' })
    const nationalMine = await queue(asNational, '?show=mine')
    expect(nationalMine.docs).toEqual([])
    expect(nationalMine.counts).toEqual({ in_review: 0, changes_requested: 0, scheduled: 0 })
  })

  it('filters by state: changes requested (waiting since the request), scheduled (with its time)', async () => {
    const changes = await queue(asNyEditor, '?state=changes_requested')
    expect(titles(changes)).toEqual(['NY changes'])
    const { docs: events } = await app.payload.find({ collection: 'review-events', where: { resource: { equals: ids.changes }, action: { equals: 'request_changes' } }, depth: 0, overrideAccess: true })
    expect(changes.docs[0]!.waitingSince).toBe(events[0]!.at)
    const scheduled = await queue(asNyEditor, '?state=scheduled')
    expect(titles(scheduled)).toEqual(['NY scheduled'])
    expect(new Date(scheduled.docs[0]!.publishAt!).getTime()).toBeGreaterThan(Date.now())
  })

  it('describes each item: category value, jurisdiction codes, who submitted it, titles in the asked language or else the other', async () => {
    const q = await queue(asNyEditor, '?show=all')
    const both = q.docs.find((d) => d.id === ids.both)!
    expect(both).toMatchObject({ category: 'judicial-rule', reviewStatus: 'in_review', assignee: null })
    expect(both.jurisdictions.map((j) => j.code).sort()).toEqual(['US-CA', 'US-NY'])
    expect(q.docs.find((d) => d.id === ids.ny)!.owner).toMatchObject({ name: 'Nora NY' })
    expect(titles(await queue(asNyEditor, '?locale=es'))).toEqual(['Kings County rule', 'Orden de NY', 'NY scheduled'])
  })

  it('is for active editors only: 401 anonymous, 403 a leader (also through the method override), 400 a bad filter', async () => {
    const { default: request } = await import('supertest')
    const anonymous = await request(app.url).get('/api/resources/review-queue')
    expect(anonymous.status).toBe(401)
    const leader = await asNyLeader.get('/api/resources/review-queue?show=all')
    expect(leader.status).toBe(403)
    expect(leader.body.errors[0].message).toBe('The review queue is for editors.')
    const overridden = await asNyLeader.post('/api/resources/review-queue').set('X-Payload-HTTP-Method-Override', 'GET').send({})
    expect(overridden.status).toBe(403)
    expect(JSON.stringify(overridden.body)).not.toContain('NY order')
    const pending = await signIn(app, await createAccount(app, 'editor', { status: 'pending' }))
    expect((await pending.get('/api/resources/review-queue')).status).toBe(403)
    for (const query of ['?show=everything', '?state=published', '?state=draft', '?show[]=all', '?show[a]=1']) {
      const res = await asNational.get(`/api/resources/review-queue${query}`)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toMatch(/"(show|state)" must be one of/)
    }
  })
})
