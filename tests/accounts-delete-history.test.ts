/**
 * Deleting an account that has a history (docs/WORKFLOW.md "Deleting an account"): the admin's
 * delete succeeds, every review event, sign-off and record stays, and what pointed at the person
 * now points at nobody ("a deleted account" in the timeline and emails). SQLite's review_events.by
 * was NOT NULL with ON DELETE SET NULL, so any such delete answered 500 and nothing was deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { renderMessage } from '../src/email/messages'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST, settle } from './helpers/workflow'

let app: TestApp
let admin: Awaited<ReturnType<typeof signIn>>
let editor: Awaited<ReturnType<typeof signIn>>
beforeAll(async () => {
  app = await startTestApp()
  admin = await signIn(app, await createAccount(app, 'admin'))
  editor = await signIn(app, await createAccount(app, 'editor'))
}, 120_000)
afterAll(async () => app?.stop())

const eventsOf = async (resource: string | number) =>
  (await app.payload.find({ collection: 'review-events', where: { resource: { equals: resource } }, sort: 'at', depth: 0, overrideAccess: true, pagination: false })).docs

/** A leader's item, submitted by them and published by the editor: review history on both. */
async function publishedByLeader(title: string) {
  const account = await createAccount(app, 'contributor', { name: 'Leader To Delete' })
  const leader = await signIn(app, account)
  const created = await leader.post('/api/resources').send({ title, category: 'media', jurisdictions: [await homeJurisdiction(app)] })
  expect(created.status).toBe(201)
  const id = created.body.doc.id
  expect((await leader.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })).status).toBe(200)
  expect((await editor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST })).status).toBe(200)
  await settle(app)
  return { account, id }
}

describe('an admin deletes an account with review history', () => {
  it.each([
    ['DELETE by id', (id: string | number) => admin.delete(`/api/contributors/${id}`)],
    ['bulk DELETE with where', (id: string | number) => admin.delete('/api/contributors').query({ where: { id: { equals: id } } })],
  ])('%s: 200, the history stays, attributed to nobody', async (_, remove) => {
    const { account, id } = await publishedByLeader(`Leader's memo ${Math.random()}`)
    const before = await eventsOf(id)
    expect(before.map((e) => e.action)).toEqual(['submit', 'publish'])

    const res = await remove(account.id)
    expect(res.status).toBe(200)
    expect((await app.payload.count({ collection: 'contributors', where: { id: { equals: account.id } }, overrideAccess: true })).totalDocs).toBe(0)

    const after = await eventsOf(id)
    expect(after.map((e) => [e.id, e.action, e.at, e.note ?? null])).toEqual(before.map((e) => [e.id, e.action, e.at, e.note ?? null]))
    expect(after[0]).toMatchObject({ by: null, resourceOwner: null })
    expect(after[1]!.by).toEqual(before[1]!.by) // the editor's own event is untouched
    const resource = await app.payload.findByID({ collection: 'resources', id, depth: 0, overrideAccess: true })
    expect(resource.owner ?? null).toBeNull()

    // The timeline reads as before (the panel's query), and the item can still be worked on.
    const timeline = await editor.get('/api/review-events').query({ where: { resource: { equals: id } }, depth: 1, sort: 'at' })
    expect(timeline.status).toBe(200)
    expect(timeline.body.docs.map((e: { by: unknown }) => e.by === null)).toEqual([true, false])
    expect((await editor.post(`/api/resources/${id}/workflow`).send({ action: 'unpublish' })).status).toBe(200)
  })

  it('a legal reviewer and an editor who acted: their events and sign-off stay, without them', async () => {
    const { id } = await publishedByLeader('Reviewed memo')
    const reviewer = await createAccount(app, 'editor', { legalReviewer: true })
    const asReviewer = await signIn(app, reviewer)
    expect((await asReviewer.post(`/api/resources/${id}/workflow`).send({ action: 'archive' })).status).toBe(200)
    expect((await asReviewer.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST })).status).toBe(200)
    expect((await asReviewer.post(`/api/resources/${id}/verify`).send({})).status).toBe(200)
    await settle(app)

    expect((await admin.delete(`/api/contributors/${reviewer.id}`)).status).toBe(200)
    const events = await eventsOf(id)
    expect(events.map((e) => [e.action, e.by === null])).toEqual([
      ['submit', false],
      ['publish', false],
      ['archive', true],
      ['publish', true],
      ['verify', true],
    ])
    const resource = await app.payload.findByID({ collection: 'resources', id, depth: 0, overrideAccess: true })
    expect(resource.verification).toMatchObject({ verifiedBy: null })
    expect(resource.verification?.verifiedAt).toBeTruthy()
  })

  it("an email about an event whose actor's account is gone names a deleted account", async () => {
    const { account, id } = await publishedByLeader('Memo of a deleted leader')
    expect((await admin.delete(`/api/contributors/${account.id}`)).status).toBe(200)
    const [submit] = await eventsOf(id)
    const recipient = await createAccount(app, 'editor')
    const req = { payload: app.payload } as never
    const message = await renderMessage(req, { template: 'workflow', event: String(submit!.id), recipient: String(recipient.id) } as never)
    expect(message?.text.split('\n')[0]).toBe('A deleted account submitted “Memo of a deleted leader”.')
  })
})

describe('on a database built by the migrations (production)', () => {
  it('deletes an account with review history (the column allows it)', async () => {
    await app.stop()
    app = await startTestApp({ NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:1', JOBS_AUTORUN: 'false' })
    const tokenOf = async (account: { email: string; password: string }) =>
      `JWT ${(await request(app.url).post('/api/contributors/login').set('Origin', app.url).send(account)).body.token}`
    const us = (await app.payload.create({ collection: 'jurisdictions', data: { code: 'US', name: 'United States', type: 'federal' } as never, overrideAccess: true })).id
    const resource = (await app.payload.create({ collection: 'resources', data: { title: 'Federal memo', category: 'policy', jurisdictions: [us] } as never, overrideAccess: true })).id
    const editorAccount = await createAccount(app, 'editor')
    const submitted = await request(app.url).post(`/api/resources/${resource}/workflow`).set('Authorization', await tokenOf(editorAccount)).send({ action: 'submit' })
    expect(submitted.status).toBe(200)

    const res = await request(app.url).delete(`/api/contributors/${editorAccount.id}`).set('Authorization', await tokenOf(await createAccount(app, 'admin')))
    expect(res.status).toBe(200)
    expect(await eventsOf(resource)).toMatchObject([{ action: 'submit', by: null }])
  }, 120_000)
})
