import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.stop()
})

describe('deleting a resource that has a review history', () => {
  it('answers 200 and takes the history with it (no dangling reference, no 500)', async () => {
    const editor = await signIn(app, await createAccount(app, 'editor'))
    const created = await editor.post('/api/resources').send({ title: 'Withdrawn memo', category: 'media' })
    const id = created.body.doc.id
    expect((await editor.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })).status).toBe(200)
    const history = () => app.payload.count({ collection: 'review-events', where: { resource: { equals: id } }, overrideAccess: true })
    expect((await history()).totalDocs).toBe(1)

    const deleted = await editor.delete(`/api/resources/${id}`)
    expect(deleted.status).toBe(200)
    expect((await history()).totalDocs).toBe(0)
    expect((await app.payload.count({ collection: 'resources', where: { id: { equals: id } }, overrideAccess: true })).totalDocs).toBe(0)
  })
})
