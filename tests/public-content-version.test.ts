/**
 * The public cache stays warm through everything that does not change what anonymous readers see
 * (logins, sign-ups, drafts, review events, subscriptions, jobs) and is never stale after what
 * does (publish, unpublish, archive, a published edit, a jurisdiction or organization a published
 * resource shows): src/cache/publicContentVersion.ts, src/cache/publicContentWrites.ts.
 * Hits and misses are read from the app's cache counters, as in tests/public-cache.test.ts.
 */
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { sharedSupersededSet } from '../collections/Resources/hooks/reportSuperseded'
import { pdfBytes } from './helpers/content'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar, signUp } from './helpers/webinars'
import { CHECKLIST, publishThroughWorkflow } from './helpers/workflow'

type Id = string | number
type Agent = Awaited<ReturnType<typeof signIn>>

let app: TestApp
let editor: Agent
let leader: Agent
let leaderAccount: { email: string; password: string }
let home: Id
let organization: Id
let published: Id
let webinar: Id

const LIST = '/api/resources?limit=100&depth=1&sort=-updatedAt'
type Listed = { id: Id; title: string; jurisdictions: { name: string }[]; organizations: { name: string }[] }
const list = async () => (await request(app.url).get(LIST).expect(200)).body.docs as Listed[]
const titles = async () => (await list()).map((doc) => doc.title)

/** Runs `action` between two anonymous reads of the list; says whether the second was a cache hit. */
async function nextReadAfter(action: () => Promise<unknown>): Promise<'hit' | 'miss'> {
  await list() // stored (or already current)
  const before = { ...app.publicCache.stats }
  await action()
  await list()
  const { hits, misses } = app.publicCache.stats
  if (hits === before.hits + 1 && misses === before.misses) return 'hit'
  if (misses === before.misses + 1 && hits === before.hits) return 'miss'
  throw new Error(`unexpected cache counts: ${JSON.stringify({ before, after: app.publicCache.stats })}`)
}

const unique = (what: string) => `${what} ${crypto.randomBytes(3).toString('hex')}`

/** A leader's draft, in the leader's jurisdiction. */
async function leaderDraft(title = unique('Draft memo')): Promise<Id> {
  const res = await leader.post('/api/resources').send({ title, category: 'statement', jurisdictions: [home] })
  expect(res.status).toBe(201)
  return res.body.doc.id as Id
}

async function publishedByEditor(title = unique('Published memo')): Promise<Id> {
  const id = await leaderDraft(title)
  await publishThroughWorkflow(editor, id)
  return id
}

