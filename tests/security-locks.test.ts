/**
 * Edit locks (`payload-locked-documents`) are taken only on documents the caller may edit and
 * only in the caller's own name: through REST, GraphQL, duplicate and the update of an existing
 * lock, whoever calls (editors too). A refused lock leaves nothing stored, and the editor can
 * still save the document it named.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'
import request from 'supertest'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar } from './helpers/webinars'

type Agent = Awaited<ReturnType<typeof signIn>>
type Id = string | number
const LOCKS = 'payload-locked-documents'

let app: TestApp
let editor: Agent
let editorId: Id
let leader: Agent
let leaderId: Id
let otherLeaderId: Id
let webinar: Id
let ownResource: Id
let othersResource: Id

beforeAll(async () => {
  app = await startTestApp()
  const e = await createAccount(app, 'editor')
  editorId = e.id
  editor = await signIn(app, e)
  const l = await createAccount(app, 'contributor')
  leaderId = l.id
  leader = await signIn(app, l)
  const o = await createAccount(app, 'contributor')
  otherLeaderId = o.id
  webinar = (await createWebinar(app)).id
  ownResource = (await leader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'My draft', category: 'media' })).body.doc.id
  othersResource = (await (await signIn(app, o)).post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Their draft', category: 'media' })).body.doc.id
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

const lockCount = async () => (await app.payload.count({ collection: LOCKS, overrideAccess: true })).totalDocs
const clearLocks = () => app.payload.delete({ collection: LOCKS, where: { id: { exists: true } }, overrideAccess: true })
const doc = (relationTo: string, value: Id) => ({ relationTo, value })
const as = (value: Id) => ({ relationTo: 'contributors', value })
const gqlValue = (v: Id) => JSON.stringify(String(v))

/** The editor saves the webinar: never 423 because of a lock someone else forged. */
async function editorCanSaveWebinar() {
  const res = await editor.patch(`/api/webinars/${webinar}`).send({ title: `Saved ${Date.now()}` })
  expect(res.status).toBe(200)
}

