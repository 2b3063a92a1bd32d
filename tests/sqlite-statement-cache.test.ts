/**
 * SQLite statements are prepared once per connection and kept (patches/@libsql+client+*.patch):
 * preparing each statement again cost more than running it (docs/BENCHMARKS.md). What a kept
 * statement must never do: serve a snapshot older than another connection's commit, keep the
 * columns of a `select *` from before a schema change, or stay broken after a failed run.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createClient, type Client } from '@libsql/client'
import Database from 'libsql'
import request from 'supertest'
import { readModel } from '../src/readModel'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { startTestApp, type TestApp } from './helpers/testApp'

const prepare = (Database as unknown as { prototype: { prepare: (sql: string) => unknown } }).prototype
const original = prepare.prepare
let prepared: string[] = []

beforeAll(() => {
  prepare.prepare = function (this: unknown, sql: string) {
    prepared.push(sql)
    return original.call(this, sql)
  }
})
afterAll(() => {
  prepare.prepare = original
})

describe('through the app', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp()
    const places = await createJurisdictions(app)
    await createPublished(app, { slug: 'kept-statements', title: 'Kept statements', jurisdictions: [places['US-NY']] })
    await readModel.settle()
  }, 180_000)
  afterAll(async () => {
    readModel.serving = true
    await app?.stop()
  })

  it.each([
    ['a list through Payload', '/api/resources?limit=5&depth=1', false],
    ['a list through the read model', '/api/resources?limit=5&depth=1', true],
    ['GraphQL', '/api/graphql', false],
  ])('prepares no statement again when %s is asked for again', async (_name, url, serving) => {
    readModel.serving = serving
    const ask = () =>
      url.endsWith('graphql') ? request(app.url).post(url).send({ query: '{ Resources(limit: 5) { docs { title jurisdictions { code } } } }' }) : request(app.url).get(url)
    const asked = async () => {
      app.publicCache.clear()
      prepared = []
      return { text: (await ask().expect(200)).text, prepared }
    }
    // A statement is kept from its second run on.
    const first = await asked()
    await asked()
    const third = await asked()
    expect(third.text).toBe(first.text)
    expect(first.prepared.length).toBeGreaterThan(0)
    // Only texts never run before (drizzle names some join aliases at random) are prepared.
    expect(third.prepared.filter((sql) => first.prepared.includes(sql))).toEqual([])
  })
})

describe('a kept statement', () => {
  let dir: string
  let a: Client
  let b: Client
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-statements-'))
    const url = `file:${path.join(dir, `${crypto.randomBytes(4).toString('hex')}.db`)}`
    a = createClient({ url })
    await a.execute('PRAGMA journal_mode = WAL')
    await a.execute('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT UNIQUE)')
    b = createClient({ url })
  })
  afterAll(() => {
    a?.close()
    b?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const names = async (client: Client) => (await client.execute('SELECT name FROM items ORDER BY id')).rows.map((row) => row.name)

  it("sees another connection's commits, in and out of its transactions", async () => {
    expect(await names(a)).toEqual([])
    await b.execute({ sql: 'INSERT INTO items (name) VALUES (?)', args: ['first'] })
    expect(await names(a)).toEqual(['first'])
    const transaction = await b.transaction('write')
    await transaction.execute({ sql: 'INSERT INTO items (name) VALUES (?)', args: ['second'] })
    expect(await names(a)).toEqual(['first'])
    await transaction.commit()
    expect(await names(a)).toEqual(['first', 'second'])
  })

  it('runs again after it failed (a unique violation)', async () => {
    const insert = { sql: 'INSERT INTO items (name) VALUES (?)', args: ['first'] }
    await expect(a.execute(insert)).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' })
    await a.execute({ ...insert, args: ['third'] })
    expect(await names(a)).toEqual(['first', 'second', 'third'])
  })

  it('is not a `select *`: a column added later is shown', async () => {
    const columns = async () => (await a.execute('SELECT * FROM items LIMIT 1')).columns
    expect(await columns()).toEqual(['id', 'name'])
    await b.execute('ALTER TABLE items ADD COLUMN note TEXT')
    await names(a) // a statement read after the change: the connection has read the new schema
    expect(await columns()).toEqual(['id', 'name', 'note'])
  })

  it('fails cleanly once its table is gone', async () => {
    await b.execute('DROP TABLE items')
    await expect(names(a)).rejects.toMatchObject({ code: 'SQLITE_ERROR' })
  })
})
