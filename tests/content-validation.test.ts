import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { publishThroughWorkflow } from './helpers/workflow'
import { invalidFields } from './helpers/content'

let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>
let ny: string | number

beforeAll(async () => {
  app = await startTestApp()
  editor = await signIn(app, await createAccount(app, 'editor'))
  ny = (await app.payload.create({ collection: 'jurisdictions', data: { name: 'New York', code: 'US-NY', type: 'state' } })).id
})
afterAll(async () => {
  await app?.stop()
})

const count = async (collection: 'resources' | 'jurisdictions' | 'organizations') =>
  (await app.payload.count({ collection, overrideAccess: true })).totalDocs

/** Sends a create that must be refused: 400, the field named, nothing stored. */
async function expectRefused(collection: 'resources' | 'jurisdictions' | 'organizations', body: object, field: string) {
  const before = await count(collection)
  const res = await editor.post(`/api/${collection}`).send(body)
  expect(res.status).toBe(400)
  expect(invalidFields(res)).toContain(field)
  expect(JSON.stringify(res.body)).toContain(field.split('.')[0]!)
  expect(await count(collection)).toBe(before)
  return res
}

const resource = (overrides: object = {}) => ({ title: 'A resource', category: 'policy', jurisdictions: [ny], ...overrides })

describe('resources', () => {
  it('accepts a valid resource and makes its slug from the title', async () => {
    const res = await editor.post('/api/resources').send(resource({ title: 'Protect Our Courts: Act (2020)' }))
    expect(res.status).toBe(201)
    expect(res.body.doc.slug).toBe('protect-our-courts-act-2020')
    // Once that one is published, the same title again gets a free slug instead of a collision
    // (drafts do not count: tests/security-name-oracles.test.ts).
    await publishThroughWorkflow(editor, res.body.doc.id)
    const again = await editor.post('/api/resources').send(resource({ title: 'Protect Our Courts: Act (2020)' }))
    expect(again.status).toBe(201)
    expect(again.body.doc.slug).toBe('protect-our-courts-act-2020-2')
  })

  it('refuses an unknown category', async () => {
    await expectRefused('resources', resource({ category: 'gossip' }), 'category')
  })

  it('refuses a missing category', async () => {
    await expectRefused('resources', { title: 'No category' }, 'category')
  })

  it('refuses an unknown section, issuer type or legislative status', async () => {
    await expectRefused('resources', resource({ section: 'appendix' }), 'section')
    await expectRefused('resources', resource({ issuerType: 'king' }), 'issuerType')
    await expectRefused('resources', resource({ category: 'legislation', legislativeStatus: 'pending' }), 'legislativeStatus')
  })

  it('refuses the slug of a published resource', async () => {
    const first = await editor.post('/api/resources').send(resource({ slug: 'one-of-a-kind' }))
    expect(first.status).toBe(201)
    await publishThroughWorkflow(editor, first.body.doc.id)
    await expectRefused('resources', resource({ title: 'Another', slug: 'one-of-a-kind' }), 'slug')
  })

  it('refuses a slug that is not URL-safe', async () => {
    await expectRefused('resources', resource({ slug: 'Not A Slug!' }), 'slug')
  })

  it('refuses a link that is not http(s)', async () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.org/x', 'data:text/html,hi', 'not a url']) {
      await expectRefused('resources', resource({ links: [{ label: 'Bad', url }] }), 'links.0.url')
    }
    const ok = await editor.post('/api/resources').send(resource({ links: [{ label: 'Official copy', url: 'https://example.org/a.pdf' }] }))
    expect(ok.status).toBe(201)
  })

  it("refuses a social post over its platform's limit, and accepts one within it", async () => {
    const category = 'social-media'
    await expectRefused('resources', resource({ category, socialPosts: [{ platform: 'x', text: 'a'.repeat(281) }] }), 'socialPosts.0.text')
    await expectRefused(
      'resources',
      resource({ category, socialPosts: [{ platform: 'instagram', text: 'ok' }, { platform: 'bluesky', text: 'b'.repeat(301) }] }),
      'socialPosts.1.text',
    )
    await expectRefused('resources', resource({ category, socialPosts: [{ platform: 'myspace', text: 'hi' }] }), 'socialPosts.0.platform')
    // Emoji count as one character each, as the platforms count them.
    const ok = await editor
      .post('/api/resources')
      .send(resource({ category, socialPosts: [{ platform: 'x', text: '✊'.repeat(280) }, { platform: 'threads', text: 'c'.repeat(500) }] }))
    expect(ok.status).toBe(201)
  })

  it('keeps the slug of a published resource', async () => {
    const created = await editor.post('/api/resources').send(resource({ slug: 'stable-slug' }))
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    await publishThroughWorkflow(editor, id)
    const renamed = await editor.patch(`/api/resources/${id}`).send({ slug: 'new-slug' })
    expect(renamed.status).toBe(400)
    expect(invalidFields(renamed)).toContain('slug')
    const read = await request(app.url).get(`/api/resources/${id}`)
    expect(read.body.slug).toBe('stable-slug')
    // A draft's slug may still change.
    const draft = await editor.post('/api/resources?draft=true').send(resource({ slug: 'draft-slug' }))
    const moved = await editor.patch(`/api/resources/${draft.body.doc.id}?draft=true`).send({ slug: 'draft-slug-2' })
    expect(moved.status).toBe(200)
    expect(moved.body.doc.slug).toBe('draft-slug-2')
  })

  it('refuses a resource that supersedes itself', async () => {
    const created = await editor.post('/api/resources').send(resource({ title: 'Self' }))
    const res = await editor.patch(`/api/resources/${created.body.doc.id}`).send({ supersedes: [created.body.doc.id] })
    expect(res.status).toBe(400)
    expect(invalidFields(res)).toContain('supersedes')
  })
})

