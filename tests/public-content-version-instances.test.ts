/**
 * Two app instances on one SQLite file: this test's app (A, in this process, whose cache
 * counters the test reads) and a second process (B, `src/start.ts`). Each sees the other's
 * publish on its very next anonymous read, through its public cache; B's logins and drafts leave
 * A's cache warm. The version is a row both read (src/cache/publicContentVersion.ts).
 */
import crypto from 'node:crypto'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { startInstance, type Child } from './helpers/instances'
import { createAccount, homeJurisdiction, startTestApp, type TestApp } from './helpers/testApp'
import { publishThroughWorkflow } from './helpers/workflow'

type Id = string | number

let a: TestApp
let b: Child | undefined
let editor: { email: string; password: string }
let home: Id

const LIST = '/api/resources?limit=100&depth=1'
type Listed = { id: Id; title: string; jurisdictions: { name: string }[] }
const listOn = async (url: string) => (await request(url).get(LIST).expect(200)).body.docs as Listed[]
const titlesOn = async (url: string) => (await listOn(url)).map((doc) => doc.title)
const unique = (what: string) => `${what} ${crypto.randomBytes(3).toString('hex')}`

async function signInTo(url: string) {
  const agent = request.agent(url).set('Origin', url)
  const res = await agent.post('/api/contributors/login').send(editor)
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`)
  return agent
}

/** Whether A's next anonymous read of the list after `action` is a cache hit. */
async function nextReadOnAAfter(action: () => Promise<unknown>): Promise<'hit' | 'miss'> {
  await listOn(a.url)
  const before = { ...a.publicCache.stats }
  await action()
  await listOn(a.url)
  const { hits, misses } = a.publicCache.stats
  if (hits === before.hits + 1 && misses === before.misses) return 'hit'
  if (misses === before.misses + 1 && hits === before.hits) return 'miss'
  throw new Error(`unexpected cache counts: ${JSON.stringify({ before, after: a.publicCache.stats })}`)
}

beforeAll(async () => {
  const secret = crypto.randomBytes(32).toString('hex')
  a = await startTestApp({ PAYLOAD_SECRET: secret })
  editor = await createAccount(a, 'editor')
  home = await homeJurisdiction(a)
  const file = (a.payload.db as unknown as { clientConfig: { url: string } }).clientConfig.url
  b = await startInstance({ DATABASE_URI: file, DATA_DIR: path.join(path.dirname(file.replace(/^file:/, '')), 'b'), PAYLOAD_SECRET: secret, JOBS_AUTORUN: 'false' })
}, 300_000)

afterAll(async () => {
  await b?.stop()
  await a?.stop()
}, 60_000)

describe('two instances on one SQLite file', () => {
  it("B's login and draft leave A's public cache warm; B's publish is A's next read", async () => {
    const onB = await signInTo(b!.url)
    expect(await nextReadOnAAfter(() => signInTo(b!.url))).toBe('hit')
    const title = unique('Published on B')
    let id: Id = 0
    expect(
      await nextReadOnAAfter(async () => {
        const created = await onB.post('/api/resources').send({ title, category: 'statement', jurisdictions: [home] }).expect(201)
        id = created.body.doc.id as Id
      }),
    ).toBe('hit')
    expect(await titlesOn(a.url)).not.toContain(title)
    expect(await nextReadOnAAfter(() => publishThroughWorkflow(onB, id))).toBe('miss')
    expect(await titlesOn(a.url)).toContain(title)
  })

  it("A's publish and jurisdiction rename are B's next reads (B's cache warm before)", async () => {
    const onA = await signInTo(a.url)
    const title = unique('Published on A')
    const created = await onA.post('/api/resources').send({ title, category: 'statement', jurisdictions: [home] }).expect(201)
    await titlesOn(b!.url)
    expect(await titlesOn(b!.url)).not.toContain(title)
    await publishThroughWorkflow(onA, created.body.doc.id as Id)
    expect(await titlesOn(b!.url)).toContain(title)

    const name = unique('Vermont')
    await onA.patch(`/api/jurisdictions/${home}`).send({ name }).expect(200)
    const doc = (await listOn(b!.url)).find((d) => d.title === title)
    expect(doc?.jurisdictions.map((j) => j.name)).toEqual([name])
  })

  it("B's publish of a successor marks the old resource superseded on A at once (the superseded set follows the version)", async () => {
    const onA = await signInTo(a.url)
    const onB = await signInTo(b!.url)
    const old = (await onA.post('/api/resources').send({ title: unique('Old memo'), category: 'statement', jurisdictions: [home] }).expect(201)).body.doc.id as Id
    await publishThroughWorkflow(onA, old)
    const superseded = async () => (await request(a.url).get(`/api/resources/${old}`).expect(200)).body.superseded as boolean
    expect(await superseded()).toBe(false)
    expect(await superseded()).toBe(false)
    const successor = await onB.post('/api/resources').send({ title: unique('New memo'), category: 'statement', jurisdictions: [home], supersedes: [old] }).expect(201)
    expect(await superseded()).toBe(false) // a draft successor does not count
    await publishThroughWorkflow(onB, successor.body.doc.id as Id)
    expect(await superseded()).toBe(true)
  })
})
