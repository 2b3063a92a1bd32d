/**
 * An answer of the read model is written as a public cache hit is (src/http/payloadApi.ts): no web
 * Request or Response is built for it. It must be indistinguishable from Payload's own answer to
 * the same request: the same bytes (so the same ETag), the same caching and CORS headers, for any
 * origin, and a 304 for a client holding its ETag.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import request from 'supertest'
import { readModel } from '../src/readModel'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
let id: string | number

beforeAll(async () => {
  app = await startTestApp({ READ_MODEL: 'on', CORS_ORIGINS: 'https://toolkit.example.org' })
  const places = await createJurisdictions(app)
  id = await createPublished(app, { slug: 'rm-headers', title: 'Headers', jurisdictions: [places['US-NY']] })
  await readModel.settle()
}, 180_000)
afterAll(async () => {
  await app?.stop()
})

const SHOWN = ['content-type', 'cache-control', 'vary', 'etag', 'access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-methods', 'access-control-allow-headers', 'set-cookie']

async function answer(url: string, headers: Record<string, string>, serving: boolean) {
  readModel.serving = serving
  app.publicCache.clear()
  const served = readModel.stats.served
  try {
    let call = request(app.url).get(url)
    for (const [name, value] of Object.entries(headers)) call = call.set(name, value)
    const res = await call
    return { status: res.status, text: res.text, fromModel: readModel.stats.served > served, headers: Object.fromEntries(SHOWN.map((name) => [name, res.headers[name]])) }
  } finally {
    readModel.serving = true
  }
}

it('answers with the bytes and headers Payload gives, for every origin, and 304 to a client holding its ETag', async () => {
  for (const url of [`/api/resources/${id}?depth=0`, '/api/resources?depth=1&where[slug][equals]=rm-headers']) {
    const origins: Record<string, string>[] = [{}, { origin: 'https://toolkit.example.org' }, { origin: 'https://elsewhere.example.com' }]
    for (const headers of origins) {
      const model = await answer(url, headers, true)
      const payload = await answer(url, headers, false)
      expect(model.fromModel).toBe(true)
      expect(payload.fromModel).toBe(false)
      expect(model.status).toBe(200)
      expect(model.text).toBe(payload.text)
      expect(model.headers).toEqual(payload.headers)
      const again = await answer(url, { ...headers, 'if-none-match': String(model.headers.etag) }, true)
      expect(again).toMatchObject({ status: 304, text: '', fromModel: true })
    }
  }
})
