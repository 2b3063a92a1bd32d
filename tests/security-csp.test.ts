/**
 * Content-Security-Policy. Every answer that is not an admin page (the API's JSON, errors, files,
 * health and metrics) carries `default-src 'none'; frame-ancestors 'none'`: nothing in it may load,
 * run or be framed, whichever path produced it (REST, GraphQL, method override, the public cache,
 * express's own errors). The admin pages' policy (src/http/contentSecurityPolicy.ts) gets a fresh
 * nonce per response and hands Next that nonce, never one a client sent; the panel itself is
 * checked in Chromium (tests/e2e/csp.e2e.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import express from 'express'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import request from 'supertest'
import { adminContentSecurityPolicy } from '../src/http/contentSecurityPolicy'
import { pngBytes } from './helpers/content'
import { createAccount, signIn, startTestApp, type TestApp, homeJurisdiction } from './helpers/testApp'
import { CHECKLIST } from './helpers/workflow'

const directives = (header: string | undefined) =>
  new Map((header ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1)] as const))

/** Exactly `default-src 'none'; frame-ancestors 'none'`, whatever the spacing. */
function expectApiPolicy(res: { status: number; headers: Record<string, string | undefined> }, what: string) {
  const found = Object.fromEntries(directives(res.headers['content-security-policy']))
  expect({ what, status: res.status, csp: found }).toEqual({ what, status: res.status, csp: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] } })
}

let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>
let fileUrl = ''

beforeAll(async () => {
  app = await startTestApp()
  editor = await signIn(app, await createAccount(app, 'editor'))
  const upload = await editor.post('/api/documents').field('_payload', JSON.stringify({ title: 'Photo', alt: 'A courthouse' })).attach('file', pngBytes(), { filename: 'photo.png', contentType: 'image/png' })
  expect(upload.status).toBe(201)
  const resource = await editor.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Public memo', category: 'policy', documents: [upload.body.doc.id] })
  await editor.post(`/api/resources/${resource.body.doc.id}/workflow`).send({ action: 'submit' })
  await editor.post(`/api/resources/${resource.body.doc.id}/workflow`).send({ action: 'publish', checklist: CHECKLIST })
  fileUrl = new URL(upload.body.doc.url, app.url).pathname
}, 120_000)

afterAll(async () => {
  await app?.stop()
})

describe('API answers load and run nothing', () => {
  it('on every kind of answer', async () => {
    const anonymous = request(app.url)
    const cases: [string, () => PromiseLike<{ status: number; headers: Record<string, string | undefined> }>][] = [
      ['REST list', () => anonymous.get('/api/resources')],
      ['REST list from the public cache', () => anonymous.get('/api/resources')],
      ['REST 304', async () => {
        const first = await anonymous.get('/api/resources?limit=5')
        return anonymous.get('/api/resources?limit=5').set('If-None-Match', first.headers.etag!)
      }],
      ['REST signed in', () => editor.get('/api/resources?draft=true')],
      ['REST 404', () => anonymous.get('/api/resources/999999')],
      ['REST 400', () => anonymous.get('/api/resources?where=notjson')],
      ['malformed JSON body', () => editor.post('/api/resources').set('Content-Type', 'application/json').send('{nope')],
      ['unknown route', () => anonymous.get('/api/no-such-thing')],
      ['method override', () => anonymous.post('/api/resources').set('X-Payload-HTTP-Method-Override', 'GET').send({})],
      ['GraphQL', () => anonymous.post('/api/graphql').send({ query: '{ Resources { docs { title } } }' })],
      ['custom endpoint', () => anonymous.get('/api/search?q=memo')],
      ['a file', () => anonymous.get(fileUrl)],
      ['health', () => anonymous.get('/healthz')],
      ['an unknown page', () => anonymous.get('/no-such-page')],
    ]
    for (const [what, call] of cases) expectApiPolicy(await call(), what)
  })

  it('except the development-only GraphQL Playground, which loads its page from jsDelivr and cannot be framed', async () => {
    const res = await request(app.url).get('/api/graphql-playground')
    expect(res.status).toBe(200)
    const policy = directives(res.headers['content-security-policy'])
    expect(policy.get('script-src')).toContain('https://cdn.jsdelivr.net')
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('a file is served with its policy too, so an upload can never run as a page', async () => {
    const res = await request(app.url).get(fileUrl)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('image/png')
    expect(directives(res.headers['content-security-policy']).get('default-src')).toEqual(["'none'"])
  })
})

describe('the admin pages policy', () => {
  let server: http.Server
  let url = ''
  beforeAll(async () => {
    const admin = express()
    // Stands in for Next: answers with the nonce it would put on its inline scripts.
    admin.get('/admin', adminContentSecurityPolicy({ dev: false }), (req, res) => {
      res.json({ seen: req.headers['content-security-policy'] ?? null, reportOnly: req.headers['content-security-policy-report-only'] ?? null })
    })
    server = http.createServer(admin)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  it('gives each response its own nonce, the one Next sees, never a client-sent one', async () => {
    const nonces: string[] = []
    for (let i = 0; i < 2; i++) {
      const res = await request(url)
        .get('/admin')
        .set('Content-Security-Policy', "script-src 'nonce-attacker'")
        .set('Content-Security-Policy-Report-Only', "script-src 'nonce-attacker2'")
      const policy = res.headers['content-security-policy']!
      expect(res.body).toEqual({ seen: policy, reportOnly: null })
      const scripts = directives(policy).get('script-src')!
      const nonce = scripts.find((s) => s.startsWith("'nonce-"))!
      expect(nonce).not.toContain('attacker')
      expect(scripts.filter((s) => s !== nonce)).toEqual(["'self'"])
      nonces.push(nonce)
    }
    expect(nonces[0]).not.toBe(nonces[1])
  })

  it('allows no other host for anything, and no framing', async () => {
    const policy = directives((await request(url).get('/admin')).headers['content-security-policy'])
    for (const [name, sources] of policy) {
      for (const source of sources) expect({ name, source, ok: /^('|data:$|blob:$)/.test(source) }).toEqual({ name, source, ok: true })
    }
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
  })
})
