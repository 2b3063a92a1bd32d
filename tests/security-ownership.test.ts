/**
 * Reassigning a resource hands it over whole: after an editor sets `owner` to another leader,
 * every ownership check (read, ?draft=true, edit, delete, the workflow, the review history,
 * versions, the files attached to it) follows the new owner, through REST, GraphQL and the
 * method override, in every review state; the former owner keeps only what the public sees.
 * And a contributor never deletes a resource that is or was published, whoever owns it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { pdfBytes } from './helpers/content'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST } from './helpers/workflow'

type Agent = Awaited<ReturnType<typeof signIn>>
type Id = string | number

let app: TestApp
let editor: Agent
let former: Agent
let formerId: Id
let next: Agent
let nextId: Id
let bystander: Agent

beforeAll(async () => {
  app = await startTestApp()
  editor = await signIn(app, await createAccount(app, 'editor'))
  const a = await createAccount(app, 'contributor')
  formerId = a.id
  former = await signIn(app, a)
  const b = await createAccount(app, 'contributor')
  nextId = b.id
  next = await signIn(app, b)
  bystander = await signIn(app, await createAccount(app, 'contributor'))
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

const gql = (agent: Agent, query: string) => agent.post('/api/graphql').send({ query })
const gqlStatus = (res: request.Response) => (res.body.errors ? (res.body.errors[0].extensions?.statusCode ?? 400) : 200)
const act = async (agent: Agent, id: Id, action: string, extra: object = {}) => {
  const res = await agent.post(`/api/resources/${id}/workflow`).send({ action, ...extra })
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`)
}

/** What is stored, read as server code: the working copy's title, owner and state, the history's size. */
async function stored(id: Id) {
  const working = (await app.payload.findByID({ collection: 'resources', id, draft: true, depth: 0, overrideAccess: true, disableErrors: true })) as Record<string, unknown> | null
  const main = (await app.payload.findByID({ collection: 'resources', id, depth: 0, overrideAccess: true, disableErrors: true })) as Record<string, unknown> | null
  const events = await app.payload.count({ collection: 'review-events', where: { resource: { equals: id } }, overrideAccess: true })
  return working && main ? { title: working.title, owner: working.owner, mainOwner: main.owner, reviewStatus: working.reviewStatus, _status: main._status, events: events.totalDocs } : null
}

const STATES = ['draft', 'changes_requested', 'in_review', 'published', 'revised', 'unpublished', 'archived'] as const
type Start = (typeof STATES)[number]

/**
 * The former owner creates a resource with an attached file and submits it; an editor brings it
 * to `state` through the workflow, then hands it to the next owner with an ordinary PATCH.
 */
async function reassigned(state: Start) {
  const upload = await former
    .post('/api/documents')
    .field('_payload', JSON.stringify({ title: `Order for ${state}` }))
    .attach('file', pdfBytes(), { filename: 'order.pdf', contentType: 'application/pdf' })
  expect(upload.status).toBe(201)
  const file = upload.body.doc.id as Id
  const created = await former.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: `Handed over ${state}`, category: 'judicial-rule', documents: [file] })
  expect(created.status).toBe(201)
  const id = created.body.doc.id as Id
  if (state !== 'draft') await act(former, id, 'submit')
  if (state === 'changes_requested') await act(editor, id, 'request_changes', { note: 'Add the docket.' })
  if (['published', 'revised', 'unpublished', 'archived'].includes(state)) await act(editor, id, 'publish', { checklist: CHECKLIST })
  // An edit of live content is a new draft revision (owners edit only drafts: an editor makes it).
  if (state === 'revised') expect((await editor.patch(`/api/resources/${id}`).send({ summary: 'A new revision.' })).status).toBe(200)
  if (state === 'unpublished') await act(editor, id, 'unpublish')
  if (state === 'archived') await act(editor, id, 'archive')

  const handover = await editor.patch(`/api/resources/${id}`).send({ owner: nextId })
  expect(handover.status).toBe(200)
  const after = await stored(id)
  expect(after).toMatchObject({ owner: nextId, mainOwner: nextId })
  return { id, file, live: ['published', 'revised'].includes(state), reviewStatus: after!.reviewStatus as string }
}

