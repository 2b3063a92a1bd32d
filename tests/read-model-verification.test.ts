/**
 * The read model stores Payload's anonymous rendering of a resource, and a resource's
 * verification status is derived from the clock (src/verification/status.ts): it turns `due`
 * 30 days before `reviewBy` and `overdue` at it, with no write the model would see. A rendering
 * is therefore never answered past the time its status turns (stale_after), and is re-rendered:
 * the model's answer stays Payload's own, byte for byte, as time passes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { normalised } from './helpers/normalisedJson'
import { readModel } from '../src/readModel'
import { verificationClock } from '../src/verification/clock'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

const DAY = 24 * 60 * 60 * 1000
let app: TestApp
let reviewer: Awaited<ReturnType<typeof signIn>>
let places: Awaited<ReturnType<typeof createJurisdictions>>

const setNow = (at: number) => verificationClock.set(() => new Date(at))
const statusIn = (text: string) => (JSON.parse(text) as { verification?: { status?: string } }).verification?.status

/** Payload's own answer: the read model switched off, the public cache emptied. */
async function payloadAnswer(url: string) {
  readModel.serving = false
  app.publicCache.clear()
  try {
    return normalised((await request(app.url).get(url)).text)
  } finally {
    readModel.serving = true
  }
}

/** The model's answer (the public cache emptied first), and whether the model gave it. */
async function modelAnswer(url: string) {
  app.publicCache.clear()
  const served = readModel.stats.served
  const text = normalised((await request(app.url).get(url)).text)
  return { text, fromModel: readModel.stats.served > served }
}

beforeAll(async () => {
  app = await startTestApp({ READ_MODEL: 'on' })
  places = await createJurisdictions(app)
  reviewer = await signIn(app, await createAccount(app, 'editor', { name: 'Rita Reviewer', legalReviewer: true }))
}, 180_000)
afterEach(() => verificationClock.set())
afterAll(async () => {
  verificationClock.set()
  await app?.stop()
})

describe('a verified resource in the read model, as time passes', () => {
  it('is answered as Payload answers it before and after its status turns due and overdue', async () => {
    // Time only moves forward here, as it does: one resource per query shape.
    for (const shape of ['byId', 'list'] as const) {
      const start = Date.now()
      const slug = `rm-verified-${shape.toLowerCase()}`
      const id = await createPublished(app, { slug, title: 'Verified statute', jurisdictions: [places['US-NY']] })
      const reviewBy = new Date(start + 60 * DAY).toISOString()
      expect((await reviewer.post(`/api/resources/${id}/verify`).send({ reviewBy })).status).toBe(200)
      await readModel.settle()
      const url = shape === 'byId' ? `/api/resources/${id}?depth=0` : `/api/resources?depth=0&where[slug][equals]=${slug}`
      const statusOf = (text: string) => statusIn(shape === 'byId' ? text : JSON.stringify(JSON.parse(text).docs[0]))

      setNow(start)
      const current = await modelAnswer(url)
      expect([current.fromModel, current.text]).toEqual([true, await payloadAnswer(url)])
      expect(statusOf(current.text)).toBe('current')

      for (const [days, status] of [[40, 'due'], [61, 'overdue']] as const) {
        setNow(start + days * DAY)
        const later = await modelAnswer(url)
        const own = await payloadAnswer(url)
        expect(later.text).toBe(own)
        expect(statusOf(later.text)).toBe(status)
        // Re-rendered (the stale rendering was left to Payload): the model answers again, and the same.
        await readModel.settle()
        const again = await modelAnswer(url)
        expect([again.fromModel, again.text]).toEqual([true, own])
      }
      verificationClock.set()
    }
  })
})
