import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { CollectionSlug } from 'payload'
import request from 'supertest'
import { CATEGORIES } from '../collections/Resources/options'
import { DEMO_ACCOUNTS, isEmptyDatabase, seed, seedDemoAccounts, seedIfEmpty } from '../seed/seed'
import { resources as seedResources } from '../seed/data/resources'
import { startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
const SEED_PASSWORD = 'demo-password-for-tests'

beforeAll(async () => {
  process.env.SEED_PASSWORD = SEED_PASSWORD
  app = await startTestApp()
})
afterAll(async () => {
  delete process.env.SEED_PASSWORD
  await app?.stop()
})

const COLLECTIONS: CollectionSlug[] = ['jurisdictions', 'organizations', 'topics', 'resources', 'contributors']

async function snapshot() {
  const counts: Record<string, number> = {}
  for (const collection of COLLECTIONS) {
    counts[collection] = (await app.payload.count({ collection, overrideAccess: true })).totalDocs
  }
  counts.resourceVersions = (await app.payload.countVersions({ collection: 'resources', overrideAccess: true })).totalDocs
  const { docs } = await app.payload.find({ collection: 'jurisdictions', limit: 0, pagination: false, depth: 0, sort: 'code' })
  return { counts, updatedAt: docs.map((d) => `${d.code}@${d.updatedAt}`) }
}

describe('seedIfEmpty on a fresh development database', () => {
  it('seeds content and the four demo accounts, the leader and the regional editor for New York', async () => {
    expect(await isEmptyDatabase(app.payload)).toBe(true)
    await seedIfEmpty(app.payload, { production: false })

    const accounts = await app.payload.find({ collection: 'contributors', depth: 1, sort: 'email', overrideAccess: true })
    expect(accounts.docs.map((a) => [a.email, a.role, a.status])).toEqual([
      ['admin@example.org', 'admin', 'active'],
      ['editor-ny@example.org', 'editor', 'active'],
      ['editor@example.org', 'editor', 'active'],
      ['leader@example.org', 'contributor', 'active'],
    ])
    const codes = (i: number) => (accounts.docs[i] as unknown as { jurisdictions: { code: string }[] }).jurisdictions.map((j) => j.code)
    expect([codes(1), codes(2), codes(3)]).toEqual([['US-NY'], [], ['US-NY']])

    const login = await request(app.url).post('/api/contributors/login').send({ email: 'leader@example.org', password: SEED_PASSWORD })
    expect(login.status).toBe(200)
  })

  it('does nothing on a database that is not empty', async () => {
    const before = await snapshot()
    await seedIfEmpty(app.payload, { production: false })
    expect(await snapshot()).toEqual(before)
  })
})

describe('npm run seed', () => {
  it('is idempotent: a second run changes no count, version or timestamp', async () => {
    await seed(app.payload)
    const before = await snapshot()
    await seed(app.payload)
    expect(await snapshot()).toEqual(before)
  })

  it('restores a seeded value an editor changed, without adding documents', async () => {
    const [ny] = (await app.payload.find({ collection: 'jurisdictions', where: { code: { equals: 'US-NY' } } })).docs
    await app.payload.update({ collection: 'jurisdictions', id: ny!.id, data: { name: 'Changed' } })
    const before = (await snapshot()).counts
    await seed(app.payload)
    const [after] = (await app.payload.find({ collection: 'jurisdictions', where: { code: { equals: 'US-NY' } } })).docs
    expect(after!.name).toBe('New York')
    expect((await snapshot()).counts).toEqual(before)
  })

  it('never adds demo accounts once any account exists, nor in production', async () => {
    expect(await seedDemoAccounts(app.payload, { production: false })).toBe(false)
    // (One Payload instance per process: empty the accounts of this one rather than boot another.)
    await app.payload.delete({ collection: 'contributors', where: { id: { exists: true } }, overrideAccess: true })
    expect(await seedDemoAccounts(app.payload, { production: true })).toBe(false)
    expect((await app.payload.count({ collection: 'contributors' })).totalDocs).toBe(0)
    expect(await seedDemoAccounts(app.payload, { production: false })).toBe(true)
    expect((await app.payload.count({ collection: 'contributors' })).totalDocs).toBe(DEMO_ACCOUNTS.length)
  })
})

describe('seeded data', () => {
  it('has the federal level, 50 states, DC, the 5 inhabited territories with ISO codes, and Cook County', async () => {
    const { docs } = await app.payload.find({ collection: 'jurisdictions', pagination: false, depth: 0 })
    const byType = (type: string) => docs.filter((d) => d.type === type).map((d) => d.code)
    expect(byType('federal')).toEqual(['US'])
    expect(byType('state')).toHaveLength(50)
    expect(byType('district')).toEqual(['US-DC'])
    expect(byType('territory').sort()).toEqual(['US-AS', 'US-GU', 'US-MP', 'US-PR', 'US-VI'])
    for (const code of [...byType('state'), ...byType('territory')]) expect(code).toMatch(/^US-[A-Z]{2}$/)
    expect(byType('county')).toEqual(['US-IL-COOK']) // the seeded items' counties
    expect(docs).toHaveLength(58)
  })

  it('gives published resources the published review state, and drafts the draft one', async () => {
    const { docs } = await app.payload.find({ collection: 'resources', pagination: false, depth: 0, draft: true })
    for (const doc of docs) {
      expect({ slug: doc.slug, reviewStatus: doc.reviewStatus }).toEqual({ slug: doc.slug, reviewStatus: doc._status === 'published' ? 'published' : 'draft' })
      if (doc._status === 'published') expect(doc.publishedAt).toBeTruthy()
    }
    // Server code (imports, scripts) creating published content gets the same consistency.
    const made = await app.payload.create({ collection: 'resources', data: { title: 'Made by a script', category: 'media', _status: 'published' } as never })
    expect(made).toMatchObject({ _status: 'published', reviewStatus: 'published' })
    expect(made.publishedAt).toBeTruthy()
  })

  it('covers every category with published resources in several jurisdictions', async () => {
    const { docs } = await app.payload.find({ collection: 'resources', pagination: false, depth: 1, where: { _status: { equals: 'published' } } })
    expect(new Set(docs.map((d) => d.category))).toEqual(new Set(CATEGORIES.map((c) => c.value)))
    const codes = new Set(docs.flatMap((d) => (d.jurisdictions as { code: string }[]).map((j) => j.code)))
    expect(codes.size).toBeGreaterThanOrEqual(6)
  })

  it('marks every demo resource as demo content in its summary', () => {
    for (const r of seedResources.filter((r) => r.slug.startsWith('demo-'))) {
      expect(r.en.summary).toMatch(/^Demo content, not a real document/)
      if (r.es) expect(r.es.summary).toMatch(/^Contenido de demostración/)
    }
  })

  it('names the demo accounts it documents', () => {
    expect(DEMO_ACCOUNTS.map((a) => a.email)).toEqual(['admin@example.org', 'editor@example.org', 'editor-ny@example.org', 'leader@example.org'])
  })
})
