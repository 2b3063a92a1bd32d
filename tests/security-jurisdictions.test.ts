/**
 * The editorial model by jurisdiction (access/withinJurisdictions.ts): a campaign leader creates,
 * edits, submits and deletes only resources whose every jurisdiction is one of theirs or lies
 * within one (a county of their state), on every path (REST, GraphQL, duplicate, bulk PATCH, the
 * workflow endpoint); a regional editor reviews and publishes only inside their region; submit
 * notifications go to the assignee, else the regional editors covering the resource, else the
 * national editors.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createJurisdictions } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST, settle, waitForMail } from './helpers/workflow'

type Agent = Awaited<ReturnType<typeof signIn>>
type Account = Awaited<ReturnType<typeof createAccount>>
type Id = string | number

let app: TestApp
let places: Awaited<ReturnType<typeof createJurisdictions>>
let nyLeader: Account
let asNyLeader: Agent
let asNoPlaceLeader: Agent
let nationalEditor: Account
let nyEditor: Account
let asNational: Agent
let asNyEditor: Agent

beforeAll(async () => {
  app = await startTestApp()
  places = await createJurisdictions(app)
  nyLeader = await createAccount(app, 'contributor', { jurisdictions: [places['US-NY']] })
  asNyLeader = await signIn(app, nyLeader)
  asNoPlaceLeader = await signIn(app, await createAccount(app, 'contributor', { jurisdictions: [] }))
  nationalEditor = await createAccount(app, 'editor')
  nyEditor = await createAccount(app, 'editor', { jurisdictions: [places['US-NY']] })
  asNational = await signIn(app, nationalEditor)
  asNyEditor = await signIn(app, nyEditor)
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

const message = (res: { body: { errors?: { message: string }[] } }) => res.body.errors?.[0]?.message ?? ''
const count = async () => (await app.payload.count({ collection: 'resources', overrideAccess: true })).totalDocs
const create = (agent: Agent, title: string, jurisdictions?: Id[]) =>
  agent.post('/api/resources').send({ title, category: 'policy', ...(jurisdictions ? { jurisdictions } : {}) })
const draftOf = async (id: Id) =>
  (await app.payload.findByID({ collection: 'resources', id, draft: true, depth: 0, overrideAccess: true })) as unknown as { title: string; jurisdictions: Id[]; reviewStatus: string }
const gql = (agent: Agent, query: string) => agent.post('/api/graphql').send({ query })
const act = (agent: Agent, id: Id, action: string, extra: object = {}) => agent.post(`/api/resources/${id}/workflow`).send({ action, ...extra })

/** A leader's NY draft moved to California by an editor: still theirs, no longer in their scope. */
async function movedToCalifornia(title: string): Promise<Id> {
  const id = (await create(asNyLeader, title, [places['US-NY']])).body.doc.id as Id
  const moved = await asNational.patch(`/api/resources/${id}`).send({ jurisdictions: [places['US-CA']] })
  expect(moved.status).toBe(200)
  return id
}

describe('a leader creates resources of their jurisdictions only', () => {
  it('creates for their state and a county within it', async () => {
    expect((await create(asNyLeader, 'NY statute', [places['US-NY']])).status).toBe(201)
    expect((await create(asNyLeader, 'Kings County policy', [places['US-NY-KINGS']])).status).toBe(201)
    expect((await create(asNyLeader, 'Both', [places['US-NY'], places['US-NY-KINGS']])).status).toBe(201)
  })

  it.each([
    ['another state', () => [places['US-CA']], 'California (US-CA)'],
    ['one in and one out', () => [places['US-NY'], places['US-CA']], 'California (US-CA)'],
    ['the federal level', () => [places.US], 'United States (US)'],
    ['no jurisdiction', () => [], 'at least one jurisdiction'],
    ['jurisdictions left out', () => undefined, 'at least one jurisdiction'],
  ])('refuses %s with a 403 naming it, storing nothing', async (_, jurisdictions, named) => {
    const before = await count()
    const res = await create(asNyLeader, 'Out of scope', jurisdictions())
    expect(res.status).toBe(403)
    expect(message(res)).toContain(named)
    expect(await count()).toBe(before)
  })

  it('refuses the same through GraphQL', async () => {
    const before = await count()
    const res = await gql(asNyLeader, `mutation { createResource(data: { title: "GraphQL CA", category: policy, jurisdictions: [${JSON.stringify(places['US-CA'])}] }) { id } }`)
    expect(res.body.data?.createResource ?? null).toBeNull()
    expect(JSON.stringify(res.body.errors)).toContain('California (US-CA)')
    expect(await count()).toBe(before)
  })

  it('a leader with no jurisdictions creates nothing', async () => {
    const res = await create(asNoPlaceLeader, 'Anything', [places['US-NY']])
    expect(res.status).toBe(403)
    expect(message(res)).toContain('no jurisdictions')
  })
})