describe.each(STATES)('a resource handed over while %s', (state) => {
  let r: Awaited<ReturnType<typeof reassigned>>
  beforeAll(async () => {
    r = await reassigned(state)
  })

  it('the former owner keeps only what the public sees', async () => {
    const before = await stored(r.id)
    // Reads: the public version when it is live, nothing otherwise; never the working copy.
    expect((await former.get(`/api/resources/${r.id}`)).status).toBe(r.live ? 200 : 404)
    const draft = await former.get(`/api/resources/${r.id}?draft=true`)
    expect(draft.status).toBe(r.live ? 200 : 404)
    if (r.live) expect(draft.body.owner).toBeUndefined()
    expect((await former.get(`/api/resources?draft=true&where[id][equals]=${r.id}`)).body.totalDocs).toBe(0)
    expect((await former.get(`/api/resources?where[owner][equals]=${formerId}&where[id][equals]=${r.id}`)).body.totalDocs).toBe(0)

    // Writes, every way in: refused, and nothing changes.
    expect((await former.patch(`/api/resources/${r.id}`).send({ title: 'Taken back' })).status).toBe(403)
    expect((await former.post(`/api/resources/${r.id}`).set('X-Payload-HTTP-Method-Override', 'PATCH').send({ title: 'Taken back' })).status).not.toBe(200)
    expect(gqlStatus(await gql(former, `mutation { updateResource(id: ${JSON.stringify(r.id)}, data: { title: "Taken back" }) { id } }`))).toBe(403)
    expect((await former.delete(`/api/resources/${r.id}`)).status).toBe(403)
    expect((await former.post(`/api/resources/${r.id}`).set('X-Payload-HTTP-Method-Override', 'DELETE')).status).not.toBe(200)
    expect(gqlStatus(await gql(former, `mutation { deleteResource(id: ${JSON.stringify(r.id)}) { id } }`))).toBe(403)
    for (const action of ['submit', 'withdraw']) {
      expect([403, 404]).toContain((await former.post(`/api/resources/${r.id}/workflow`).send({ action })).status)
    }
    const actions = await former.get(`/api/resources/${r.id}/workflow`)
    if (r.live) expect(actions.body.actions).toEqual([])
    else expect(actions.status).toBe(404)
    expect(await stored(r.id)).toEqual(before)

    // Its history, its versions and its file follow the resource.
    expect((await former.get(`/api/review-events?where[resource][equals]=${r.id}`)).body.totalDocs).toBe(0)
    await expect(gql(former, `{ ReviewEvents(where: { resource: { equals: ${JSON.stringify(r.id)} } }) { totalDocs } }`).then((res) => res.body.data.ReviewEvents.totalDocs)).resolves.toBe(0)
    expect((await former.get(`/api/resources/versions?where[parent][equals]=${r.id}`)).body.totalDocs ?? 0).toBe(0)
    const version = (await app.payload.findVersions({ collection: 'resources', where: { parent: { equals: r.id } }, limit: 1, depth: 0 })).docs[0]!
    expect((await former.get(`/api/resources/versions/${version.id}`)).status).not.toBe(200)
    expect((await former.get(`/api/documents/${r.file}`)).status).toBe(r.live ? 200 : 404)
  })

  it('the new owner has what an owner has', async () => {
    const read = await next.get(`/api/resources/${r.id}?draft=true&depth=0`)
    expect(read.status).toBe(200)
    expect(read.body.owner).toEqual(nextId)
    expect((await next.get(`/api/resources?draft=true&where[owner][equals]=${nextId}&where[id][equals]=${r.id}`)).body.totalDocs).toBe(1)
    expect((await next.get(`/api/review-events?where[resource][equals]=${r.id}`)).body.totalDocs).toBe((await stored(r.id))!.events)
    expect((await next.get(`/api/resources/versions?where[parent][equals]=${r.id}`)).body.totalDocs).toBeGreaterThan(0)
    expect((await next.get(`/api/documents/${r.file}`)).status).toBe(200)
    const gqlRead = await gql(next, `{ Resource(id: ${JSON.stringify(r.id)}, draft: true) { title } }`)
    expect(gqlRead.body.data.Resource.title).toBe(`Handed over ${state}`)

    // (The handover of published content is itself an edit: a new draft revision, see WORKFLOW.md.)
    const editable = ['draft', 'changes_requested'].includes(r.reviewStatus)
    expect(editable).toBe(!['in_review', 'archived'].includes(state))
    const edit = await next.patch(`/api/resources/${r.id}`).send({ summary: 'Edited by the new owner.' })
    expect(edit.status).toBe(editable ? 200 : 403)
    const flow = await next.get(`/api/resources/${r.id}/workflow`)
    expect(flow.status).toBe(200)
    if (editable) expect(flow.body.actions).toContain('submit')
    if (state === 'in_review') expect(flow.body.actions).toEqual(['withdraw'])

    // A bystander still sees nothing of it.
    expect((await bystander.get(`/api/resources/${r.id}?draft=true`)).status).toBe(r.live ? 200 : 404)
    expect((await bystander.get(`/api/review-events?where[resource][equals]=${r.id}`)).body.totalDocs).toBe(0)
  })

  it('a contributor deletes it only if it has never been published, whoever owns it', async () => {
    const everPublished = ['published', 'revised', 'unpublished', 'archived'].includes(state)
    const deletable = ['draft', 'changes_requested'].includes(state) && !everPublished
    const before = await stored(r.id)
    expect((await former.delete(`/api/resources/${r.id}`)).status).toBe(403)
    const del = await next.delete(`/api/resources/${r.id}`)
    expect(del.status).toBe(deletable ? 200 : 403)
    if (deletable) expect(await stored(r.id)).toBeNull()
    else expect(await stored(r.id)).toEqual(before)
  })
})

