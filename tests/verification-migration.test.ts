/**
 * The sign-off's link to the reviewer on a production SQLite database built by the committed
 * migrations: deleting a legal reviewer's account (an admin's decision) keeps their sign-offs as
 * dated facts and forgets who made them. SQLite's ALTER TABLE added the column with no ON DELETE
 * action at first, so the delete failed on the foreign key (a 500).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, startTestApp, type TestApp } from './helpers/testApp'

describe('deleting a legal reviewer (migrated SQLite)', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:1', JOBS_AUTORUN: 'false' })
  }, 120_000)
  afterAll(async () => app?.stop())

  // Production cookies are Secure: over plain HTTP, sign in with the token.
  const tokenOf = async (account: { email: string; password: string }) =>
    `JWT ${(await request(app.url).post('/api/contributors/login').set('Origin', app.url).send(account)).body.token}`

  it('keeps the sign-off, without the reviewer', async () => {
    const us = (await app.payload.create({ collection: 'jurisdictions', data: { code: 'US', name: 'United States', type: 'federal' } as never, overrideAccess: true })).id
    const resource = (await app.payload.create({ collection: 'resources', data: { title: 'Federal memo', category: 'policy', jurisdictions: [us], _status: 'published', reviewStatus: 'published' } as never, overrideAccess: true })).id
    const reviewerAccount = await createAccount(app, 'editor', { legalReviewer: true })
    const verified = await request(app.url).post(`/api/resources/${resource}/verify`).set('Authorization', await tokenOf(reviewerAccount)).send({})
    expect(verified.status).toBe(200)

    // Its verify event stays too, without the reviewer (tests/accounts-delete-history.test.ts).
    const admin = await tokenOf(await createAccount(app, 'admin'))
    expect((await request(app.url).delete(`/api/contributors/${reviewerAccount.id}`).set('Authorization', admin)).status).toBe(200)
    const doc = await app.payload.findByID({ collection: 'resources', id: resource, depth: 0, overrideAccess: true })
    expect(doc.verification).toMatchObject({ verifiedBy: null })
    expect(doc.verification?.verifiedAt).toBeTruthy()
    const events = await app.payload.find({ collection: 'review-events', where: { resource: { equals: resource } }, depth: 0, overrideAccess: true })
    expect(events.docs).toMatchObject([{ action: 'verify', by: null }])
  })
})
