import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { ConfigurationError, loadSettings } from '../src/settings'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.stop()
})

describe('health', () => {
  it('GET /healthz answers while the process is alive', async () => {
    const res = await request(app.url).get('/healthz')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ok' })
  })

  it('GET /readyz answers after a round trip to the database', async () => {
    const res = await request(app.url).get('/readyz')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ready', database: 'sqlite' })
  })
})

describe('REST and GraphQL through express', () => {
  it('round-trips a document: an editor creates a topic, anyone reads it', async () => {
    const editor = await createAccount(app, 'editor')
    const agent = await signIn(app, editor)

    const created = await agent.post('/api/topics').send({ name: 'Round trip', slug: 'round-trip' })
    expect(created.status).toBe(201)

    const read = await request(app.url).get(`/api/topics/${created.body.doc.id}`)
    expect(read.status).toBe(200)
    expect(read.body).toMatchObject({ name: 'Round trip', slug: 'round-trip' })
  })

  it('refuses a create from someone not signed in', async () => {
    const res = await request(app.url).post('/api/topics').send({ name: 'Nope', slug: 'nope' })
    expect(res.status).toBe(403)
    const list = await request(app.url).get('/api/topics?where[slug][equals]=nope')
    expect(list.body.totalDocs).toBe(0)
  })

  it('answers a GraphQL query', async () => {
    await app.payload.create({ collection: 'topics', data: { name: 'GraphQL topic', slug: 'graphql-topic' } })
    const res = await request(app.url)
      .post('/api/graphql')
      .send({ query: '{ Topics(where: { slug: { equals: "graphql-topic" } }) { docs { name slug } } }' })
    expect(res.status).toBe(200)
    expect(res.body.data.Topics.docs).toEqual([{ name: 'GraphQL topic', slug: 'graphql-topic' }])
  })
})

describe('login cookie', () => {
  it('sets an HttpOnly cookie that authenticates the next request', async () => {
    const contributor = await createAccount(app, 'contributor')
    const login = await request(app.url)
      .post('/api/contributors/login')
      .send({ email: contributor.email, password: contributor.password })
    expect(login.status).toBe(200)
    const cookies = ([] as string[]).concat(login.headers['set-cookie'] ?? [])
    const token = cookies.find((c) => c.startsWith('payload-token='))
    expect(token).toMatch(/HttpOnly/i)
    expect(token).toMatch(/SameSite=Lax/i)

    const cookie = token!.split(';')[0]!
    const me = await request(app.url).get('/api/contributors/me').set('Cookie', cookie).set('Origin', app.url)
    expect(me.status).toBe(200)
    expect(me.body.user.email).toBe(contributor.email)

    // The same cookie sent from a site outside CORS_ORIGINS authenticates nobody (CSRF).
    const foreign = await request(app.url).get('/api/contributors/me').set('Cookie', cookie).set('Origin', 'https://evil.example')
    expect(foreign.body.user).toBeNull()

    const anonymous = await request(app.url).get('/api/contributors/me')
    expect(anonymous.body.user).toBeNull()
  })
})

describe('bad requests', () => {
  it('answers malformed JSON with a 400 JSON error and stores nothing', async () => {
    const before = await app.payload.count({ collection: 'topics' })
    const res = await request(app.url).post('/api/topics').set('Content-Type', 'application/json').send('{"name": ')
    expect(res.status).toBe(400)
    expect(res.headers['content-type']).toMatch(/application\/json/)
    expect(res.body.errors[0].message).toMatch(/JSON/i)
    expect((await app.payload.count({ collection: 'topics' })).totalDocs).toBe(before.totalDocs)
  })

  it('answers a body over 1 MB with 413 JSON', async () => {
    const res = await request(app.url)
      .post('/api/topics')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10), slug: 'big' }))
    expect(res.status).toBe(413)
    expect(res.body.errors[0].message).toMatch(/larger than the limit of 1 MB/)
  })

  it('answers an unknown route with 404 JSON', async () => {
    const api = await request(app.url).get('/api/no-such-collection')
    expect(api.status).toBe(404)
    const other = await request(app.url).get('/no-such-page')
    expect(other.status).toBe(404)
    expect(other.body.errors[0].message).toMatch(/Route not found/)
  })

  it('sends security headers', async () => {
    const res = await request(app.url).get('/healthz')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-powered-by']).toBeUndefined()
  })
})

describe('configuration', () => {
  it('refuses an unknown database URI with one clear line', () => {
    expect(() => loadSettings({ DATABASE_URI: 'postgres://localhost/cms', PAYLOAD_SECRET: 'x' })).toThrow(ConfigurationError)
    expect(() => loadSettings({ DATABASE_URI: 'postgres://localhost/cms', PAYLOAD_SECRET: 'x' })).toThrow(
      /DATABASE_URI must be mongodb:\/\/…, mongodb\+srv:\/\/…, file:…/,
    )
  })

  it('refuses production without a long secret or an SMTP server', () => {
    const production = { NODE_ENV: 'production', SMTP_URL: 'smtp://mail:25', PAYLOAD_SECRET: 'a'.repeat(32) }
    expect(() => loadSettings({ ...production, PAYLOAD_SECRET: 'short' })).toThrow(/at least 32 characters/)
    expect(() => loadSettings({ ...production, SMTP_URL: '' })).toThrow(/SMTP_URL is required/)
    expect(() => loadSettings({ ...production, PAYLOAD_DEBUG: 'true' })).toThrow(/PAYLOAD_DEBUG must be off/)
    expect(loadSettings(production).production).toBe(true)
  })
})