describe('the owner is one fact, whatever writes it', () => {
  it('a version restore does not hand the resource back to a former owner', async () => {
    const created = await former.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Restored later', category: 'media' })
    const id = created.body.doc.id as Id
    expect((await former.patch(`/api/resources/${id}`).send({ summary: 'first draft' })).status).toBe(200)
    expect((await editor.patch(`/api/resources/${id}`).send({ owner: nextId })).status).toBe(200)
    const versions = await app.payload.findVersions({ collection: 'resources', where: { parent: { equals: id } }, sort: 'createdAt', depth: 0 })
    const old = versions.docs.find((v) => (v.version as { owner?: unknown }).owner === formerId)!
    expect((await editor.post(`/api/resources/versions/${old.id}?draft=true`)).status).toBe(200)
    expect(await stored(id)).toMatchObject({ owner: nextId, mainOwner: nextId })
    expect((await former.patch(`/api/resources/${id}`).send({ title: 'Mine again?' })).status).toBe(403)
    expect((await next.patch(`/api/resources/${id}`).send({ title: 'Still mine' })).status).toBe(200)
  })

  it('a bulk reassignment by an editor moves every resource it names', async () => {
    const ids: Id[] = []
    for (const title of ['Bulk one', 'Bulk two']) ids.push((await former.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title, category: 'media' })).body.doc.id)
    const bulk = await editor.patch(`/api/resources?where[id][in]=${ids.join(',')}`).send({ owner: nextId })
    expect(bulk.status).toBe(200)
    for (const id of ids) {
      expect(await stored(id)).toMatchObject({ owner: nextId, mainOwner: nextId })
      expect((await former.delete(`/api/resources/${id}`)).status).toBe(403)
      expect((await next.get(`/api/resources/${id}`)).status).toBe(200)
    }
  })

  it('the owner cannot delete a published resource, nor one that was published and then taken down', async () => {
    const created = await former.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Once public', category: 'media' })
    const id = created.body.doc.id as Id
    await act(former, id, 'submit')
    await act(editor, id, 'publish', { checklist: CHECKLIST })
    expect((await former.delete(`/api/resources/${id}`)).status).toBe(403)
    expect(gqlStatus(await gql(former, `mutation { deleteResource(id: ${JSON.stringify(id)}) { id } }`))).toBe(403)
    await act(editor, id, 'unpublish')
    expect((await former.delete(`/api/resources/${id}`)).status).toBe(403)
    expect((await stored(id))!.events).toBe(3)
  })
})

