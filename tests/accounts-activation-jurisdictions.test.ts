/**
 * Activating a campaign leader sets what they may work on (issue 15): the activation takes the
 * jurisdictions the editor chose, pre-filled with what the person asked for at sign-up, and a
 * contributor with none is not activated (400 naming the problem, nothing stored), on every path
 * that activates: PATCH, an admin creating an active account (bulk PATCH and the method override cannot activate).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createJurisdictions } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

type Agent = Awaited<ReturnType<typeof signIn>>
type Id = string | number
let app: TestApp
let places: Awaited<ReturnType<typeof createJurisdictions>>
let asEditor: Agent
let asAdmin: Agent

beforeAll(async () => {
  app = await startTestApp({ ACCOUNT_RATE_LIMIT: '0' })
  places = await createJurisdictions(app)
  asEditor = await signIn(app, await createAccount(app, 'editor'))
  asAdmin = await signIn(app, await createAccount(app, 'admin'))
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

const PASSWORD = 'velvet-orbit-lantern-92x'
const message = (res: { body: { errors?: { message: string }[] } }) => res.body.errors?.[0]?.message ?? ''
let n = 0
/** Signs up as a new person would (anonymous POST), saying which places they work in; the pending account. */
async function signUp(jurisdictions?: Id[]) {
  const email = `applicant-${++n}@example.org`
  const res = await request(app.url).post('/api/contributors').send({ name: `Applicant ${n}`, email, password: PASSWORD, ...(jurisdictions ? { jurisdictions } : {}) })
  expect(res.status).toBe(201)
  const found = await app.payload.find({ collection: 'contributors', where: { email: { equals: email } }, depth: 0, overrideAccess: true })
  return found.docs[0] as unknown as { id: Id; status: string; jurisdictions: Id[] }
}
const stored = async (id: Id) =>
  (await app.payload.findByID({ collection: 'contributors', id, depth: 0, overrideAccess: true })) as unknown as { status: string; jurisdictions: Id[] }

describe('activating a contributor', () => {
  it('keeps the jurisdictions asked for at sign-up when the editor confirms them', async () => {
    const person = await signUp([places['US-NY']])
    expect(person).toMatchObject({ status: 'pending', jurisdictions: [places['US-NY']] })
    const res = await asEditor.patch(`/api/contributors/${person.id}`).send({ status: 'active', jurisdictions: [places['US-NY']] })
    expect(res.status).toBe(200)
    expect(await stored(person.id)).toMatchObject({ status: 'active', jurisdictions: [places['US-NY']] })
  })

  it('sets the jurisdictions the editor chose, in place of those asked for', async () => {
    const person = await signUp([places['US-NY']])
    const res = await asEditor.patch(`/api/contributors/${person.id}`).send({ status: 'active', jurisdictions: [places['US-CA'], places['US-NY-KINGS']] })
    expect(res.status).toBe(200)
    expect(await stored(person.id)).toMatchObject({ status: 'active', jurisdictions: [places['US-CA'], places['US-NY-KINGS']] })
    // And the leader works there at once.
    const leader = await signIn(app, { email: `applicant-${n}@example.org`, password: PASSWORD })
    expect((await leader.post('/api/resources').send({ title: 'CA memo', category: 'policy', jurisdictions: [places['US-CA']] })).status).toBe(201)
    expect((await leader.post('/api/resources').send({ title: 'NY memo', category: 'policy', jurisdictions: [places['US-NY']] })).status).toBe(403)
  })

  it('activates with what was asked for when the editor sends the status alone', async () => {
    const person = await signUp([places['US-NY']])
    expect((await asEditor.patch(`/api/contributors/${person.id}`).send({ status: 'active' })).status).toBe(200)
    expect(await stored(person.id)).toMatchObject({ status: 'active', jurisdictions: [places['US-NY']] })
  })

  it.each([
    ['the status alone', {}],
    ['an empty list', { jurisdictions: [] }],
    ['null', { jurisdictions: null }],
  ])('refuses a contributor with no jurisdictions (%s): 400 naming the problem, still pending', async (_label, extra) => {
    const person = await signUp()
    const res = await asEditor.patch(`/api/contributors/${person.id}`).send({ status: 'active', ...extra })
    expect(res.status).toBe(400)
    expect(message(res)).toMatch(/at least one jurisdiction to be activated/)
    expect(await stored(person.id)).toMatchObject({ status: 'pending', jurisdictions: [] })
  })

  it('refuses the same through the method override and a bulk PATCH', async () => {
    const person = await signUp()
    const override = await asEditor.post(`/api/contributors/${person.id}`).set('X-Payload-HTTP-Method-Override', 'PATCH').send({ status: 'active' })
    // The override turns a POST into a read only (src/http): this is no activation either.
    expect(override.status).not.toBe(200)
    const bulk = await asEditor.patch(`/api/contributors?where[id][equals]=${person.id}`).send({ status: 'active' })
    // Status changes in bulk are refused outright (hooks/guardAccountChanges): one account at a time.
    expect(bulk.status).toBe(403)
    expect((await stored(person.id)).status).toBe('pending')
  })

  it('refuses an admin creating an active contributor with none; an editor account needs none (national)', async () => {
    const none = await asAdmin.post('/api/contributors').send({ name: 'No Place', email: 'no-place@example.org', password: PASSWORD, role: 'contributor', status: 'active' })
    expect(none.status).toBe(400)
    expect(message(none)).toMatch(/at least one jurisdiction/)
    expect((await app.payload.count({ collection: 'contributors', where: { email: { equals: 'no-place@example.org' } }, overrideAccess: true })).totalDocs).toBe(0)
    const some = await asAdmin.post('/api/contributors').send({ name: 'Some Place', email: 'some-place@example.org', password: PASSWORD, role: 'contributor', status: 'active', jurisdictions: [places['US-NY']] })
    expect(some.status).toBe(201)
    const editor = await asAdmin.post('/api/contributors').send({ name: 'National Editor', email: 'national@example.org', password: PASSWORD, role: 'editor', status: 'active' })
    expect(editor.status).toBe(201)
  })

  it('the activation screen reads what it offers: every place, and what the person asked for (as an editor)', async () => {
    const person = await signUp([places['US-NY-KINGS']])
    // The URLs src/admin/ActivateButton.tsx fetches.
    const list = await asEditor.get('/api/jurisdictions?limit=100&page=1&depth=0&sort=name&select[name]=true&select[code]=true')
    expect(list.status).toBe(200)
    expect(list.body.docs.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['US-NY', 'US-NY-KINGS', 'US-CA']))
    const account = await asEditor.get(`/api/contributors/${person.id}?depth=1&select[jurisdictions]=true`)
    expect(account.status).toBe(200)
    expect(account.body.jurisdictions).toEqual([expect.objectContaining({ id: places['US-NY-KINGS'], code: 'US-NY-KINGS', name: 'Kings County' })])
  })
})
