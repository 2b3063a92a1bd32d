/**
 * Two app processes on two ports sharing one SQLite file (WAL) and one real Redis (Debian's
 * redis-server): what one instance publishes the other serves at once, through its public
 * response cache too; the registration rate limit is counted once for both; jobs run in one.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { refusedStart, startInstance, startRedis, type Child } from './helpers/instances'
import { createAccount, startTestApp } from './helpers/testApp'
import { createWebinar, signUp } from './helpers/webinars'
import { publishThroughWorkflow } from './helpers/workflow'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-scale-'))
const databaseUri = `file:${path.join(dir, 'shared.db')}`
let redis: Child | undefined
let a: Child | undefined
let b: Child | undefined
let editor: { email: string; password: string }
let webinarId: string | number

beforeAll(async () => {
  // Fails (does not skip) when redis-server is missing: the shared limit is what this tests.
  redis = await startRedis()
  // The schema, an editor and a published webinar, written by the Local API before the instances start.
  const setup = await startTestApp({ DATABASE_URI: databaseUri })
  try {
    editor = await createAccount(setup, 'editor')
    webinarId = (await createWebinar(setup)).id
  } finally {
    await setup.stop()
  }
  const shared = {
    DATABASE_URI: databaseUri,
    PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
    REDIS_URL: redis.url,
    REGISTRATION_RATE_LIMIT: '3',
  }
  // One after the other: the second finds the schema in place. Only A runs the jobs.
  a = await startInstance({ ...shared, DATA_DIR: path.join(dir, 'a'), JOBS_AUTORUN: 'true' })
  b = await startInstance({ ...shared, DATA_DIR: path.join(dir, 'b'), JOBS_AUTORUN: 'false' })
}, 400_000)

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()])
  await redis?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
}, 60_000)

async function signInTo(url: string, account: { email: string; password: string }) {
  const agent = request.agent(url).set('Origin', url)
  const res = await agent.post('/api/contributors/login').send(account)
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`)
  return agent
}

describe('two instances on one SQLite file and one Redis', () => {
  it('serves on B, at once and through its public cache, what was published through A', async () => {
    const onA = await signInTo(a!.url, editor)
    const title = `Shared-file memo ${crypto.randomBytes(3).toString('hex')}`
    const created = await onA.post('/api/resources').send({ title, category: 'statement' })
    expect(created.status).toBe(201)
    const id = created.body.doc.id as string | number

    const publicList = async () =>
      (await request(b!.url).get('/api/resources').query({ where: { title: { equals: title } } }).expect(200)).body.docs.map(
        (doc: { id: string | number }) => doc.id,
      )
    // B answers the anonymous list twice (the second from its public cache): nothing yet.
    expect(await publicList()).toEqual([])
    expect(await publicList()).toEqual([])
    expect((await request(b!.url).get(`/api/resources/${id}`)).status).toBe(404)

    await publishThroughWorkflow(onA, id)

    // No wait, no retry: B's cache follows the public content version row A's publish wrote.
    expect(await publicList()).toEqual([id])
    const read = await request(b!.url).get(`/api/resources/${id}`)
    expect(read.status).toBe(200)
    expect(read.body.title).toBe(title)
  })

  it('counts webinar registrations against one limit in Redis: 2 on A and 2 on B, the 4th is refused', async () => {
    const register = (url: string) => request(url).post(`/api/webinars/${webinarId}/register`).send(signUp())
    const statuses = [
      (await register(a!.url)).status,
      (await register(a!.url)).status,
      (await register(b!.url)).status,
      (await register(b!.url)).status,
    ]
    expect(statuses).toEqual([202, 202, 202, 429])
    // A remembers B's spending too.
    expect((await register(a!.url)).status).toBe(429)
  })

  it('refuses a third process with JOBS_AUTORUN=true on the same file', async () => {
    const third = await refusedStart({
      DATABASE_URI: databaseUri,
      DATA_DIR: path.join(dir, 'c'),
      PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
      JOBS_AUTORUN: 'true',
    })
    expect(third.code).toBe(1)
    expect(third.output).toMatch(/already runs the jobs/)
  }, 120_000)
})
