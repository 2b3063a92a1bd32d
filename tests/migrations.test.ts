/**
 * Production on SQLite: Payload pushes no schema, so the committed migrations (src/db/migrations)
 * must build it at start on an empty file, before tuneSqlite indexes `_locales(_parent_id)`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { migrations } from '../src/db/migrations'
import { createAccount, startTestApp, type TestApp } from './helpers/testApp'

type Sql = { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }

describe('production start on an empty SQLite file', () => {
  let app: TestApp
  let sql: Sql
  beforeAll(async () => {
    // Any SMTP_URL: nothing is mailed here. Jobs off: this test is about the schema.
    app = await startTestApp({ NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:1', JOBS_AUTORUN: 'false' })
    sql = (app.payload.db as unknown as { client: Sql }).client
  }, 120_000)
  afterAll(async () => app?.stop())

  it('applies every committed migration once, as a real batch (not a dev push)', async () => {
    expect(migrations.length).toBeGreaterThan(0)
    const { rows } = await sql.execute('SELECT name, batch FROM payload_migrations ORDER BY name')
    expect(rows.map((row) => [row.name, Number(row.batch)])).toEqual(migrations.map((m) => [m.name, 1]))
  })

  it('creates the tables, and the _locales(_parent_id) indexes after them', async () => {
    const { rows } = await sql.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')")
    const names = rows.map((row) => String(row.name))
    expect(names).toEqual(expect.arrayContaining(['resources', 'resources_locales', 'topics', 'webinar_registrations', 'payload_jobs']))
    expect(names).toEqual(expect.arrayContaining(['resources_locales_parent_id_only_idx', 'topics_locales_parent_id_only_idx']))
    const stats = await sql.execute("SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'")
    expect(Number(stats.rows[0]!.n)).toBe(1) // ANALYZE ran
  })

  it('serves a REST round trip: an editor creates a topic, anyone reads it', async () => {
    const editor = await createAccount(app, 'editor')
    const login = await request(app.url).post('/api/contributors/login').set('Origin', app.url).send(editor)
    expect(login.status).toBe(200)
    const created = await request(app.url)
      .post('/api/topics')
      .set('Authorization', `JWT ${login.body.token}`)
      .send({ name: 'Courthouse arrests', slug: 'courthouse-arrests' })
    expect(created.status).toBe(201)
    const read = await request(app.url).get(`/api/topics/${created.body.doc.id}`)
    expect(read.status).toBe(200)
    expect(read.body).toMatchObject({ name: 'Courthouse arrests', slug: 'courthouse-arrests' })
  })
})