describe('creating a lock', () => {
  it.each([
    ['a webinar, in the editor\'s name', { document: doc('webinars', 'WEBINAR'), user: as('EDITOR') }],
    ['a webinar, in their own name', { document: doc('webinars', 'WEBINAR'), user: as('LEADER') }],
    ['a webinar, naming nobody', { document: doc('webinars', 'WEBINAR') }],
    ['their own draft, in the editor\'s name', { document: doc('resources', 'OWN'), user: as('EDITOR') }],
    ['someone else\'s draft', { document: doc('resources', 'OTHERS'), user: as('LEADER') }],
    ['a global', { globalSlug: 'payload-jobs-stats', user: as('LEADER') }],
    ['another account', { document: doc('contributors', 'EDITOR'), user: as('LEADER') }],
  ])('a contributor cannot lock %s (REST and GraphQL)', async (_, template) => {
    const body = JSON.parse(
      JSON.stringify(template)
        .replace(/"WEBINAR"/g, JSON.stringify(webinar))
        .replace(/"EDITOR"/g, JSON.stringify(editorId))
        .replace(/"LEADER"/g, JSON.stringify(leaderId))
        .replace(/"OWN"/g, JSON.stringify(ownResource))
        .replace(/"OTHERS"/g, JSON.stringify(othersResource)),
    ) as { document?: { relationTo: string; value: Id }; user?: { value: Id }; globalSlug?: string }
    const res = await leader.post(`/api/${LOCKS}`).send(body)
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/lock/i)

    const fields = [
      body.document ? `document: { relationTo: ${body.document.relationTo}, value: ${gqlValue(body.document.value)} }` : '',
      body.globalSlug ? `globalSlug: "${body.globalSlug}"` : '',
      `user: { relationTo: contributors, value: ${gqlValue(body.user?.value ?? leaderId)} }`,
    ].join(' ')
    const gql = await leader.post('/api/graphql').send({ query: `mutation { createPayloadLockedDocument(data: { ${fields} }) { id } }` })
    expect(gql.body.errors?.[0]?.extensions?.statusCode ?? gql.body.errors?.[0]?.message).toBe(403)
    expect(await lockCount()).toBe(0)
    await editorCanSaveWebinar()
  })

  it('a contributor locks their own draft in their own name; the user defaults to the caller', async () => {
    const named = await leader.post(`/api/${LOCKS}`).send({ document: doc('resources', ownResource), user: as(leaderId) })
    expect(named.status).toBe(201)
    await clearLocks()
    const unnamed = await leader.post(`/api/${LOCKS}?depth=0`).send({ document: doc('resources', ownResource) })
    expect(unnamed.status).toBe(201)
    expect(unnamed.body.doc.user).toEqual(as(leaderId))
    await clearLocks()
  })

  it('an editor locks what editors edit, in their own name only', async () => {
    expect((await editor.post(`/api/${LOCKS}`).send({ document: doc('resources', ownResource), user: as(leaderId) })).status).toBe(403)
    expect((await editor.post(`/api/${LOCKS}`).send({ document: doc('webinars', webinar), user: as(otherLeaderId) })).status).toBe(403)
    expect(await lockCount()).toBe(0)
    expect((await editor.post(`/api/${LOCKS}`).send({ document: doc('webinars', webinar), user: as(editorId) })).status).toBe(201)
    await clearLocks()
  })

  it('a lock names exactly one document or global, and its time is the server\'s', async () => {
    const neither = await leader.post(`/api/${LOCKS}`).send({ user: as(leaderId) })
    expect(neither.status).toBe(400)
    const both = await editor.post(`/api/${LOCKS}`).send({ document: doc('webinars', webinar), globalSlug: 'payload-jobs-stats', user: as(editorId) })
    expect(both.status).toBe(400)
    const forever = await leader.post(`/api/${LOCKS}`).send({ document: doc('resources', ownResource), updatedAt: '2099-01-01T00:00:00.000Z' })
    expect(forever.status).toBe(400)
    expect(forever.body.errors[0].message).toMatch(/updatedAt/)
    const unknown = await leader.post(`/api/${LOCKS}`).send({ document: doc('resources', 987654) })
    expect([403, 404, 400]).toContain(unknown.status)
    expect(await lockCount()).toBe(0)
  })
})

