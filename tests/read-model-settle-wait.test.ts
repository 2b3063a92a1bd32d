/**
 * When the read model may answer around a write to public content (src/readModel/index.ts):
 * - while the write's transaction is open, the model answers as the database stands (the write is
 *   not visible to any read until it commits): reads are not held by an editor's open transaction;
 * - from the moment the commit starts until the write is rendered, the model is never served as it
 *   was: a read waits for the render (briefly, SETTLE_WAIT_MS) and the model answers it with the
 *   write in it; past the wait, Payload answers; once the model has been unsettled for over a
 *   second, reads go to Payload without waiting. Sent to Payload at once instead, such reads were
 *   ten times the work of a model answer each, and under load they held the event loop and
 *   stretched a publish's render from tens to hundreds of milliseconds (docs/BENCHMARKS.md).
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

/** GET `url` as anyone (the public cache emptied first); whether the model answered it. */
async function read(url: string) {
  app.publicCache.clear()
  const served = readModel.stats.served
  const res = await request(app.url).get(url)
  return { status: res.status, body: res.body as Page, fromModel: readModel.stats.served > served }
}

/** A published resource created in a transaction of its own, left open. */
async function openPublish(slug: string, title: string) {
  const req = (await createLocalReq({}, app.payload)) as PayloadRequest
  await initTransaction(req)
  const doc = await app.payload.create({
    collection: 'resources',
    data: { category: 'legislation', reviewStatus: 'published', _status: 'published', publishedAt: new Date().toISOString(), slug, title, jurisdictions: [places['US-NY']] } as never,
    overrideAccess: true,
    req,
  })
  const id = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  return { req, doc, transactional: id !== undefined && id !== null }
}

/**
 * Commits `req`'s transaction, holding the adapter's end of it `holdMs` after the database has
 * committed: the window between a commit and the model hearing of it, stretched. Resolves once the
 * data is committed, with the commit's own promise (which settles later).
 */
async function commitHeld(req: PayloadRequest, holdMs: number) {
  const id = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  const session = (app.payload.db as unknown as { sessions: Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>> }).sessions[String(id)]!
  let committed!: () => void
  const done = new Promise<void>((resolve) => (committed = resolve))
  // drizzle's session resolves (commits) through `resolve`; a MongoDB session through `commitTransaction`.
  const method = typeof session.resolve === 'function' ? 'resolve' : 'commitTransaction'
  const end = session[method]!.bind(session)
  session[method] = async (...args: unknown[]) => {
    const result = await end(...args)
    committed()
    await sleep(holdMs)
    return result
  }
  const commit = commitTransaction(req)
  await done
  return { commit }
}

it("while a publish's transaction is open the model answers as the database stands; once it commits, with the new item", async () => {
  const before = (await read(NEWEST)).body.docs[0]?.id
  const { req, doc, transactional } = await openPublish('rm-wait-second', 'Second ruling')
  const waits = readModel.stats.settleWaits
  const during = await read(NEWEST)
  expect(during.status).toBe(200)
  expect(during.body.docs[0]?.id).toBe(before)
  if (transactional) {
    // Not held by the open transaction, and not sent to Payload for it.
    expect(during.fromModel).toBe(true)
    expect(readModel.stats.settleWaits).toBe(waits)
  } else expect(readModel.settled).toBe(false) // no transaction: the write is visible, the model unsettled at once

  // Committed, not yet rendered (the adapter's end held 150 ms): the read waits and the model answers, with it.
  const { commit } = await commitHeld(req, 150)
  const after = await read(NEWEST)
  await commit
  expect(after).toMatchObject({ status: 200, fromModel: true })
  expect(after.body.docs[0]?.id).toBe(doc.id)
  expect(readModel.stats.settleWaits).toBeGreaterThan(waits)
})

it('a commit whose render lags past the wait does not hold reads: Payload answers them, with the write, then they stop waiting', async () => {
  await readModel.settle()
  const { req } = await openPublish('rm-wait-third', 'Third ruling')
  const { commit } = await commitHeld(req, 1_800)
  try {
    const inVain = readModel.stats.settleWaitsInVain
    const first = await read(NEWEST)
    // Committed: Payload answers, with the write in it (never the model as it was).
    expect(first).toMatchObject({ status: 200, fromModel: false })
    expect(first.body.docs[0]?.title).toBe('Third ruling')
    expect(readModel.stats.settleWaitsInVain).toBe(inVain + 1)

    // Unsettled for over a second now: the next read goes to Payload without waiting.
    await sleep(700)
    const waits = readModel.stats.settleWaits
    const second = await read(NEWEST)
    expect(second).toMatchObject({ status: 200, fromModel: false })
    expect(second.body.docs[0]?.title).toBe('Third ruling')
    expect(readModel.stats.settleWaits).toBe(waits)
  } finally {
    await commit
  }
  await readModel.settle()
  // Settled again: the model answers.
  const after = await read(NEWEST)
  expect(after).toMatchObject({ status: 200, fromModel: true })
  expect(after.body.docs[0]?.title).toBe('Third ruling')
})
