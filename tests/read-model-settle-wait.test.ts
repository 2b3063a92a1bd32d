/**
 * A read that arrives while a write to public content is being rendered into the read model waits
 * for it (briefly) and is then answered by the model, with the write in it; until then the model
 * is never served (src/readModel/index.ts, SETTLE_WAIT_MS). Sent to Payload at once instead, such
 * reads were ten times the work of a model answer each, and under load they held the event loop and
 * stretched a publish's render from tens to hundreds of milliseconds (docs/BENCHMARKS.md, session 11).
 * A write whose transaction stays open longer does not hold reads: they wait out the bound, then
 * Payload answers; and once the model has been unsettled for over a second, they do not wait at all.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { commitTransaction, createLocalReq, initTransaction, type PayloadRequest } from 'payload'
import request from 'supertest'
import { readModel } from '../src/readModel'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
let places: Awaited<ReturnType<typeof createJurisdictions>>
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const NEWEST = '/api/resources?limit=1&depth=0'

beforeAll(async () => {
  app = await startTestApp({ READ_MODEL: 'on' })
  places = await createJurisdictions(app)
  await createPublished(app, { slug: 'rm-wait-first', title: 'First ruling', jurisdictions: [places['US-NY']] })
  await readModel.settle()
}, 180_000)
afterAll(async () => {
  await app?.stop()
})

type Page = { docs: { id: unknown; title?: string }[] }

/** GET `url` as anyone (the public cache emptied first); whether the model answered, and whether before `committed`. */
function read(url: string, committed: { at?: number }) {
  app.publicCache.clear()
  const served = readModel.stats.served
  return request(app.url)
    .get(url)
    .then((res) => ({ status: res.status, body: res.body as Page, fromModel: readModel.stats.served > served, beforeCommit: committed.at === undefined }))
}

it('a read that arrives during the render of a publish waits for it and is answered by the model, with the new item', async () => {
  const req = (await createLocalReq({}, app.payload)) as PayloadRequest
  await initTransaction(req)
  const created = await app.payload.create({
    collection: 'resources',
    data: { category: 'legislation', reviewStatus: 'published', _status: 'published', publishedAt: new Date().toISOString(), slug: 'rm-wait-second', title: 'Second ruling', jurisdictions: [places['US-NY']] } as never,
    overrideAccess: true,
    req,
  })
  expect(readModel.settled).toBe(false)
  const committed: { at?: number } = {}
  const answer = read(NEWEST, committed)
  await sleep(50)
  await commitTransaction(req)
  committed.at = Date.now()
  const res = await answer
  expect(res.status).toBe(200)
  expect(res.beforeCommit).toBe(false)
  expect(res.fromModel).toBe(true)
  expect(res.body.docs.map((doc) => doc.id)).toEqual([created.id])
})

it('a write left open past the wait does not hold reads: Payload answers them, then they stop waiting', async () => {
  await readModel.settle()
  const before = (await read(NEWEST, {})).body.docs[0]?.id
  const req = (await createLocalReq({}, app.payload)) as PayloadRequest
  await initTransaction(req)
  await app.payload.create({
    collection: 'resources',
    data: { category: 'legislation', reviewStatus: 'published', _status: 'published', publishedAt: new Date().toISOString(), slug: 'rm-wait-third', title: 'Third ruling', jurisdictions: [places['US-NY']] } as never,
    overrideAccess: true,
    req,
  })
  const committed: { at?: number } = {}
  try {
    const inVain = readModel.stats.settleWaitsInVain
    const first = await read(NEWEST, committed)
    // Answered while the write is still open: by Payload, as the database stands (the write not in it).
    expect(first).toMatchObject({ status: 200, beforeCommit: true, fromModel: false })
    expect(first.body.docs[0]?.id).toBe(before)
    expect(readModel.stats.settleWaitsInVain).toBe(inVain + 1)

    // Unsettled for over a second now: the next read goes to Payload without waiting.
    await sleep(1_100)
    const waits = readModel.stats.settleWaits
    const second = await read(NEWEST, committed)
    expect(second).toMatchObject({ status: 200, beforeCommit: true, fromModel: false })
    expect(readModel.stats.settleWaits).toBe(waits)
  } finally {
    await commitTransaction(req)
    committed.at = Date.now()
  }
  await readModel.settle()
  // Settled again: reads wait again when a render is under way, and the model answers.
  const after = await read(NEWEST, committed)
  expect(after).toMatchObject({ status: 200, fromModel: true })
  expect(after.body.docs[0]?.title).toBe('Third ruling')
})