beforeAll(async () => {
  app = await startTestApp()
  home = await homeJurisdiction(app)
  organization = (await app.payload.create({ collection: 'organizations', data: { name: 'Court Watch', slug: 'court-watch', type: 'advocacy' } as never, overrideAccess: true })).id
  editor = await signIn(app, await createAccount(app, 'editor'))
  leaderAccount = await createAccount(app, 'contributor')
  leader = await signIn(app, leaderAccount)
  published = await publishedByEditor('Standing memo')
  await app.payload.update({ collection: 'resources', id: published, data: { organizations: [organization] } as never, overrideAccess: true, depth: 0 })
  webinar = (await createWebinar(app, { capacity: 50 })).id
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

describe('writes that change nothing public leave the public cache warm', () => {
  it.each<[string, () => Promise<unknown>]>([
    ['a login', () => request(app.url).post('/api/contributors/login').send(leaderAccount).expect(200)],
    ['a failed login', () => request(app.url).post('/api/contributors/login').send({ ...leaderAccount, password: 'not-the-password-123' }).expect(401)],
    ['an account sign-up', () => request(app.url).post('/api/contributors').send({ name: 'New Leader', email: `${unique('new').replace(' ', '-')}@example.org`, password: 'velvet-orbit-lantern-92x' })],
    ['a webinar registration', () => request(app.url).post(`/api/webinars/${webinar}/register`).send(signUp()).expect(202)],
    ['a subscription', () => request(app.url).post('/api/subscriptions').send({ email: 'reader@example.org', jurisdictions: ['US-VT'], frequency: 'daily', language: 'en' }).expect(202)],
    ['a new draft', () => leaderDraft()],
    ['a draft saved', async () => leader.patch(`/api/resources/${await leaderDraft()}`).send({ summary: 'A change in a draft.' }).expect(200)],
    ['a draft saved over a published resource', () => editor.patch(`/api/resources/${published}`).send({ summary: 'Proposed, not yet published.' }).expect(200)],
    ['a review event (submit)', async () => leader.post(`/api/resources/${await leaderDraft()}/workflow`).send({ action: 'submit' }).expect(200)],
    [
      'a review event (changes requested)',
      async () => {
        const id = await leaderDraft()
        await leader.post(`/api/resources/${id}/workflow`).send({ action: 'submit' }).expect(200)
        await editor.post(`/api/resources/${id}/workflow`).send({ action: 'request_changes', note: 'Cite the source.' }).expect(200)
      },
    ],
    [
      'a job queued and run',
      async () => {
        const { id } = await createAccount(app, 'contributor')
        await app.payload.jobs.queue({ task: 'sendEmail', input: { template: 'activated', contributor: String(id) } as never })
        const before = app.mail.messages.length
        await app.payload.jobs.run({ limit: 100 })
        expect(app.mail.messages.length).toBeGreaterThan(before)
      },
    ],
    ['a webhook configured', () => editor.post('/api/webhooks').send({ name: 'Toolkit site', url: 'http://127.0.0.1:9/hook' }).expect(201)],
    ['an audited read of registrations (an audit row)', () => editor.get('/api/webinar-registrations').expect(200)],
    ['an unpublished file uploaded', () => uploadFile('Scan')],
    ['an unlinked file renamed', async () => editor.patch(`/api/documents/${await uploadFile('Scan')}`).send({ title: 'Scan, renamed' }).expect(200)],
  ])('%s', async (_what, action) => {
    expect(await nextReadAfter(action)).toBe('hit')
  })

  it('the published resource still reads as published (the draft over it stays private)', async () => {
    const doc = (await list()).find((d) => d.id === published)
    expect(doc?.title).toBe('Standing memo')
    expect(JSON.stringify(doc)).not.toContain('Proposed, not yet published.')
  })
})

describe('writes that change what the public sees are served at once', () => {
  it('publish', async () => {
    const title = unique('Newly published memo')
    const id = await leaderDraft(title)
    await leader.post(`/api/resources/${id}/workflow`).send({ action: 'submit' }).expect(200)
    expect(await nextReadAfter(() => editor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST }).expect(200))).toBe('miss')
    expect(await titles()).toContain(title)
  })

  it("a published resource's edit, once published", async () => {
    const id = await publishedByEditor()
    const revised = unique('Revised memo')
    expect(await nextReadAfter(() => editor.patch(`/api/resources/${id}`).send({ title: revised }).expect(200))).toBe('hit')
    expect(await titles()).not.toContain(revised)
    expect(await nextReadAfter(() => publishThroughWorkflow(editor, id))).toBe('miss')
    expect(await titles()).toContain(revised)
  })

  it('an edit of a published resource by server code (Local API, published directly)', async () => {
    const id = await publishedByEditor()
    const title = unique('Edited by server code')
    expect(await nextReadAfter(() => app.payload.update({ collection: 'resources', id, data: { title } as never, overrideAccess: true, depth: 0 }))).toBe('miss')
    expect(await titles()).toContain(title)
  })

  it.each(['unpublish', 'archive'])('%s', async (action) => {
    const title = unique(`To ${action}`)
    const id = await publishedByEditor(title)
    expect(await titles()).toContain(title)
    expect(await nextReadAfter(() => editor.post(`/api/resources/${id}/workflow`).send({ action }).expect(200))).toBe('miss')
    expect(await titles()).not.toContain(title)
  })

  it('a delete of a published resource', async () => {
    const title = unique('To delete')
    const id = await publishedByEditor(title)
    expect(await titles()).toContain(title)
    expect(await nextReadAfter(() => editor.delete(`/api/resources/${id}`).expect(200))).toBe('miss')
    expect(await titles()).not.toContain(title)
  })

  it('a publish at its scheduled time, by the jobs runner', async () => {
    const title = unique('Scheduled memo')
    const id = await leaderDraft(title)
    await leader.post(`/api/resources/${id}/workflow`).send({ action: 'submit' }).expect(200)
    const publishAt = new Date(Date.now() + 1000).toISOString()
    await editor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST, publishAt }).expect(200)
    expect(await titles()).not.toContain(title)
    await new Promise((resolve) => setTimeout(resolve, Date.parse(publishAt) - Date.now() + 100))
    expect(await nextReadAfter(() => app.payload.jobs.run({ limit: 100 }))).toBe('miss')
    expect(await titles()).toContain(title)
  })

  it('a file a published resource links, renamed', async () => {
    const file = await uploadFile('Court order')
    const id = await publishedByEditor()
    await app.payload.update({ collection: 'resources', id, data: { documents: [file] } as never, overrideAccess: true, depth: 0 })
    const documentTitles = async () =>
      ((await request(app.url).get(`${LIST}&where[id][equals]=${id}`).expect(200)).body.docs[0].documents as { title: string }[]).map((d) => d.title)
    expect(await documentTitles()).toEqual(['Court order'])
    await editor.patch(`/api/documents/${file}`).send({ title: 'Court order, signed' }).expect(200)
    expect(await documentTitles()).toEqual(['Court order, signed'])
  })

  it('a jurisdiction renamed', async () => {
    const name = unique('Vermont')
    expect(await nextReadAfter(() => editor.patch(`/api/jurisdictions/${home}`).send({ name }).expect(200))).toBe('miss')
    expect((await list()).find((d) => d.id === published)?.jurisdictions.map((j) => j.name)).toEqual([name])
  })

  it('an organization edited', async () => {
    const name = unique('Court Watch')
    expect(await nextReadAfter(() => editor.patch(`/api/organizations/${organization}`).send({ name }).expect(200))).toBe('miss')
    expect((await list()).find((d) => d.id === published)?.organizations.map((o) => o.name)).toEqual([name])
  })

  it('a topic created, through GraphQL', async () => {
    const name = unique('Warrants')
    const topics = async () => (await request(app.url).get('/api/topics?limit=100').expect(200)).body.docs.map((t: { name: string }) => t.name)
    await topics()
    const res = await editor.post('/api/graphql').send({ query: `mutation { createTopic(data: { name: "${name}", slug: "${name.replace(/\W+/g, '-').toLowerCase()}" }) { id } }` })
    expect(res.body.errors).toBeUndefined()
    expect(await topics()).toContain(name)
  })
})

