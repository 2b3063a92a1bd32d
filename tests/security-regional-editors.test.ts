/**
 * A regional editor (an editor with jurisdictions) changes only resources of their region, as they
 * review only those (docs/WORKFLOW.md "Jurisdictions"): an update, delete, duplicate or restore of
 * one outside it, or an update moving one out, is a 403 naming the jurisdiction with nothing
 * changed, on every path: REST by id, bulk with `where` (refused whole), the method override,
 * GraphQL. Before, only the review actions (and restores) were limited: a New York editor could
 * edit, duplicate or delete a California item, or move it into New York and then unpublish it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

type Agent = Awaited<ReturnType<typeof signIn>>
type Id = string | number

let app: TestApp
let places: Awaited<ReturnType<typeof createJurisdictions>>
let asNyEditor: Agent
let asNational: Agent
let asAdmin: Agent

beforeAll(async () => {
  app = await startTestApp()
  places = await createJurisdictions(app)
  asNyEditor = await signIn(app, await createAccount(app, 'editor', { jurisdictions: [places['US-NY']] }))
  asNational = await signIn(app, await createAccount(app, 'editor'))
  asAdmin = await signIn(app, await createAccount(app, 'admin'))
}, 120_000)
afterAll(async () => app?.stop())

const message = (res: { body: { errors?: { message: string }[] } }) => res.body.errors?.[0]?.message ?? ''
const gql = (agent: Agent, query: string) => agent.post('/api/graphql').send({ query })
const draft = async (id: Id) =>
  (await app.payload.findByID({ collection: 'resources', id, draft: true, depth: 0, overrideAccess: true, disableErrors: true })) as unknown as {
    title: string
    jurisdictions: Id[]
    reviewStatus: string
  } | null
const resourceCount = async () => (await app.payload.count({ collection: 'resources', overrideAccess: true })).totalDocs
const makeDraft = async (title: string, jurisdictions: Id[]) => {
  const res = await asNational.post('/api/resources').send({ title, category: 'policy', jurisdictions })
  expect(res.status).toBe(201)
  return res.body.doc.id as Id
}

describe.each([
  ['a California draft', async (title: string) => makeDraft(title, [places['US-CA']])],
  ['a published California item', async (title: string) => createPublished(app, { title, jurisdictions: [places['US-CA']] })],
  ['an item naming New York and California', async (title: string) => makeDraft(title, [places['US-NY-KINGS'], places['US-CA']])],
  ['an item naming no jurisdiction', async (title: string) => makeDraft(title, [])],
])('a New York editor and %s', (_, make) => {
  // The 403 names the jurisdiction outside the region (or says the item names none).
  const named = (res: { body: { errors?: { message: string }[] } }) => expect(message(res)).toMatch(/California \(US-CA\)|names no jurisdiction/)

  it('cannot edit, move, duplicate or delete it: REST, method override, GraphQL (403 naming it, nothing changed)', async () => {
    const title = `Outside ${Math.random()}`
    const id = await make(title)
    const before = await draft(id)
    const count = await resourceCount()

    const patch = await asNyEditor.patch(`/api/resources/${id}`).send({ title: 'Edited from New York' })
    expect(patch.status).toBe(403)
    named(patch)
    const moveIn = await asNyEditor.patch(`/api/resources/${id}`).send({ jurisdictions: [places['US-NY']] })
    expect(moveIn.status).toBe(403)
    const override = await asNyEditor.post(`/api/resources/${id}`).set('X-Payload-HTTP-Method-Override', 'PATCH').send({ title: 'Overridden' })
    expect(override.status).not.toBe(200)
    const overrideDelete = await asNyEditor.post(`/api/resources/${id}`).set('X-Payload-HTTP-Method-Override', 'DELETE').send({})
    expect(overrideDelete.status).not.toBe(200)
    const gqlUpdate = await gql(asNyEditor, `mutation { updateResource(id: ${JSON.stringify(id)}, data: { title: "GraphQL edit" }) { id } }`)
    expect(JSON.stringify(gqlUpdate.body.errors)).toMatch(/California \(US-CA\)|names no jurisdiction/)
    const gqlDelete = await gql(asNyEditor, `mutation { deleteResource(id: ${JSON.stringify(id)}) { id } }`)
    expect(JSON.stringify(gqlDelete.body.errors)).toMatch(/California \(US-CA\)|names no jurisdiction/)
    const gqlDuplicate = await gql(asNyEditor, `mutation { duplicateResource(id: ${JSON.stringify(id)}, data: {}) { id } }`)
    expect(gqlDuplicate.body.data?.duplicateResource ?? null).toBeNull()
    const duplicate = await asNyEditor.post(`/api/resources/${id}/duplicate`).send({})
    expect(duplicate.status).toBe(403)
    named(duplicate)
    const del = await asNyEditor.delete(`/api/resources/${id}`)
    expect(del.status).toBe(403)
    named(del)

    expect(await draft(id)).toEqual(before)
    expect(await resourceCount()).toBe(count)
    // The panel shows it read-only (Payload's document access).
    const access = await asNyEditor.post(`/api/resources/access/${id}`).send({})
    expect(access.status).toBe(200)
    expect([access.body.read, Boolean(access.body.update), Boolean(access.body.delete)]).toEqual([true, false, false])
  })

  it('bulk PATCH and DELETE with a where that matches it and a New York item are refused whole', async () => {
    const id = await make(`Bulk outside ${Math.random()}`)
    const inside = await makeDraft(`Bulk inside ${Math.random()}`, [places['US-NY']])
    const where = { id: { in: [inside, id] } }
    const [beforeOut, beforeIn] = [await draft(id), await draft(inside)]

    const patch = await asNyEditor.patch('/api/resources').query({ where }).send({ title: 'Bulk edited' })
    expect(patch.status).toBe(403)
    expect(message(patch)).toMatch(/California \(US-CA\)|names no jurisdiction/)
    const del = await asNyEditor.delete('/api/resources').query({ where })
    expect(del.status).toBe(403)
    const byTitle = await asNyEditor.patch('/api/resources').query({ where: { title: { like: 'Bulk outside' } } }).send({ summary: 'Bulk edited' })
    expect(byTitle.status).toBe(403)

    expect([await draft(id), await draft(inside)]).toEqual([beforeOut, beforeIn])
  })

  it('cannot restore one of its versions (REST and GraphQL), even one that lay in New York', async () => {
    const id = await make(`Restore outside ${Math.random()}`)
    // A national editor leaves versions behind: one in New York, then back where it was.
    const before = (await draft(id))!
    expect((await asNational.patch(`/api/resources/${id}`).send({ title: 'Once in New York', jurisdictions: [places['US-NY']] })).status).toBe(200)
    expect((await asNational.patch(`/api/resources/${id}`).send({ title: before.title, jurisdictions: before.jurisdictions })).status).toBe(200)
    const { docs } = await app.payload.findVersions({ collection: 'resources', where: { parent: { equals: id } }, sort: '-createdAt', limit: 50, depth: 0, overrideAccess: true })
    const inNewYork = docs.find((v) => (v.version as { title?: string }).title === 'Once in New York')!.id
    const rest = await asNyEditor.post(`/api/resources/versions/${inNewYork}`)
    expect(rest.status).toBe(403)
    named(rest)
    const graphql = await gql(asNyEditor, `mutation { restoreVersionResource(id: ${JSON.stringify(inNewYork)}) { id } }`)
    expect(JSON.stringify(graphql.body.errors)).toMatch(/California \(US-CA\)|names no jurisdiction/)
    expect((await draft(id))!.title).toBe(before.title)
  })

  it('national editors and admins still change it', async () => {
    const id = await make(`National ${Math.random()}`)
    const access = await asNational.post(`/api/resources/access/${id}`).send({})
    expect([Boolean(access.body.update), Boolean(access.body.delete)]).toEqual([true, true])
    expect((await asNational.patch(`/api/resources/${id}`).send({ title: 'Edited nationally' })).status).toBe(200)
    expect((await asAdmin.post(`/api/resources/${id}/duplicate`).send({})).status).toBe(200)
    expect((await asAdmin.delete(`/api/resources/${id}`)).status).toBe(200)
  })
})

describe('a New York editor inside their region', () => {
  it('edits, duplicates, bulk-edits and deletes New York and Kings County items', async () => {
    const ny = await makeDraft('New York memo', [places['US-NY']])
    const kings = await makeDraft('Kings memo', [places['US-NY-KINGS']])
    expect((await asNyEditor.patch(`/api/resources/${ny}`).send({ title: 'New York memo, edited', jurisdictions: [places['US-NY-KINGS']] })).status).toBe(200)
    const copy = await asNyEditor.post(`/api/resources/${kings}/duplicate`).send({})
    expect(copy.status).toBe(200)
    const bulk = await asNyEditor.patch('/api/resources').query({ where: { id: { in: [ny, kings] } } }).send({ summary: 'Reviewed in New York' })
    expect(bulk.status).toBe(200)
    expect(bulk.body.docs).toHaveLength(2)
    expect((await asNyEditor.delete(`/api/resources/${copy.body.doc.id}`)).status).toBe(200)
    expect((await asNyEditor.delete('/api/resources').query({ where: { id: { equals: kings } } })).status).toBe(200)
    expect(await draft(kings)).toBeNull()
  })

  it('cannot move one of theirs out of the region (REST and GraphQL), nor empty its jurisdictions', async () => {
    const ny = await makeDraft('Stays in New York', [places['US-NY']])
    const out = await asNyEditor.patch(`/api/resources/${ny}`).send({ jurisdictions: [places['US-CA']] })
    expect(out.status).toBe(403)
    expect(message(out)).toContain('California (US-CA)')
    const none = await asNyEditor.patch(`/api/resources/${ny}`).send({ jurisdictions: [] })
    expect(none.status).toBe(403)
    const graphql = await gql(asNyEditor, `mutation { updateResource(id: ${JSON.stringify(ny)}, data: { jurisdictions: [${JSON.stringify(places['US-CA'])}] }) { id } }`)
    expect(JSON.stringify(graphql.body.errors)).toContain('California (US-CA)')
    const bulk = await asNyEditor.patch('/api/resources').query({ where: { id: { equals: ny } } }).send({ jurisdictions: [places['US-CA']] })
    expect(bulk.status).toBe(403)
    expect((await draft(ny))!.jurisdictions.map(String)).toEqual([String(places['US-NY'])])
  })

  it('cannot pull a published California item into New York to unpublish it', async () => {
    const ca = await createPublished(app, { title: 'California statute', jurisdictions: [places['US-CA']] })
    expect((await asNyEditor.patch(`/api/resources/${ca}`).send({ jurisdictions: [places['US-NY']] })).status).toBe(403)
    expect((await asNyEditor.post(`/api/resources/${ca}/workflow`).send({ action: 'unpublish' })).status).toBe(403)
    expect((await draft(ca))!.reviewStatus).toBe('published')
  })
})
