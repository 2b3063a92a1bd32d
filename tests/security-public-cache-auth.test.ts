/**
 * Whether a request is anonymous is Payload's own auth result, never a guess from its headers.
 * Every credential shape (cookie spellings, duplicated cookies, Authorization schemes and spacing)
 * is sent with a campaign leader's session to a URL that shows the leader's draft; whatever
 * Payload made of it, the next anonymous request for the same URL must not get the draft, and an
 * answer that showed it must be `private, no-store`. Same for GraphQL and the custom endpoints.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createJurisdictions } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
let token: string
let leaderEmail: string
const DRAFT = 'CACHEAUTH-DRAFT'

beforeAll(async () => {
  app = await startTestApp()
  const J = await createJurisdictions(app)
  const leader = await createAccount(app, 'contributor', { jurisdictions: [J['US-NY']] })
  leaderEmail = leader.email
  const agent = await signIn(app, leader)
  const created = await agent.post('/api/resources').send({ title: `${DRAFT} title`, summary: 'Not reviewed yet', category: 'legislation', jurisdictions: [J['US-NY']] })
  expect(created.status).toBe(201)
  const login = await request(app.url).post('/api/contributors/login').set('Origin', app.url).send({ email: leader.email, password: leader.password })
  token = login.body.token
  expect(typeof token).toBe('string')
})
afterAll(async () => {
  await app?.stop()
})

type Shape = { name: string; headers: (t: string) => Record<string, string | string[]>; accepted?: boolean }

/** `accepted`: Payload signs the leader in with it (so the leak would be real without the control). */
const SHAPES: Shape[] = [
  { name: 'cookie', headers: (t) => ({ Cookie: `payload-token=${t}`, Origin: app.url }), accepted: true },
  { name: 'cookie name with a space before =', headers: (t) => ({ Cookie: `payload-token =${t}`, Origin: app.url }), accepted: true },
  { name: 'cookie name with a tab before =', headers: (t) => ({ Cookie: `payload-token\t=${t}`, Origin: app.url }), accepted: true },
  { name: 'cookie after another, no space', headers: (t) => ({ Cookie: `theme=dark;payload-token=${t}`, Origin: app.url }), accepted: true },
  { name: 'cookie after another, with spaces', headers: (t) => ({ Cookie: `theme=dark ;  payload-token  =${t}`, Origin: app.url }), accepted: true },
  { name: 'duplicated cookie, the valid one last', headers: (t) => ({ Cookie: `payload-token=garbage; payload-token=${t}`, Origin: app.url }), accepted: true },
  { name: 'duplicated cookie, the valid one first', headers: (t) => ({ Cookie: `payload-token=${t}; payload-token=garbage`, Origin: app.url }) },
  { name: 'two Cookie headers', headers: (t) => ({ Cookie: ['theme=dark', `payload-token =${t}`], Origin: app.url }), accepted: true },
  { name: 'cookie without Origin, same-origin fetch', headers: (t) => ({ Cookie: `payload-token =${t}`, 'Sec-Fetch-Site': 'same-origin' }), accepted: true },
  { name: 'cookie without Origin, direct navigation', headers: (t) => ({ Cookie: ` payload-token=${t}`, 'Sec-Fetch-Site': 'none' }), accepted: true },
  { name: 'cookie with a space after =', headers: (t) => ({ Cookie: `payload-token= ${t}`, Origin: app.url }) },
  { name: 'cookie name in capitals', headers: (t) => ({ Cookie: `PAYLOAD-TOKEN=${t}`, Origin: app.url }) },
  { name: 'cookie from a foreign origin', headers: (t) => ({ Cookie: `payload-token=${t}`, Origin: 'https://evil.example' }) },
  { name: 'Authorization: JWT', headers: (t) => ({ Authorization: `JWT ${t}` }), accepted: true },
  { name: 'Authorization: Bearer', headers: (t) => ({ Authorization: `Bearer ${t}` }), accepted: true },
  { name: 'Authorization with leading spaces', headers: (t) => ({ Authorization: `   Bearer ${t}` }), accepted: true },
  { name: 'Authorization: bearer (lower case)', headers: (t) => ({ Authorization: `bearer ${t}` }) },
  { name: 'Authorization: JWT with two spaces', headers: (t) => ({ Authorization: `JWT  ${t}` }) },
  { name: 'Authorization: API key scheme (keys are off)', headers: (t) => ({ Authorization: `contributors API-Key ${t}` }) },
  { name: 'Authorization and a bad cookie', headers: (t) => ({ Authorization: `JWT ${t}`, Cookie: 'payload-token=garbage', Origin: app.url }), accepted: true },
  // Payload reads the header first and stops there: a bad header hides a good cookie.
  { name: 'a bad Authorization and a cookie', headers: (t) => ({ Authorization: 'Bearer garbage', Cookie: `payload-token =${t}`, Origin: app.url }), accepted: false },
]

