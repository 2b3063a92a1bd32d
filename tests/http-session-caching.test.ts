/**
 * Found by the Spanish e2e test (issue 16): `GET /api/contributors/me` answered an anonymous
 * caller as a public read (`Cache-Control: public, max-age=60, stale-while-revalidate=600`), so
 * the browser kept the login page's "nobody is signed in" and served it to the panel after
 * sign-in: its auth context emptied and Payload's lock handling threw. Every answer about the
 * session is `no-store`, anonymous or not, on every method that reads it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.stop()
})

const SESSION_READS = ['/api/contributors/me', '/api/access', '/api/payload-preferences']

describe('answers about the session are never cached', () => {
  it.each(SESSION_READS)('anonymous GET %s: no-store, no ETag', async (path) => {
    const res = await request(app.url).get(path)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers.etag).toBeUndefined()
  })

  it('signed in, and through the method override: no-store too', async () => {
    const agent = await signIn(app, await createAccount(app, 'contributor'))
    const me = await agent.get('/api/contributors/me')
    expect([me.body.user?.role, me.headers['cache-control']]).toEqual(['contributor', expect.stringMatching(/no-store/)])
    const overridden = await request(app.url).post('/api/contributors/me').set('X-Payload-HTTP-Method-Override', 'GET')
    expect(overridden.headers['cache-control']).toBe('no-store')
  })

  it('public content stays a public read', async () => {
    expect((await request(app.url).get('/api/resources')).headers['cache-control']).toMatch(/^public/)
  })
})
