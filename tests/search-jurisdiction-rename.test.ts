/**
 * Renaming a jurisdiction re-indexes its resources outside the editor's transaction: a job
 * queued in that transaction and run after its commit, in batches, each resource alone
 * (src/search/reindexJurisdiction.ts). The rename never waits on (or fails with) the
 * re-indexing; a failed run is left to the queue's retries, and search ends consistent.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { backgroundIdle } from '../src/jobs/background'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
let ny: string | number
let restore = () => undefined as void
beforeAll(async () => {
  app = await startTestApp()
  ny = (await createJurisdictions(app))['US-NY']
}, 120_000)
afterEach(() => restore())
afterAll(async () => {
  await app?.stop()
})

const found = async (jurisdiction: string) =>
  ((await request(app.url).get(`/api/search?q=quixotic&jurisdiction=${jurisdiction}&limit=50`)).body.docs as { slug: string }[]).map((d) => d.slug).sort()

/** Makes every write of a search entry fail, as a database that times out would. */
const failSearchWrites = () => {
  const db = app.payload.db as unknown as { create: (args: { collection: string }) => Promise<unknown> }
  const original = db.create
  db.create = async function (this: unknown, args) {
    if (args.collection === 'search-entries') throw new Error('search index unavailable')
    return original.call(this, args)
  }
  restore = () => void (db.create = original)
}

describe('renaming a jurisdiction', () => {
  it('answers at once, and its resources are found under the new code once the job has run, in batches', async () => {
    const place = (await app.payload.create({ collection: 'jurisdictions', data: { code: 'US-NY-QUEENS', name: 'Queens', type: 'county', parent: ny } as never, overrideAccess: true })).id
    const slugs = Array.from({ length: 101 }, (_, i) => `quixotic-${String(i).padStart(3, '0')}`)
    for (const slug of slugs) await createPublished(app, { slug, title: `Quixotic ${slug}`, jurisdictions: [place] })
    const admin = await signIn(app, await createAccount(app, 'admin'))
    const renamed = await admin.patch(`/api/jurisdictions/${place}`).send({ code: 'US-NY-QNS' })
    expect(renamed.status).toBe(200)
    await backgroundIdle()
    // More than one batch (100): every resource, not only the first page read.
    const hits = (await request(app.url).get('/api/search?q=quixotic&jurisdiction=US-NY-QNS&limit=50&page=3')).body
    expect([hits.totalDocs, hits.docs.length]).toEqual([101, 1])
    expect(await found('US-NY-QUEENS')).toEqual([])
  }, 120_000)

  it('commits the rename even when re-indexing fails; the queue re-runs the job and search ends consistent', async () => {
    const place = (await app.payload.create({ collection: 'jurisdictions', data: { code: 'US-NY-BRONX', name: 'Bronx', type: 'county', parent: ny } as never, overrideAccess: true })).id
    await createPublished(app, { slug: 'quixotic-bronx', title: 'Quixotic Bronx', jurisdictions: [place] })
    const admin = await signIn(app, await createAccount(app, 'admin'))
    failSearchWrites()
    const renamed = await admin.patch(`/api/jurisdictions/${place}`).send({ code: 'US-NY-BX' })
    expect(renamed.status).toBe(200)
    await backgroundIdle()
    restore()
    const stored = await app.payload.findByID({ collection: 'jurisdictions', id: place, depth: 0, overrideAccess: true })
    expect(stored.code).toBe('US-NY-BX')
    const { docs } = await app.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'reindexJurisdiction' } }, depth: 0, overrideAccess: true })
    expect(docs.length).toBe(1)
    // Not yet re-indexed; this answer is now in the public cache, which the job must move past.
    expect(await found('US-NY-BX')).toEqual([])
    // The queue's retry (due after its backoff; run now here).
    await app.payload.update({ collection: 'payload-jobs', id: docs[0]!.id, data: { waitUntil: new Date(Date.now() - 1000).toISOString() } as never, overrideAccess: true, depth: 0 })
    await app.payload.jobs.run({ overrideAccess: true, silent: true })
    expect(await found('US-NY-BX')).toEqual(['quixotic-bronx'])
  })
})