const seesDraft = (text: string) => text.includes(DRAFT) || text.includes(leaderEmail)

describe('the public cache and caching headers follow Payload’s own auth result', () => {
  it.each(SHAPES.map((shape, i) => [shape.name, shape, i] as const))('%s', async (_name, shape, i) => {
    // A URL of its own per shape (limit differs), so no other test's entry is in the way.
    const url = `/api/resources?where[title][like]=${DRAFT}&depth=1&limit=${10 + i}`
    const withCredential = await request(app.url).get(url).set(shape.headers(token))
    expect(withCredential.status).toBe(200)
    const showed = seesDraft(withCredential.text)
    if (shape.accepted !== undefined) expect({ shape: shape.name, signedIn: showed }).toEqual({ shape: shape.name, signedIn: shape.accepted })
    if (showed) {
      expect(withCredential.headers['cache-control']).toBe('private, no-store')
      expect(withCredential.headers['access-control-allow-origin']).not.toBe('*')
    }

    for (const anonymous of [request(app.url).get(url), request(app.url).get(url).set('Origin', 'https://frontend.example')]) {
      const res = await anonymous
      expect(res.status).toBe(200)
      expect(seesDraft(res.text)).toBe(false)
      expect(res.headers['cache-control']).toMatch(/^public/)
    }
  })

  it('a signed-in answer never comes back from the cache, with or without the credential', async () => {
    const url = `/api/resources?where[title][like]=${DRAFT}&depth=1&page=1`
    expect(seesDraft((await request(app.url).get(url).set('Cookie', `payload-token =${token}`).set('Origin', app.url)).text)).toBe(true)
    const { hits } = app.publicCache.stats
    expect(seesDraft((await request(app.url).get(url)).text)).toBe(false)
    expect(seesDraft((await request(app.url).get(url)).text)).toBe(false)
    // The second anonymous read was the cache's first hit: the anonymous answer, stored once.
    expect(app.publicCache.stats.hits).toBe(hits + 1)
    expect(seesDraft((await request(app.url).get(url).set('Authorization', `JWT ${token}`)).text)).toBe(true)
  })

  it('GraphQL answers to a session are private, whatever the credential looks like', async () => {
    const query = `{ Resources(where: { title: { like: "${DRAFT}" } }) { docs { title owner { email } } } }`
    for (const headers of [{ Cookie: `payload-token =${token}`, Origin: app.url }, { Authorization: `Bearer ${token}` }]) {
      const res = await request(app.url).post('/api/graphql').set(headers).send({ query })
      expect(res.status).toBe(200)
      expect(seesDraft(res.text)).toBe(true)
      expect(res.headers['cache-control']).toBe('private, no-store')
      expect(res.headers['access-control-allow-origin']).not.toBe('*')
    }
    const anonymous = await request(app.url).post('/api/graphql').send({ query })
    expect(seesDraft(anonymous.text)).toBe(false)
  })

  it.each(['/api/map', '/api/search?q=anything', '/api/feed.json', '/api/jurisdictions/US-NY/toolkit'])(
    'custom endpoint %s: public for anonymous readers only',
    async (url) => {
      const signedIn = await request(app.url).get(url).set('Cookie', `payload-token =${token}`).set('Origin', app.url)
      expect(signedIn.status).toBe(200)
      expect(signedIn.headers['cache-control']).toBe('private, no-store')
      const { hits } = app.publicCache.stats
      const anonymous = await request(app.url).get(url)
      expect(anonymous.headers['cache-control']).toMatch(/^public/)
      expect(app.publicCache.stats.hits).toBe(hits) // nothing was stored for the signed-in request
    },
  )

  it('authenticates once per request: Payload’s handler reuses the answer', async () => {
    const db = app.payload.db as unknown as { findOne: (...args: unknown[]) => Promise<unknown> }
    const original = db.findOne
    let accountReads = 0
    db.findOne = function (this: unknown, ...args: unknown[]) {
      if ((args[0] as { collection?: string }).collection === 'contributors') accountReads++
      return original.apply(this, args)
    }
    try {
      await request(app.url).get('/api/topics?limit=1').set('Authorization', `JWT ${token}`).expect(200)
      await request(app.url).post('/api/graphql').set('Authorization', `JWT ${token}`).send({ query: '{ Topics { totalDocs } }' }).expect(200)
    } finally {
      db.findOne = original
    }
    expect(accountReads).toBe(2)
  })
})
