/**
 * The read model renders a write after its commit, through Payload's own reads on the database's
 * main connection. On Node 24 that connection was seen reading from a snapshot older than a commit
 * made just before on the writer connection (src/db/sqliteWriteLock.ts): the rendering stored
 * then was the old one, and was served as current (a successor's publish left the older item
 * `superseded: false`). So a render first waits until the main connection sees the write's own
 * pending mark (ReadModel.untilVisible), and the model's writes never use the main connection.
 * Here the old snapshot is held on purpose, with an open read transaction on the main connection.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import request from 'supertest'
import { readModel } from '../src/readModel'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { startTestApp, type TestApp } from './helpers/testApp'

type Client = { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }
let app: TestApp
let places: Awaited<ReturnType<typeof createJurisdictions>>

beforeAll(async () => {
  app = await startTestApp({ READ_MODEL: 'on' })
  places = await createJurisdictions(app)
}, 180_000)
afterAll(async () => {
  await app?.stop()
})

/** The model's answer for `url` (the public cache emptied first), and whether the model gave it. */
async function modelAnswer(url: string) {
  app.publicCache.clear()
  const served = readModel.stats.served
  const res = await request(app.url).get(url)
  return { body: res.body as { superseded?: boolean; docs?: { id: unknown }[] }, fromModel: readModel.stats.served > served }
}

it('renders a successor published while the reading connection holds an older snapshot as the commit left it', async () => {
  if (app.payload.db.name !== 'sqlite') return // the connection pair is SQLite's (src/db/sqliteWriteLock.ts)
  const older = await createPublished(app, { slug: 'rm-stale-older', title: 'Older directive', category: 'judicial-rule', jurisdictions: [places['US-NY']] })
  await readModel.settle()
  expect(await modelAnswer(`/api/resources/${older}?depth=0`)).toMatchObject({ body: { superseded: false }, fromModel: true })

  // An old snapshot on the main connection: everything read there from now on predates the publish below.
  const main = (app.payload.db as unknown as { client: Client }).client
  await main.execute('BEGIN')
  await main.execute('SELECT count(*) FROM resources')
  let released = false
  try {
    const successor = await createPublished(app, { slug: 'rm-stale-successor', title: 'Newer directive', category: 'judicial-rule', supersedes: [older], jurisdictions: [places['US-NY']] })
    // The render waits for the snapshot to end rather than storing what it shows.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(readModel.settled).toBe(false)
    await main.execute('COMMIT')
    released = true
    await readModel.settle()
    expect(await modelAnswer(`/api/resources/${older}?depth=0`)).toMatchObject({ body: { superseded: true }, fromModel: true })
    const list = await modelAnswer('/api/resources?depth=0&where[slug][equals]=rm-stale-successor')
    expect(list.fromModel).toBe(true)
    expect(list.body.docs?.map((doc) => doc.id)).toEqual([successor])
  } finally {
    if (!released) await main.execute('COMMIT')
  }
})
