/**
 * Files are public only while a published resource links them (collections/Documents/access.ts):
 * a file attached to a draft, or to a resource that was unpublished or archived, is readable by
 * editors and by the contributor who uploaded it, and by nobody else — record and file URL alike.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { pdfBytes } from './helpers/content'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST, publishThroughWorkflow } from './helpers/workflow'

let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>
let leader: Awaited<ReturnType<typeof signIn>>
let other: Awaited<ReturnType<typeof signIn>>

beforeAll(async () => {
  app = await startTestApp()
  editor = await signIn(app, await createAccount(app, 'editor'))
  leader = await signIn(app, await createAccount(app, 'contributor'))
  other = await signIn(app, await createAccount(app, 'contributor'))
})
afterAll(async () => {
  await app?.stop()
})

async function uploadAs(agent: typeof editor, title: string) {
  const res = await agent.post('/api/documents').field('_payload', JSON.stringify({ title })).attach('file', pdfBytes(), { filename: `${title}.pdf`, contentType: 'application/pdf' })
  expect(res.status).toBe(201)
  return { id: res.body.doc.id as string | number, path: new URL(res.body.doc.url, app.url).pathname }
}

/** What an anonymous client gets for the record, the list and the file. */
async function anonymousView(doc: { id: string | number; path: string }) {
  const anon = request(app.url)
  const record = await anon.get(`/api/documents/${doc.id}`)
  const list = await anon.get('/api/documents?limit=100')
  const file = await anon.get(doc.path)
  const graph = await anon.post('/api/graphql').send({ query: '{ Documents(limit: 100) { docs { id } } }' })
  const listed = (list.body.docs as { id: unknown }[]).some((d) => String(d.id) === String(doc.id))
  const inGraph = (graph.body.data?.Documents?.docs ?? []).some((d: { id: unknown }) => String(d.id) === String(doc.id))
  return { record: record.status, listed, file: file.status, inGraph }
}
const hidden = { record: 404, listed: false, file: 403, inGraph: false }
const visible = { record: 200, listed: true, file: 200, inGraph: true }

const act = (id: string | number, body: object) => editor.post(`/api/resources/${id}/workflow`).send(body)

describe('documents follow the resources that link them', () => {
  it('a file on a draft is private until the resource is published, and private again after unpublish or archive', async () => {
    const file = await uploadAs(leader, 'draft-attachment')
    expect(await anonymousView(file)).toEqual(hidden)

    const created = await leader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Draft with a file', category: 'statement', documents: [file.id] })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect(await anonymousView(file)).toEqual(hidden)

    await publishThroughWorkflow(editor, id)
    expect(await anonymousView(file)).toEqual(visible)

    expect((await act(id, { action: 'unpublish' })).status).toBe(200)
    expect(await anonymousView(file)).toEqual(hidden)

    expect((await act(id, { action: 'submit' })).status).toBe(200)
    expect((await act(id, { action: 'publish', checklist: CHECKLIST })).status).toBe(200)
    expect(await anonymousView(file)).toEqual(visible)

    expect((await act(id, { action: 'archive' })).status).toBe(200)
    expect(await anonymousView(file)).toEqual(hidden)
  })

  it('a file removed from a published resource becomes private once the new revision is published', async () => {
    const kept = await uploadAs(editor, 'kept')
    const dropped = await uploadAs(editor, 'dropped')
    const id = (await editor.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Two files', category: 'statement', documents: [kept.id, dropped.id] })).body.doc.id
    await publishThroughWorkflow(editor, id)
    expect(await anonymousView(dropped)).toEqual(visible)

    // A draft edit does not change what the public reads: the published revision still links it.
    expect((await editor.patch(`/api/resources/${id}?draft=true`).send({ documents: [kept.id] })).status).toBe(200)
    expect(await anonymousView(dropped)).toEqual(visible)

    await publishThroughWorkflow(editor, id)
    expect(await anonymousView(dropped)).toEqual(hidden)
    expect(await anonymousView(kept)).toEqual(visible)
  })

  it('editors read every file; a contributor their own uploads and published ones, never another draft file', async () => {
    const mine = await uploadAs(leader, 'mine')
    const theirs = await uploadAs(other, 'theirs')
    expect((await editor.get(`/api/documents/${theirs.id}`)).status).toBe(200)
    expect((await editor.get(theirs.path)).status).toBe(200)

    expect((await leader.get(`/api/documents/${mine.id}`)).status).toBe(200)
    expect((await leader.get(mine.path)).status).toBe(200)
    expect((await leader.get(`/api/documents/${theirs.id}`)).status).toBe(404)
    expect((await leader.get(theirs.path)).status).toBe(403)
    const list = await leader.get('/api/documents?limit=100')
    expect(list.body.docs.map((d: { id: unknown }) => String(d.id))).not.toContain(String(theirs.id))

    // Who uploaded is the server's record, not the client's: a forged uploadedBy is ignored.
    const forged = await other.post('/api/documents').field('_payload', JSON.stringify({ title: 'forged', uploadedBy: (await leader.get('/api/contributors/me')).body.user.id })).attach('file', pdfBytes(), { filename: 'forged.pdf', contentType: 'application/pdf' })
    expect(forged.status).toBe(201)
    expect((await leader.get(`/api/documents/${forged.body.doc.id}`)).status).toBe(404)
  })

  it('a pending account uploads nothing and reads no private file', async () => {
    const pending = await signIn(app, await createAccount(app, 'contributor', { status: 'pending' }))
    const res = await pending.post('/api/documents').field('_payload', JSON.stringify({ title: 'x' })).attach('file', pdfBytes(), { filename: 'x.pdf', contentType: 'application/pdf' })
    expect(res.status).toBe(403)
    const file = await uploadAs(leader, 'not-for-pending')
    expect((await pending.get(`/api/documents/${file.id}`)).status).toBe(404)
  })
})