describe('changing a lock', () => {
  let lockId: Id
  beforeAll(async () => {
    lockId = (await leader.post(`/api/${LOCKS}`).send({ document: doc('resources', ownResource), user: as(leaderId) })).body.doc.id
  })
  const stored = () => app.payload.findByID({ collection: LOCKS, id: lockId, depth: 0, overrideAccess: true })

  it('cannot point it at another document, or hand it to another user (REST, GraphQL, bulk)', async () => {
    const before = await stored()
    for (const data of [
      { document: doc('webinars', webinar) },
      { document: doc('resources', othersResource) },
      { user: as(editorId) },
      { user: as(otherLeaderId) },
      { updatedAt: '2099-01-01T00:00:00.000Z' },
    ]) {
      const res = await leader.patch(`/api/${LOCKS}/${lockId}`).send(data)
      expect([400, 403]).toContain(res.status)
    }
    const bulk = await leader.patch(`/api/${LOCKS}?where[id][equals]=${lockId}`).send({ document: doc('webinars', webinar) })
    expect(bulk.status).toBe(403)
    const gql = await leader.post('/api/graphql').send({
      query: `mutation { updatePayloadLockedDocument(id: ${JSON.stringify(lockId)}, data: { document: { relationTo: webinars, value: ${gqlValue(webinar)} } }) { id } }`,
    })
    expect(gql.body.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect(await stored()).toEqual(before)
    await editorCanSaveWebinar()
  })

  it('an editor may take a lock over in their own name, never give it to someone else or duplicate it', async () => {
    expect((await editor.patch(`/api/${LOCKS}/${lockId}`).send({ user: as(otherLeaderId) })).status).toBe(403)
    expect((await editor.post(`/api/${LOCKS}/${lockId}/duplicate`).send({})).status).toBe(403)
    expect(await lockCount()).toBe(1)
    const takeOver = await editor.patch(`/api/${LOCKS}/${lockId}?depth=0`).send({ user: as(editorId) })
    expect(takeOver.status).toBe(200)
    expect((await stored()).user).toEqual(as(editorId))
  })

  it('the method override reads, never writes', async () => {
    const res = await request(app.url).post(`/api/${LOCKS}`).set('X-Payload-HTTP-Method-Override', 'GET').send({})
    expect([200, 401, 403]).toContain(res.status)
    expect(await lockCount()).toBe(1)
  })
})

describe('malformed locks', () => {
  it.each([
    ['a document that is text', { document: 'resources' }],
    ['an operator for an id', { document: { relationTo: 'resources', value: { $gt: 0 } } }],
    ['an unknown collection', { document: { relationTo: 'no-such-collection', value: 1 } }],
    ['an unknown global', { globalSlug: 'no-such-global' }],
    ['a number for a global', { globalSlug: 123 }],
    ['a user that is text', { document: { relationTo: 'webinars', value: 1 }, user: 'me' }],
    ['a user of another collection', { document: { relationTo: 'webinars', value: 1 }, user: { relationTo: 'users', value: 1 } }],
  ])('%s: a 4xx naming the problem, nothing stored', async (_, body) => {
    await clearLocks()
    for (const agent of [leader, editor]) {
      const res = await agent.post(`/api/${LOCKS}`).send(body)
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      expect(res.body.errors[0].message).toBeTruthy()
    }
    expect(await lockCount()).toBe(0)
  })
})

/**
 * The admin panel's own locks: Payload takes them in its form-state code, through the adapter,
 * with no access and no hooks (src/security/panelLocks.ts). Called here as the panel calls it.
 */
describe("the admin panel's lock (Payload's handleFormStateLocking)", () => {
  const panelLock = async (id: Id, accountId: Id) => {
    const { handleFormStateLocking } = await import('@payloadcms/ui/utilities/handleFormStateLocking')
    const account = await app.payload.findByID({ collection: 'contributors', id: accountId, overrideAccess: true, depth: 0 })
    const req = await createLocalReq({ user: { ...account, collection: 'contributors' } as never }, app.payload)
    await handleFormStateLocking({ id, collectionSlug: 'resources', req, updateLastEdited: false })
  }
  const locksOn = async (id: Id) =>
    (await app.payload.find({ collection: LOCKS, where: { 'document.value': { equals: id } }, overrideAccess: true, depth: 0 })).docs.map(
      (lock) => (lock.user as { value: Id }).value,
    )

  it("a leader's change answered after their submit leaves no lock: the editor opens and saves the item", async () => {
    await clearLocks()
    const id = (await leader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Handed over', category: 'media' })).body.doc.id as Id
    await panelLock(id, leaderId) // the leader types in their own draft: theirs to lock
    expect(await locksOn(id)).toEqual([leaderId])
    expect((await leader.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })).status).toBe(200)
    expect(await locksOn(id)).toEqual([]) // the submit's update removes it
    await panelLock(id, leaderId) // their last keystroke's request, handled after the submit
    expect(await locksOn(id)).toEqual([])
    const save = await editor.patch(`/api/resources/${id}`).send({ summary: 'Checked by the editor.' })
    expect(save.status).toBe(200)
    await panelLock(id, editorId) // the editor's own change: they may edit it, so they lock it
    expect(await locksOn(id)).toEqual([editorId])
  })

  it("a leader's panel never locks someone else's draft", async () => {
    await clearLocks()
    await panelLock(othersResource, leaderId)
    expect(await locksOn(othersResource)).toEqual([])
  })
})