describe('a leader edits, duplicates, submits and deletes only inside their jurisdictions', () => {
  it('cannot move their draft out of scope (REST and GraphQL)', async () => {
    const id = (await create(asNyLeader, 'Stays in NY', [places['US-NY']])).body.doc.id as Id
    const rest = await asNyLeader.patch(`/api/resources/${id}`).send({ jurisdictions: [places['US-CA']] })
    expect(rest.status).toBe(403)
    expect(message(rest)).toContain('California (US-CA)')
    const graphql = await gql(asNyLeader, `mutation { updateResource(id: ${JSON.stringify(id)}, data: { jurisdictions: [${JSON.stringify(places['US-CA'])}] }) { id } }`)
    expect(JSON.stringify(graphql.body.errors)).toContain('California (US-CA)')
    expect(String((await draftOf(id)).jurisdictions)).toBe(String([places['US-NY']]))
    // Inside scope it still works: narrowing to a county.
    expect((await asNyLeader.patch(`/api/resources/${id}`).send({ jurisdictions: [places['US-NY-KINGS']] })).status).toBe(200)
  })

  it('loses every right to their own resource once it lies outside their jurisdictions', async () => {
    const id = await movedToCalifornia('Moved away')
    const edit = await asNyLeader.patch(`/api/resources/${id}`).send({ title: 'Edited anyway' })
    expect(edit.status).toBe(403)
    expect(message(edit)).toContain('California (US-CA)')
    const override = await asNyLeader.post(`/api/resources/${id}`).set('X-Payload-HTTP-Method-Override', 'PATCH').send({ title: 'Overridden anyway' })
    expect(override.status).not.toBe(200)
    const graphql = await gql(asNyLeader, `mutation { updateResource(id: ${JSON.stringify(id)}, data: { title: "GraphQL anyway" }) { id } }`)
    expect(JSON.stringify(graphql.body.errors)).toContain('California (US-CA)')
    const graphqlDelete = await gql(asNyLeader, `mutation { deleteResource(id: ${JSON.stringify(id)}) { id } }`)
    expect(graphqlDelete.body.data?.deleteResource ?? null).toBeNull()
    const bulk = await asNyLeader.patch(`/api/resources?where[id][equals]=${id}`).send({ title: 'Bulk anyway' })
    expect(bulk.body.docs ?? []).toHaveLength(0)
    const duplicate = await asNyLeader.post(`/api/resources/${id}/duplicate`).send({})
    expect(duplicate.status).toBe(403)
    expect(message(duplicate)).toContain('California (US-CA)')
    const submit = await act(asNyLeader, id, 'submit')
    expect(submit.status).toBe(403)
    expect(message(submit)).toContain('California (US-CA)')
    expect((await asNyLeader.get(`/api/resources/${id}/workflow`)).body.actions).toEqual([])
    const del = await asNyLeader.delete(`/api/resources/${id}`)
    expect(del.status).toBe(403)
    expect(message(del)).toContain('California (US-CA)')
    const after = await draftOf(id)
    expect([after.title, after.reviewStatus]).toEqual(['Moved away', 'draft'])
  })

  it('duplicates, submits and deletes inside their jurisdictions', async () => {
    const id = (await create(asNyLeader, 'Kept in NY', [places['US-NY-KINGS']])).body.doc.id as Id
    const copy = await asNyLeader.post(`/api/resources/${id}/duplicate`).send({})
    expect(copy.status).toBe(200)
    expect((await act(asNyLeader, id, 'submit')).status).toBe(200)
    expect((await asNyLeader.delete(`/api/resources/${copy.body.doc.id}`)).status).toBe(200)
  })
})

