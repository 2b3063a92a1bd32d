import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ CORS_ORIGINS: 'https://toolkit.example' })
  await app.payload.create({ collection: 'topics', data: { name: 'Cached topic', slug: 'cached-topic' } })
})
afterAll(async () => {
  await app?.stop()
})

describe('anonymous reads are public and cacheable', () => {
  it('carry an ETag and public Cache-Control, and answer If-None-Match with 304', async () => {
    const first = await request(app.url).get('/api/topics')
    expect(first.status).toBe(200)
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600')
    const etag = String(first.headers.etag)
    expect(etag).toMatch(/^W\/".+"$/)

    const again = await request(app.url).get('/api/topics').set('If-None-Match', etag)
    expect(again.status).toBe(304)
    expect(again.text).toBe('')
  })

  it('answer 200 with a new ETag once the content changed', async () => {
    const first = await request(app.url).get('/api/topics')
    await app.payload.create({ collection: 'topics', data: { name: 'Another topic', slug: 'another-topic' } })
    const after = await request(app.url).get('/api/topics').set('If-None-Match', String(first.headers.etag))
    expect(after.status).toBe(200)
    expect(after.headers.etag).not.toBe(first.headers.etag)
    expect(after.body.docs.map((d: { slug: string }) => d.slug)).toContain('another-topic')
  })

  it('are readable from any origin, without credentials', async () => {
    const res = await request(app.url).get('/api/topics').set('Origin', 'https://partner.example')
    expect(res.headers['access-control-allow-origin']).toBe('*')
    expect(res.headers['access-control-allow-credentials']).toBeUndefined()
  })

  it('never set a cookie', async () => {
    for (const path of ['/api/topics', '/api/contributors/me', '/api/graphql-playground']) {
      const res = await request(app.url).get(path)
      expect(res.headers['set-cookie']).toBeUndefined()
    }
  })

  it('are not cached when they fail', async () => {
    const res = await request(app.url).get('/api/contributors')
    expect(res.status).toBe(403)
    expect(res.headers['cache-control']).toBe('no-store')
  })
})

describe('authenticated responses', () => {
  it('are private and never stored', async () => {
    const editor = await signIn(app, await createAccount(app, 'editor'))
    const res = await editor.get('/api/topics')
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe('private, no-store')
    expect(res.headers.etag).toBeUndefined()
  })

  it('keep credentialed CORS for the origins in CORS_ORIGINS only', async () => {
    const res = await request(app.url).get('/api/topics').set('Origin', 'https://toolkit.example')
    expect(res.headers['access-control-allow-origin']).toBe('https://toolkit.example')
    expect(res.headers['access-control-allow-credentials']).toBe('true')
  })
})

describe('page size', () => {
  it('caps limit at 100 and refuses to turn pagination off', async () => {
    const docs = Array.from({ length: 105 }, (_, i) => ({ name: `Bulk ${i}`, slug: `bulk-${i}` }))
    for (const data of docs) await app.payload.create({ collection: 'topics', data })
    const huge = await request(app.url).get('/api/topics?limit=100000')
    expect(huge.status).toBe(200)
    expect(huge.body.docs).toHaveLength(100)
    expect(huge.body.limit).toBe(100)

    const all = await request(app.url).get('/api/topics?limit=0&pagination=false')
    expect(all.body.docs).toHaveLength(100)
  })
})

describe('CORS on cached public reads', () => {
  it('is decided per request, not taken from the response cached for another origin', async () => {
    const url = '/api/topics?where[slug][equals]=cached-topic'
    const listed = await request(app.url).get(url).set('Origin', 'https://toolkit.example')
    expect(listed.headers['access-control-allow-origin']).toBe('https://toolkit.example')
    const other = await request(app.url).get(url).set('Origin', 'https://partner.example')
    expect(other.headers['access-control-allow-origin']).toBe('*')
    expect(other.headers['access-control-allow-credentials']).toBeUndefined()
    const again = await request(app.url).get(url).set('Origin', 'https://toolkit.example')
    expect(again.headers['access-control-allow-origin']).toBe('https://toolkit.example')
    expect(again.headers['access-control-allow-credentials']).toBe('true')
  })
})
