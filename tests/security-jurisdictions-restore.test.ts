/**
 * Restoring a version is an edit that can move a resource into or out of a region (issue 15):
 * a contributor, and a regional editor, may restore only when both the resource as it is and
 * the version brought back lie within their jurisdictions / region; anything else is a 403 naming
 * the jurisdiction, with nothing changed. REST (the panel's Restore button) and GraphQL alike.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createJurisdictions } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

type Agent = Awaited<ReturnType<typeof signIn>>
type Id = string | number
let app: TestApp
let places: Awaited<ReturnType<typeof createJurisdictions>>
let asLeader: Agent
let asNational: Agent
let asNyEditor: Agent

beforeAll(async () => {
  app = await startTestApp({ WORKFLOW_NOTIFY_QUIET_MINUTES: '0' })
  places = await createJurisdictions(app)
  asLeader = await signIn(app, await createAccount(app, 'contributor', { jurisdictions: [places['US-NY']] }))
  asNational = await signIn(app, await createAccount(app, 'editor'))
  asNyEditor = await signIn(app, await createAccount(app, 'editor', { jurisdictions: [places['US-NY']] }))
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

const message = (res: { body: { errors?: { message: string }[] } }) => res.body.errors?.[0]?.message ?? ''
const draftOf = async (id: Id) =>
  (await app.payload.findByID({ collection: 'resources', id, draft: true, depth: 0, overrideAccess: true })) as unknown as { title: string; jurisdictions: Id[] }
const versionTitled = async (id: Id, title: string) => {
  const { docs } = await app.payload.findVersions({ collection: 'resources', where: { parent: { equals: id } }, sort: '-createdAt', limit: 50, depth: 0, overrideAccess: true })
  return docs.find((v) => (v.version as { title?: string }).title === title)!.id
}
const restoreRest = (agent: Agent, versionId: Id) => agent.post(`/api/resources/versions/${versionId}`)
const restoreGraphql = (agent: Agent, versionId: Id) => agent.post('/api/graphql').send({ query: `mutation { restoreVersionResource(id: ${JSON.stringify(versionId)}) { id } }` })
const refusal = (res: { status: number; body: { errors?: { message: string }[] } }) => (res.status === 200 && !res.body.errors ? '' : JSON.stringify(res.body.errors ?? message(res)))

/** A resource whose versions are, in order: `<title> in <first>`, then `<title> in <second>` (current). */
async function movedBetween(by: Agent, title: string, first: Id, second: Id): Promise<Id> {
  const created = await by.post('/api/resources').send({ title: `${title} in first`, category: 'policy', jurisdictions: [first] })
  expect(created.status).toBe(201)
  const id = created.body.doc.id as Id
  // An editor moves it (a leader could not), leaving a version in each place.
  expect((await asNational.patch(`/api/resources/${id}`).send({ title: `${title} in second`, jurisdictions: [second] })).status).toBe(200)
  return id
}

describe.each([
  ['REST', restoreRest],
  ['GraphQL', restoreGraphql],
])('restore through %s', (path, restore) => {
  it('a leader cannot bring back a version outside their jurisdictions (403 naming it, nothing changed)', async () => {
    const id = await movedBetween(asLeader, `Leader out ${path}`, places['US-NY'], places['US-NY-KINGS'])
    // The version before: moved to California by an editor, then back into New York.
    expect((await asNational.patch(`/api/resources/${id}`).send({ title: `Leader out ${path} in CA`, jurisdictions: [places['US-CA']] })).status).toBe(200)
    expect((await asNational.patch(`/api/resources/${id}`).send({ title: `Leader out ${path} back`, jurisdictions: [places['US-NY']] })).status).toBe(200)
    const res = await restore(asLeader, await versionTitled(id, `Leader out ${path} in CA`))
    expect(refusal(res)).toContain('California (US-CA)')
    if (path === 'REST') expect(res.status).toBe(403)
    expect(await draftOf(id)).toMatchObject({ title: `Leader out ${path} back`, jurisdictions: [places['US-NY']] })
    // Inside their jurisdictions (a county within them too) the restore works.
    const ok = await restore(asLeader, await versionTitled(id, `Leader out ${path} in second`))
    expect(refusal(ok)).toBe('')
    expect(await draftOf(id)).toMatchObject({ title: `Leader out ${path} in second`, jurisdictions: [places['US-NY-KINGS']] })
  })

  it('a leader cannot restore any version of their resource once it lies outside their jurisdictions', async () => {
    const id = await movedBetween(asLeader, `Leader moved ${path}`, places['US-NY'], places['US-CA'])
    const res = await restore(asLeader, await versionTitled(id, `Leader moved ${path} in first`))
    expect(refusal(res)).toContain('California (US-CA)')
    expect((await draftOf(id)).title).toBe(`Leader moved ${path} in second`)
  })

  it('a regional editor restores inside their region only: neither the resource nor the version may lie outside it', async () => {
    // Now in California, a version in New York: the resource as it is lies outside.
    const intoCa = await movedBetween(asNational, `Into CA ${path}`, places['US-NY'], places['US-CA'])
    const res1 = await restore(asNyEditor, await versionTitled(intoCa, `Into CA ${path} in first`))
    expect(refusal(res1)).toContain('California (US-CA)')
    if (path === 'REST') expect(res1.status).toBe(403)
    expect((await draftOf(intoCa)).title).toBe(`Into CA ${path} in second`)
    // Now in New York, a version in California: the version brought back lies outside.
    const intoNy = await movedBetween(asNational, `Into NY ${path}`, places['US-CA'], places['US-NY'])
    const res2 = await restore(asNyEditor, await versionTitled(intoNy, `Into NY ${path} in first`))
    expect(refusal(res2)).toContain('California (US-CA)')
    expect((await draftOf(intoNy)).title).toBe(`Into NY ${path} in second`)
    // Both inside: a county version of a state item.
    const inside = await movedBetween(asNational, `Inside ${path}`, places['US-NY-KINGS'], places['US-NY'])
    expect(refusal(await restore(asNyEditor, await versionTitled(inside, `Inside ${path} in first`)))).toBe('')
    expect((await draftOf(inside)).title).toBe(`Inside ${path} in first`)
    // A national editor restores anywhere.
    expect(refusal(await restore(asNational, await versionTitled(intoNy, `Into NY ${path} in first`)))).toBe('')
    expect((await draftOf(intoNy)).title).toBe(`Into NY ${path} in first`)
  })
})
