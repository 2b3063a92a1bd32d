/**
 * SQLite runs every Payload operation in a transaction, the writes of the process taking turns
 * through one lock (src/db/sqliteWriteLock.ts). Proves: a failed operation leaves nothing behind;
 * a write outside a transaction waits for the open one instead of failing with SQLITE_BUSY;
 * reads neither wait nor see uncommitted rows; the connections keep their settings.
 * (MongoDB runs its own transactions with a replica set: these tests are SQLite's.)
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { PayloadRequest } from 'payload'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import { isRead, WriteLock } from '../src/db/sqliteWriteLock'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar, registrationsOf, signUp } from './helpers/webinars'

const sqlite = !process.env.DATABASE_URI?.startsWith('mongodb')
type Sql = { execute: (q: string | { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }> }

let app: TestApp
const client = () => (app.payload.db as unknown as { client: Sql }).client
const scalar = async (sql: string, args: unknown[] = []) => Object.values((await client().execute({ sql, args })).rows[0] ?? {})[0]
const counts = async () => ({
  resources: Number(await scalar('SELECT count(*) FROM resources')),
  locales: Number(await scalar('SELECT count(*) FROM resources_locales')),
  versions: Number(await scalar('SELECT count(*) FROM _resources_v')),
})
const pending = <T,>(promise: Promise<T>) => Promise.race([promise.then(() => 'settled'), new Promise((r) => setTimeout(() => r('pending'), 150))])

describe('the write lock', () => {
  it('hands the lock over in order of arrival, one holder at a time', async () => {
    const lock = new WriteLock()
    const order: number[] = []
    const first = await lock.acquire()
    const waiting = [1, 2, 3].map((n) => lock.acquire().then((release) => (order.push(n), release)))
    expect(lock.busy).toBe(true)
    first()
    for (const next of waiting) (await next)()
    expect(order).toEqual([1, 2, 3])
    expect(lock.busy).toBe(false)
  })

  it('tells reads from writes', () => {
    expect(['SELECT 1', ' select * from x', 'PRAGMA data_version', 'explain query plan select 1'].every(isRead)).toBe(true)
    expect(['INSERT INTO x VALUES (1)', 'update x set a = 1', 'DELETE FROM x', 'PRAGMA busy_timeout = 5000', 'WITH a AS (SELECT 1) DELETE FROM x', 'ANALYZE'].some(isRead)).toBe(false)
  })
})

;(sqlite ? describe : describe.skip)('SQLite writes through Payload', () => {
  beforeAll(async () => {
    app = await startTestApp()
  })
  afterAll(async () => {
    await app?.stop()
  })

  async function transaction() {
    const req = (await createLocalReq({}, app.payload)) as PayloadRequest
    expect(await initTransaction(req)).toBe(true)
    return req
  }

  it('an operation that fails after its first writes leaves nothing of them', async () => {
    const before = await counts()
    const req = await transaction()
    // A resource (main row, locale row, version), then a history entry that cannot be stored.
    const resource = await app.payload.create({ collection: 'resources', data: { title: 'Rolled back', category: 'media' } as never, overrideAccess: true, req })
    expect(await app.payload.count({ collection: 'resources', where: { id: { equals: resource.id } }, overrideAccess: true, req })).toEqual({ totalDocs: 1 })
    await expect(app.payload.create({ collection: 'review-events', data: { resource: resource.id } as never, overrideAccess: true, req })).rejects.toThrow()
    await killTransaction(req)
    expect(await counts()).toEqual(before)
  })

  it('a write outside a transaction waits for the open one instead of failing; reads neither wait nor see it', async () => {
    const before = await counts()
    const req = await transaction()
    const created = await app.payload.create({ collection: 'resources', data: { title: 'Uncommitted', category: 'media' } as never, overrideAccess: true, req })
    // A read on the main connection: answered at once, without the uncommitted row.
    expect(await counts()).toEqual(before)
    const found = await app.payload.find({ collection: 'resources', where: { id: { equals: created.id } }, draft: true, overrideAccess: true })
    expect(found.totalDocs).toBe(0)
    // A write without a transaction (as a webinar registration does) and another operation: both wait.
    const outside = app.payload.create({ collection: 'topics', data: { name: 'Written after the commit' } as never, overrideAccess: true, disableTransaction: true })
    const other = app.payload.create({ collection: 'resources', data: { title: 'Second operation', category: 'media' } as never, overrideAccess: true })
    expect(await pending(outside)).toBe('pending')
    expect(await pending(other)).toBe('pending')
    await commitTransaction(req)
    await expect(outside).resolves.toMatchObject({ name: 'Written after the commit' })
    await expect(other).resolves.toMatchObject({ title: 'Second operation' })
    expect(await counts()).toEqual({ resources: before.resources + 2, locales: before.locales + 2, versions: before.versions + 2 })
  })

  it('concurrent REST writes all succeed (no SQLITE_BUSY), each whole', async () => {
    const agent = await signIn(app, await createAccount(app, 'contributor'))
    const before = await counts()
    const home = await homeJurisdiction(app)
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => agent.post('/api/resources').send({ jurisdictions: [home], title: `Concurrent ${i}`, category: 'media' })),
    )
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201))
    const patched = await Promise.all(answers.map((a) => agent.patch(`/api/resources/${a.body.doc.id}?locale=es`).send({ title: 'Título' })))
    expect(patched.map((a) => a.status)).toEqual(patched.map(() => 200))
    const after = await counts()
    expect(after.resources - before.resources).toBe(30)
    expect(after.versions - before.versions).toBe(60)
    expect(Number(await scalar('SELECT count(*) FROM resources r WHERE (SELECT count(*) FROM _resources_v v WHERE v.parent_id = r.id AND v.latest = 1) <> 1'))).toBe(0)
  })

  it('forgot-password, which writes outside its own transaction before using it, does not wait for itself', async () => {
    const account = await createAccount(app, 'contributor')
    const { default: request } = await import('supertest')
    for (const email of [account.email, 'nobody-here@example.org']) {
      const res = await request(app.url).post('/api/contributors/forgot-password').send({ email })
      expect([email === account.email, res.status]).toEqual([email === account.email, 200])
    }
    expect(await scalar('SELECT reset_password_token IS NOT NULL FROM contributors WHERE id = ?', [account.id])).toBe(1)
  })

  it('a registration stores its row, sends its email, and leaves no outbox entry behind', async () => {
    const { default: request } = await import('supertest')
    const webinar = await createWebinar(app, { capacity: 1 })
    const people = [signUp(), signUp()]
    for (const person of people) expect((await request(app.url).post(`/api/webinars/${webinar.id}/register`).send(person)).status).toBe(202)
    expect((await registrationsOf(app, webinar.id)).map((r) => r.status).sort()).toEqual(['registered', 'waitlisted'])
    expect(people.map((p) => app.mail.to(p.email).length)).toEqual([1, 1])
    const outbox = await app.payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'retryWebinarEmail' } }, overrideAccess: true })
    expect(outbox.totalDocs).toBe(0)
  })

  it('the main connection and the transactions keep the configured settings', async () => {
    expect(Number(await scalar('PRAGMA busy_timeout'))).toBe(5000)
    expect(Number(await scalar('PRAGMA synchronous'))).toBe(1) // NORMAL
    expect(Number(await scalar('PRAGMA cache_size'))).toBe(-64 * 1024) // SQLITE_CACHE_MB's default, in KiB
    const raw = (app.payload.db as unknown as { client: { transaction: () => Promise<Sql & { commit: () => Promise<void> }> } }).client
    const tx = await raw.transaction()
    const inside = async (sql: string) => Object.values((await tx.execute(sql)).rows[0] ?? {})[0]
    expect([Number(await inside('PRAGMA busy_timeout')), Number(await inside('PRAGMA foreign_keys')), await inside('PRAGMA journal_mode'), Number(await inside('PRAGMA cache_size'))]).toEqual([5000, 1, 'wal', -64 * 1024])
    await tx.commit()
  })
})
