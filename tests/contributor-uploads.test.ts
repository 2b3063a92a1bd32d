/**
 * Campaign leaders attach files to their submissions: a contributor's upload is private (the
 * uploader and editors only, the file itself included) until a resource using it is published.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { pdfBytes } from './helpers/content'
import { CHECKLIST } from './helpers/workflow'

let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>
let leaderA: Awaited<ReturnType<typeof signIn>>
let leaderB: Awaited<ReturnType<typeof signIn>>
let leaderAId: string | number
let leaderBId: string | number

beforeAll(async () => {
  app = await startTestApp()
  editor = await signIn(app, await createAccount(app, 'editor'))
  const a = await createAccount(app, 'contributor')
  leaderAId = a.id
  leaderA = await signIn(app, a)
  const b = await createAccount(app, 'contributor')
  leaderBId = b.id
  leaderB = await signIn(app, b)
})
afterAll(async () => {
  await app?.stop()
})

const anonymous = () => request(app.url)
const filePath = (url: string) => new URL(url, app.url).pathname

describe('contributor uploads', () => {
  it('are private to the uploader and editors until the resource is published', async () => {
    const upload = await leaderA
      .post('/api/documents')
      .field('_payload', JSON.stringify({ title: 'Signed order', uploadedBy: leaderBId }))
      .attach('file', pdfBytes(), { filename: 'order.pdf', contentType: 'application/pdf' })
    expect(upload.status).toBe(201)
    const doc = upload.body.doc as { id: string | number; url: string }
    // Whatever the request said, the upload is attributed to whoever sent it.
    const stored = await app.payload.findByID({ collection: 'documents', id: doc.id, overrideAccess: true, depth: 0 })
    expect(stored).toMatchObject({ uploadedBy: leaderAId })

    expect((await leaderA.get(`/api/documents/${doc.id}`)).status).toBe(200)
    expect((await editor.get(`/api/documents/${doc.id}`)).status).toBe(200)
    expect((await leaderB.get(`/api/documents/${doc.id}`)).status).toBe(404)
    expect((await anonymous().get(`/api/documents/${doc.id}`)).status).toBe(404)
    expect((await anonymous().get(filePath(doc.url))).status).toBe(403)
    const list = await anonymous().get('/api/documents?limit=100')
    expect(list.body.docs.map((d: { id: unknown }) => d.id)).not.toContain(doc.id)
    // Only editors change a file's record.
    expect((await leaderA.patch(`/api/documents/${doc.id}`).send({ title: 'Renamed' })).status).toBe(403)

    const created = await leaderA.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'A court order', category: 'judicial-rule', documents: [doc.id] })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect((await leaderA.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })).status).toBe(200)
    expect((await anonymous().get(`/api/documents/${doc.id}`)).status).toBe(404)
    expect((await editor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST })).status).toBe(200)

    expect((await anonymous().get(`/api/documents/${doc.id}`)).status).toBe(200)
    expect((await anonymous().get(filePath(doc.url))).status).toBe(200)
  })

  it('an editor\'s upload too is public only once a published resource links it, and pending accounts upload nothing', async () => {
    const upload = await editor
      .post('/api/documents')
      .field('_payload', JSON.stringify({ title: 'Public memo' }))
      .attach('file', pdfBytes(), { filename: 'memo.pdf', contentType: 'application/pdf' })
    expect(upload.status).toBe(201)
    expect((await anonymous().get(`/api/documents/${upload.body.doc.id}`)).status).toBe(404)

    const pending = await signIn(app, await createAccount(app, 'contributor', { status: 'pending' }))
    const refused = await pending
      .post('/api/documents')
      .field('_payload', JSON.stringify({ title: 'Nope' }))
      .attach('file', pdfBytes(), { filename: 'nope.pdf', contentType: 'application/pdf' })
    expect(refused.status).toBe(403)
  })
})