describe('jurisdictions', () => {
  it.each([
    ['a lower-case code', { name: 'X', code: 'us-ca', type: 'state' }],
    ['a code outside ISO 3166-2:US', { name: 'X', code: 'US-XX', type: 'state' }],
    ['a country code', { name: 'Canada', code: 'CA', type: 'federal' }],
    ['a state code typed as a territory', { name: 'Texas', code: 'US-TX', type: 'territory' }],
    ['a territory typed as a state', { name: 'Guam', code: 'US-GU', type: 'state' }],
    ['a county without its own part', { name: 'Kings', code: 'US-NY', type: 'county' }],
    ['a county with punctuation', { name: 'Kings', code: 'US-NY-KINGS!', type: 'county' }],
  ])('refuses %s', async (_label, body) => {
    await expectRefused('jurisdictions', body, 'code')
  })

  it('refuses a duplicate code and an unknown type', async () => {
    await expectRefused('jurisdictions', { name: 'New York again', code: 'US-NY', type: 'state' }, 'code')
    await expectRefused('jurisdictions', { name: 'Atlantis', code: 'US-NY-ATL', type: 'kingdom' }, 'type')
  })

  it('accepts a county under its state', async () => {
    const res = await editor.post('/api/jurisdictions').send({ name: 'Kings County', code: 'US-NY-KINGS', type: 'county', parent: ny })
    expect(res.status).toBe(201)
  })
})

describe('organizations', () => {
  it('refuses a website that is not http(s), and an unknown type', async () => {
    await expectRefused('organizations', { name: 'Org', type: 'advocacy', website: 'javascript:alert(1)' }, 'website')
    await expectRefused('organizations', { name: 'Org', type: 'secret-society' }, 'type')
  })
})

describe('access (interim rules)', () => {
  it('lets nobody but editors write content', async () => {
    const before = await count('resources')
    const anonymous = await request(app.url).post('/api/resources').send(resource())
    expect(anonymous.status).toBe(403)
    const contributor = await signIn(app, await createAccount(app, 'contributor'))
    const denied = await contributor.post('/api/jurisdictions').send({ name: 'X', code: 'US-NY-X', type: 'city' })
    expect(denied.status).toBe(403)
    expect(await count('resources')).toBe(before)
  })
})
