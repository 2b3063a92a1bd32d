/**
 * Every way a person reads webinar registrations leaves one entry in `registration-audit`
 * (who, which webinar, how many rows): REST list, read, count (also through the method
 * override), GraphQL list, single and count, the CSV export, deletes (whose answer carries the
 * rows), and the Local API calls the admin panel makes for a signed-in person (list, distinct
 * values). Server code reading with overrideAccess (seat counts, jobs) is not a person looking.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar } from './helpers/webinars'

type Agent = Awaited<ReturnType<typeof signIn>>
type Id = string | number
type Entry = { action: string; user?: Id | null; webinar?: Id | null; rows: number }

let app: TestApp
let editor: Agent
let editorId: Id
let contributor: Agent
let webinar: Id
const EMAIL = 'counted.person@example.org'

beforeAll(async () => {
  app = await startTestApp()
  webinar = (await createWebinar(app, { capacity: 10 })).id
  for (const [name, email] of [['Counted Person', EMAIL], ['Other Person', 'other.person@example.org']]) {
    await app.payload.create({ collection: 'webinar-registrations', data: { webinar, name, email, consent: true, interest: 'learn' } as never, overrideAccess: true })
  }
  const account = await createAccount(app, 'editor')
  editorId = account.id
  editor = await signIn(app, account)
  contributor = await signIn(app, await createAccount(app, 'contributor'))
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

const entries = async () =>
  (await app.payload.find({ collection: 'registration-audit', sort: 'createdAt', pagination: false, overrideAccess: true, depth: 0 })).docs as unknown as Entry[]

/** Runs one read and returns the audit entries it added. */
async function audited(read: () => Promise<unknown>): Promise<Array<[string, Id | null | undefined, Id | null | undefined, number]>> {
  const before = (await entries()).length
  await read()
  return (await entries()).slice(before).map((e) => [e.action, e.user, e.webinar ?? null, e.rows])
}

const byEmail = `where[email][equals]=${encodeURIComponent(EMAIL)}`
const gql = (query: string) => editor.post('/api/graphql').send({ query })

describe('counting registrations is a read', () => {
  it('REST count, with or without a webinar filter', async () => {
    expect(await audited(async () => expect((await editor.get(`/api/webinar-registrations/count?${byEmail}`)).body.totalDocs).toBe(1))).toEqual([['count', editorId, null, 1]])
    expect(await audited(async () => expect((await editor.get(`/api/webinar-registrations/count?where[webinar][equals]=${webinar}`)).body.totalDocs).toBe(2))).toEqual([
      ['count', editorId, webinar, 2],
    ])
  })

  it('REST count through the method override', async () => {
    const read = () => editor.post('/api/webinar-registrations/count').set('X-Payload-HTTP-Method-Override', 'GET').type('form').send(byEmail)
    expect(await audited(async () => expect((await read()).status).toBe(200))).toEqual([['count', editorId, null, 1]])
  })

  it('GraphQL count', async () => {
    const query = `{ countWebinarRegistrations(where: { email: { equals: "${EMAIL}" } }) { totalDocs } }`
    expect(await audited(async () => expect((await gql(query)).body.data.countWebinarRegistrations.totalDocs).toBe(1))).toEqual([['count', editorId, null, 1]])
  })
})

describe('every other read path is audited once', () => {
  it('REST list and read by id', async () => {
    const list = await audited(() => editor.get(`/api/webinar-registrations?${byEmail}`))
    expect(list).toEqual([['list', editorId, null, 1]])
    const id = (await app.payload.find({ collection: 'webinar-registrations', where: { email: { equals: EMAIL } }, overrideAccess: true })).docs[0]!.id
    expect(await audited(() => editor.get(`/api/webinar-registrations/${id}`))).toEqual([['read', editorId, webinar, 1]])
  })

  it('GraphQL list and single', async () => {
    expect(await audited(() => gql(`{ WebinarRegistrations(where: { webinar: { equals: ${JSON.stringify(webinar)} } }) { docs { email } } }`))).toEqual([
      ['list', editorId, webinar, 2],
    ])
    const id = (await app.payload.find({ collection: 'webinar-registrations', where: { email: { equals: EMAIL } }, overrideAccess: true })).docs[0]!.id
    expect(await audited(() => gql(`{ WebinarRegistration(id: ${JSON.stringify(id)}) { email } }`))).toEqual([['read', editorId, webinar, 1]])
  })

  it('the CSV export', async () => {
    expect(await audited(() => editor.get(`/api/webinar-registrations/export?webinar=${webinar}`))).toEqual([['export', editorId, webinar, 2]])
  })

  it('the admin panel\'s reads for a signed-in person (Local API with access control): list, count, distinct values', async () => {
    const user = { ...(await app.payload.findByID({ collection: 'contributors', id: editorId, overrideAccess: true })), collection: 'contributors' }
    const asPerson = { collection: 'webinar-registrations' as const, user: user as never, overrideAccess: false }
    expect(await audited(() => app.payload.find({ ...asPerson, where: { webinar: { equals: webinar } } }))).toEqual([['list', editorId, webinar, 2]])
    expect(await audited(() => app.payload.count({ ...asPerson }))).toEqual([['count', editorId, null, 2]])
    expect(await audited(() => app.payload.findDistinct({ ...asPerson, field: 'email' } as never))).toEqual([['list', editorId, null, 2]])
  })

  it('there are no versions to read', async () => {
    expect(await audited(async () => expect((await editor.get('/api/webinar-registrations/versions')).status).not.toBe(200))).toEqual([])
  })

  it('a delete answers with the rows it deleted: audited too (by id, bulk, GraphQL)', async () => {
    const make = async (email: string) =>
      (await app.payload.create({ collection: 'webinar-registrations', data: { webinar, name: 'Leaving Person', email, consent: true, interest: 'learn' } as never, overrideAccess: true })).id
    const one = await make('leaving.one@example.org')
    expect(await audited(() => editor.delete(`/api/webinar-registrations/${one}`))).toEqual([['delete', editorId, webinar, 1]])
    await make('leaving.two@example.org')
    expect(await audited(() => editor.delete(`/api/webinar-registrations?where[email][equals]=leaving.two%40example.org`))).toEqual([['delete', editorId, null, 1]])
    const three = await make('leaving.three@example.org')
    expect(await audited(() => gql(`mutation { deleteWebinarRegistration(id: ${JSON.stringify(three)}) { email } }`))).toEqual([['delete', editorId, webinar, 1]])
  })
})

describe('what is not a person reading registrations', () => {
  it('a refused read, and server code counting seats while an editor reads a webinar', async () => {
    expect(await audited(() => contributor.get(`/api/webinar-registrations/count?${byEmail}`))).toEqual([])
    expect(await audited(() => editor.get(`/api/webinars/${webinar}`))).toEqual([])
    expect(await audited(() => editor.get('/api/webinars'))).toEqual([])
  })
})