describe('files go with the resource they were uploaded for, and only those', () => {
  it('linking someone else\'s private file to one\'s own draft grants nothing', async () => {
    const upload = await former
      .post('/api/documents')
      .field('_payload', JSON.stringify({ title: 'Private statement' }))
      .attach('file', pdfBytes(), { filename: 'statement.pdf', contentType: 'application/pdf' })
    const file = upload.body.doc.id as Id
    const own = await bystander.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Borrowing a file', category: 'media' })
    expect(own.status).toBe(201)
    await bystander.patch(`/api/resources/${own.body.doc.id}`).send({ documents: [file] })
    expect((await bystander.get(`/api/documents/${file}`)).status).toBe(404)
    expect((await bystander.get(`/api/documents?where[id][equals]=${file}`)).body.totalDocs).toBe(0)
    // The uploader keeps their file: it was not uploaded for that resource.
    expect((await former.get(`/api/documents/${file}`)).status).toBe(200)
  })

  it('nor does linking the former owner\'s other files to a resource handed over from them', async () => {
    const upload = async (title: string) =>
      (await former.post('/api/documents').field('_payload', JSON.stringify({ title })).attach('file', pdfBytes(), { filename: 'f.pdf', contentType: 'application/pdf' })).body.doc
        .id as Id
    const forIt = await upload('Uploaded for the resource')
    const other = await upload('Kept for another campaign')
    const id = (await former.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Handed over with one file', category: 'media', documents: [forIt] })).body.doc.id as Id
    expect((await editor.patch(`/api/resources/${id}`).send({ owner: nextId })).status).toBe(200)
    // Refused outright: a relation may only point at what its author may read (src/security/relationTargets.ts).
    expect((await next.patch(`/api/resources/${id}`).send({ documents: [forIt, other] })).status).toBe(400)
    expect((await next.get(`/api/documents/${forIt}`)).status).toBe(200)
    expect((await next.get(`/api/documents/${other}`)).status).toBe(404)
    expect((await former.get(`/api/documents/${forIt}`)).status).toBe(404)
    expect((await former.get(`/api/documents/${other}`)).status).toBe(200)
  })
})

describe('resources reassigned before the owner was one fact', () => {
  it('the SQLite migration hands them to the owner their working copy names', async () => {
    if (process.env.DATABASE_URI?.startsWith('mongodb')) return // no migrations on MongoDB
    const id = (await former.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Stale owner', category: 'media' })).body.doc.id as Id
    expect((await editor.patch(`/api/resources/${id}`).send({ owner: nextId })).status).toBe(200)
    // As such a resource was stored: the main document still naming the former owner.
    await app.payload.db.updateOne({ collection: 'resources', id, data: { owner: formerId } })
    expect(await stored(id)).toMatchObject({ owner: nextId, mainOwner: formerId })
    const { mirrorOwners } = await import('../src/db/migrations/20261201_102345_review_event_emailed_owner_mirror')
    await mirrorOwners((app.payload.db as unknown as { drizzle: never }).drizzle)
    expect(await stored(id)).toMatchObject({ owner: nextId, mainOwner: nextId })
    expect((await former.delete(`/api/resources/${id}`)).status).toBe(403)
  })
})
