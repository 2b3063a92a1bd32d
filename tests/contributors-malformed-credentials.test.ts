/** Found by the fuzz tests: credentials that are not text answered 500 from Payload's auth code. */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import request from 'supertest'
import { startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ LOG_LEVEL: 'fatal' })
})
afterAll(async () => {
  await app?.stop()
})

it.each([
  ['/api/contributors', { name: 'X', email: ['a@example.org'], password: 'a-long-password-1' }, 'email'],
  ['/api/contributors', { name: 'X', email: 'x@example.org', password: { length: 20 } }, 'password'],
  ['/api/contributors/login', { email: { $gt: '' }, password: 'x' }, 'email'],
  ['/api/contributors/login', { email: 'x@example.org', password: 12345678 }, 'password'],
  ['/api/contributors/forgot-password', { email: ['x@example.org'] }, 'email'],
])('POST %s with a non-text field answers 400 naming it, and stores nothing', async (path, body, field) => {
  const before = await app.payload.count({ collection: 'contributors', overrideAccess: true })
  const res = await request(app.url).post(path).set('Origin', app.url).send(body)
  expect(res.status).toBe(400)
  expect(JSON.stringify(res.body)).toContain(field)
  expect((await app.payload.count({ collection: 'contributors', overrideAccess: true })).totalDocs).toBe(before.totalDocs)
})