describe('derived caches are bounded', () => {
  it('the superseded set is read again after its TTL, even when a change ran no hooks (the version did not move)', async () => {
    const old = await publishedByEditor()
    const successor = await publishedByEditor()
    const superseded = async () => (await editor.get(`/api/resources/${old}`).expect(200)).body.superseded as boolean
    expect(await superseded()).toBe(false)
    // Through the adapter: no hooks, so the public content version stays as it was.
    await app.payload.db.updateOne({ collection: 'resources', id: successor, data: { supersedes: [old] }, returning: false } as never)
    expect(await superseded()).toBe(false) // within the TTL: the shared set, as the version says
    sharedSupersededSet.ttlMs = 0
    try {
      expect(await superseded()).toBe(true)
    } finally {
      sharedSupersededSet.ttlMs = 60_000
    }
  })
})

describe('operators see the cache work', () => {
  it('GET /metrics counts the public cache hits and misses', async () => {
    await list()
    await list()
    const metrics = (await request(app.url).get('/metrics').expect(200)).text
    const count = (result: string) => Number(new RegExp(`^public_cache_lookups_total\\{result="${result}"\\} (\\d+)$`, 'm').exec(metrics)?.[1])
    expect(count('hit')).toBe(app.publicCache.stats.hits)
    expect(count('miss')).toBe(app.publicCache.stats.misses)
    expect(count('hit')).toBeGreaterThan(0)
  })
})

describe('answers with live counts are not kept', () => {
  it("a webinar's seatsLeft follows registrations (webinars are not served from the cache)", async () => {
    const seats = async () => (await request(app.url).get(`/api/webinars/${webinar}`).expect(200)).body.seatsLeft as number
    const before = await seats()
    const stats = { ...app.publicCache.stats }
    await request(app.url).post(`/api/webinars/${webinar}/register`).send(signUp()).expect(202)
    expect(await seats()).toBe(before - 1)
    expect(app.publicCache.stats).toEqual(stats)
  })
})

async function uploadFile(title: string): Promise<Id> {
  const data = pdfBytes()
  const doc = await app.payload.create({ collection: 'documents', data: { title } as never, file: { data, mimetype: 'application/pdf', name: 'scan.pdf', size: data.length }, overrideAccess: true })
  return doc.id
}