describe('a regional editor reviews inside their region only', () => {
  it('publishes a New York county item, not a California one; national editors publish both', async () => {
    const ny = (await create(asNyLeader, 'Kings rule', [places['US-NY-KINGS']])).body.doc.id as Id
    const ca = (await create(asNational, 'California law', [places['US-CA']])).body.doc.id as Id
    for (const id of [ny, ca]) expect((await act(asNational, id, 'submit')).status).toBe(200)

    for (const [action, extra] of [['request_changes', { note: 'Fix it' }], ['publish', { checklist: CHECKLIST }], ['archive', {}]] as const) {
      const res = await act(asNyEditor, ca, action, extra)
      expect(`${action} ${res.status}`).toBe(`${action} 403`)
      expect(message(res)).toContain('California (US-CA)')
    }
    expect((await asNyEditor.get(`/api/resources/${ca}/workflow`)).body.actions).toEqual([])
    expect((await draftOf(ca)).reviewStatus).toBe('in_review')

    expect((await act(asNyEditor, ny, 'publish', { checklist: CHECKLIST })).status).toBe(200)
    expect((await act(asNyEditor, ny, 'unpublish')).status).toBe(200)
    expect((await act(asNational, ca, 'publish', { checklist: CHECKLIST })).status).toBe(200)
    expect((await act(asNyEditor, ca, 'unpublish')).status).toBe(403)
  })
})

describe('submit notifications are routed', () => {
  // The mail is cleared before each submit: every "Submitted" message is about that one.
  const submittedTo = async () => {
    await settle(app)
    return app.mail.messages.filter((m) => m.subject.startsWith('Submitted for review')).map((m) => m.to)
  }

  it('a New York submit goes to the New York editor, not the national one', async () => {
    app.mail.clear()
    const id = (await create(asNyLeader, 'Routed to NY', [places['US-NY-KINGS']])).body.doc.id as Id
    expect((await act(asNyLeader, id, 'submit')).status).toBe(200)
    await waitForMail(app, (m) => m.to === nyEditor.email)
    expect(await submittedTo()).toEqual([nyEditor.email])
  })

  it('a submit no regional editor covers goes to the national editors', async () => {
    app.mail.clear()
    const caLeader = await signIn(app, await createAccount(app, 'contributor', { jurisdictions: [places['US-CA']] }))
    const id = (await create(caLeader, 'Routed nationally', [places['US-CA']])).body.doc.id as Id
    expect((await act(caLeader, id, 'submit')).status).toBe(200)
    await waitForMail(app, (m) => m.to === nationalEditor.email)
    expect(await submittedTo()).toEqual([nationalEditor.email])
  })

  it('a submit of an assigned resource goes to the assignee alone', async () => {
    app.mail.clear()
    const id = (await create(asNyLeader, 'Assigned one', [places['US-NY']])).body.doc.id as Id
    expect((await asNational.patch(`/api/resources/${id}`).send({ assignee: nationalEditor.id })).status).toBe(200)
    expect((await act(asNyLeader, id, 'submit')).status).toBe(200)
    await waitForMail(app, (m) => m.to === nationalEditor.email)
    expect(await submittedTo()).toEqual([nationalEditor.email])
  })
})

describe('who sets jurisdictions', () => {
  const heldBy = async (id: Id) =>
    String(((await app.payload.findByID({ collection: 'contributors', id, depth: 0, overrideAccess: true })) as unknown as { jurisdictions: Id[] }).jurisdictions)

  it('a leader cannot widen their own, nor a regional editor leave their region, nor an editor touch another editor', async () => {
    const leaderTries = await asNyLeader.patch(`/api/contributors/${nyLeader.id}`).send({ jurisdictions: [places['US-NY'], places['US-CA']] })
    expect(leaderTries.status).toBe(403)
    expect(await heldBy(nyLeader.id)).toBe(String([places['US-NY']]))
    const editorTries = await asNyEditor.patch(`/api/contributors/${nyEditor.id}`).send({ jurisdictions: [] })
    expect(editorTries.status).toBe(403)
    expect((await asNational.patch(`/api/contributors/${nyEditor.id}`).send({ jurisdictions: [] })).status).toBe(403)
    expect(await heldBy(nyEditor.id)).toBe(String([places['US-NY']]))
    // Sending one's own jurisdictions back unchanged (the admin panel's save) is no change.
    expect((await asNyLeader.patch(`/api/contributors/${nyLeader.id}`).send({ name: 'NY Leader', jurisdictions: [places['US-NY']] })).status).toBe(200)
  })

  it('an editor sets a leader’s, and the leader’s rights follow at once', async () => {
    const leader = await createAccount(app, 'contributor', { jurisdictions: [places['US-CA']] })
    const asLeader = await signIn(app, leader)
    expect((await create(asLeader, 'Before', [places['US-NY']])).status).toBe(403)
    expect((await asNational.patch(`/api/contributors/${leader.id}`).send({ jurisdictions: [places['US-NY']] })).status).toBe(200)
    expect((await create(asLeader, 'After', [places['US-NY']])).status).toBe(201)
    expect((await asNational.patch(`/api/contributors/${leader.id}`).send({ status: 'suspended' })).status).toBe(200)
    expect((await create(asLeader, 'Suspended', [places['US-NY']])).status).toBe(403)
  })
})

describe('a leader keeps their published items current', () => {
  it('proposes an update as a new draft; the published version stays public until an editor publishes it', async () => {
    const id = (await create(asNyLeader, 'Statute as enacted', [places['US-NY']])).body.doc.id as Id
    expect((await act(asNyLeader, id, 'submit')).status).toBe(200)
    expect((await act(asNyEditor, id, 'publish', { checklist: CHECKLIST })).status).toBe(200)

    expect((await asNyLeader.patch(`/api/resources/${id}`).send({ title: 'Statute as amended' })).status).toBe(200)
    const publicTitle = async () => (await app.payload.findByID({ collection: 'resources', id, depth: 0, overrideAccess: true })).title
    expect(await publicTitle()).toBe('Statute as enacted')
    expect((await draftOf(id)).reviewStatus).toBe('draft')
    expect((await act(asNyLeader, id, 'submit')).status).toBe(200)
    expect(await publicTitle()).toBe('Statute as enacted')
    expect((await act(asNyEditor, id, 'publish', { checklist: CHECKLIST })).status).toBe(200)
    expect(await publicTitle()).toBe('Statute as amended')
    const events = await app.payload.find({ collection: 'review-events', where: { resource: { equals: id } }, sort: 'at', depth: 0, overrideAccess: true })
    expect(events.docs.map((e) => (e as unknown as { action: string }).action)).toEqual(['submit', 'publish', 'submit', 'publish'])
  })

  it('loses the right once their jurisdictions no longer cover the item', async () => {
    const leader = await createAccount(app, 'contributor', { jurisdictions: [places['US-NY']] })
    const asLeader = await signIn(app, leader)
    const id = (await create(asLeader, 'Kings rule, published', [places['US-NY-KINGS']])).body.doc.id as Id
    expect((await act(asLeader, id, 'submit')).status).toBe(200)
    expect((await act(asNational, id, 'publish', { checklist: CHECKLIST })).status).toBe(200)
    expect((await asNational.patch(`/api/contributors/${leader.id}`).send({ jurisdictions: [places['US-CA']] })).status).toBe(200)
    const edit = await asLeader.patch(`/api/resources/${id}`).send({ title: 'Not mine to change now' })
    expect(edit.status).toBe(403)
    expect(message(edit)).toContain('Kings County (US-NY-KINGS)')
    expect((await draftOf(id)).title).toBe('Kings rule, published')
  })
})

describe('assignment', () => {
  it('an editor assigning a submission to another editor tells them, once', async () => {
    const id = (await create(asNyLeader, 'To be assigned', [places['US-NY']])).body.doc.id as Id
    expect((await act(asNyLeader, id, 'submit')).status).toBe(200)
    await settle(app)
    app.mail.clear()
    expect((await asNational.patch(`/api/resources/${id}`).send({ assignee: nyEditor.id })).status).toBe(200)
    const mail = await waitForMail(app, (m) => m.to === nyEditor.email && m.subject.startsWith('Assigned to you'))
    expect(mail.subject).toBe('Assigned to you: To be assigned')
    // Saving again with the same assignee tells nobody again.
    expect((await asNational.patch(`/api/resources/${id}`).send({ assignee: nyEditor.id, summary: 'x' })).status).toBe(200)
    await settle(app)
    expect(app.mail.messages.filter((m) => m.subject.startsWith('Assigned to you'))).toHaveLength(1)
  })
})
