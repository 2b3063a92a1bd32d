/**
 * A unique name must not reveal a hidden document. Resource slugs are unique among published
 * resources only (fields/slug.ts): a slug someone else's draft holds is accepted, and a slug made
 * from a title is numbered, exactly as for a free one, over REST and GraphQL; publishing settles
 * a clash (the later one gets -2, visible once it is public). File names: tests/security-upload-names.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST, publishThroughWorkflow } from './helpers/workflow'
import { invalidFields } from './helpers/content'

let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>
let alice: Awaited<ReturnType<typeof signIn>>
let bob: Awaited<ReturnType<typeof signIn>>

beforeAll(async () => {
  app = await startTestApp()
  editor = await signIn(app, await createAccount(app, 'editor'))
  alice = await signIn(app, await createAccount(app, 'contributor'))
  bob = await signIn(app, await createAccount(app, 'contributor'))
})
afterAll(async () => {
  await app?.stop()
})

type Agent = typeof editor
const resourceCount = async () => (await app.payload.count({ collection: 'resources', overrideAccess: true })).totalDocs

/** The ways a caller creates a resource: REST, and GraphQL. Each answers { ok, slug, invalid } alike. */
const creators = {
  rest: async (agent: Agent, data: { title: string; slug?: string }) => {
    const res = await agent.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], category: 'legislation', ...data })
    return { status: res.status, slug: res.body.doc?.slug as string | undefined, invalid: invalidFields(res), id: res.body.doc?.id }
  },
  graphql: async (agent: Agent, data: { title: string; slug?: string }) => {
    const fields = [`title: ${JSON.stringify(data.title)}`, 'category: legislation', `jurisdictions: [${JSON.stringify(await homeJurisdiction(app))}]`, ...(data.slug ? [`slug: ${JSON.stringify(data.slug)}`] : [])]
    const res = await agent.post('/api/graphql').send({ query: `mutation { createResource(data: { ${fields.join(', ')} }) { id slug } }` })
    const created = res.body.data?.createResource
    const invalid = (res.body.errors ?? []).flatMap((e: { extensions?: { data?: { errors?: { path: string }[] } } }) => e.extensions?.data?.errors?.map((f) => f.path) ?? [])
    return { status: created ? 201 : 400, slug: created?.slug as string | undefined, invalid, id: created?.id }
  },
}

describe.each(Object.entries(creators))('creating a resource over %s', (via, create) => {
  it('a slug someone else\'s draft holds is accepted exactly as a free slug is', async () => {
    const secret = `secret-strategy-${via}`
    expect((await create(alice, { title: 'Alice draft', slug: secret })).status).toBe(201)

    const clash = await create(bob, { title: 'Bob draft', slug: secret })
    const free = await create(bob, { title: 'Bob other draft', slug: `nobody-has-this-${via}` })
    expect({ status: clash.status, slug: clash.slug, invalid: clash.invalid }).toEqual({ status: 201, slug: secret, invalid: [] })
    expect({ status: free.status, invalid: free.invalid }).toEqual({ status: 201, invalid: [] })
  })

  it('a slug made from a title is not numbered because of someone else\'s draft', async () => {
    const title = `Know Your Rights Flyer ${via}`
    const slug = `know-your-rights-flyer-${via}`
    expect((await create(alice, { title })).slug).toBe(slug)
    expect((await create(bob, { title })).slug).toBe(slug)
    // Nor because of one's own: only published resources count.
    expect((await create(bob, { title })).slug).toBe(slug)
  })

  it('the slug of a published resource is refused, and a title\'s slug numbered past it: both are public', async () => {
    const published = await create(alice, { title: `Published Act ${via}` })
    await publishThroughWorkflow(editor, published.id)
    const before = await resourceCount()
    const taken = await create(bob, { title: 'Copycat', slug: published.slug })
    expect({ status: taken.status, invalid: taken.invalid }).toEqual({ status: 400, invalid: ['slug'] })
    expect(await resourceCount()).toBe(before)
    expect((await create(bob, { title: `Published Act ${via}` })).slug).toBe(`${published.slug}-2`)
  })
})

describe('editing a draft', () => {
  it('changing one\'s slug to one another person\'s draft holds answers as for a free one (REST PATCH)', async () => {
    expect((await creators.rest(alice, { title: 'Alice plan', slug: 'hidden-plan' })).status).toBe(201)
    const own = await creators.rest(bob, { title: 'Bob plan' })
    const toHidden = await bob.patch(`/api/resources/${own.id}`).send({ slug: 'hidden-plan' })
    const toFree = await bob.patch(`/api/resources/${own.id}`).send({ slug: 'another-free-slug' })
    expect([toHidden.status, toFree.status]).toEqual([200, 200])
  })
})

describe('publishing settles a clash', () => {
  it('the second resource published with a slug gets -2, and a once-published slug stays held', async () => {
    const first = await creators.rest(alice, { title: 'First', slug: 'shared-slug' })
    const second = await creators.rest(bob, { title: 'Second', slug: 'shared-slug' })
    const third = await creators.rest(bob, { title: 'Third', slug: 'shared-slug' })

    await publishThroughWorkflow(editor, first.id)
    await publishThroughWorkflow(editor, second.id)
    const anon = request(app.url)
    expect((await anon.get(`/api/resources/${first.id}`)).body.slug).toBe('shared-slug')
    expect((await anon.get(`/api/resources/${second.id}`)).body.slug).toBe('shared-slug-2')
    const bySlug = await anon.get('/api/resources?where[slug][equals]=shared-slug')
    expect(bySlug.body.docs.map((d: { id: unknown }) => d.id)).toEqual([first.id])

    // Unpublished, the first keeps its slug: links to it may come back.
    const unpublish = await editor.post(`/api/resources/${first.id}/workflow`).send({ action: 'unpublish', note: 'Outdated' })
    expect(unpublish.status).toBe(200)
    await publishThroughWorkflow(editor, third.id)
    expect((await anon.get(`/api/resources/${third.id}`)).body.slug).toBe('shared-slug-3')
    // The publish answered for every one of them (no 500, no "Value must be unique").
    expect((await editor.post(`/api/resources/${first.id}/workflow`).send({ action: 'submit' })).status).toBe(200)
    expect((await editor.post(`/api/resources/${first.id}/workflow`).send({ action: 'publish', checklist: CHECKLIST })).status).toBe(200)
    expect((await anon.get(`/api/resources/${first.id}`)).body.slug).toBe('shared-slug')
  })

  it('the reserved slug is neither shown nor queryable (it would tell of unpublished resources)', async () => {
    const published = await creators.rest(alice, { title: 'Reserved', slug: 'reserved-slug' })
    await publishThroughWorkflow(editor, published.id)
    for (const agent of [request(app.url), bob, editor]) {
      expect((await agent.get(`/api/resources/${published.id}`)).body).not.toHaveProperty('publishedSlug')
    }
    for (const agent of [request(app.url), bob]) {
      const res = await agent.get('/api/resources?where[publishedSlug][equals]=reserved-slug')
      expect(res.status).toBe(400)
      const sorted = await agent.get('/api/resources?sort=publishedSlug')
      expect(sorted.status).toBeLessThan(500)
    }
  })
})

describe('reads by slug find only what the caller may see', () => {
  it('REST, method override and GraphQL', async () => {
    await creators.rest(alice, { title: 'Only Alice', slug: 'only-alice-sees-this' })
    const where = 'where[slug][equals]=only-alice-sees-this'
    for (const agent of [bob, request(app.url)]) {
      expect((await agent.get(`/api/resources?${where}`)).body.totalDocs).toBe(0)
      const overridden = await agent.post('/api/resources').set('X-Payload-HTTP-Method-Override', 'GET').set('Content-Type', 'application/x-www-form-urlencoded').send(where)
      expect(overridden.body.totalDocs).toBe(0)
      const graph = await agent.post('/api/graphql').send({ query: '{ Resources(where: { slug: { equals: "only-alice-sees-this" } }) { totalDocs } }' })
      expect(graph.body.data?.Resources?.totalDocs ?? 0).toBe(0)
    }
    expect((await alice.get(`/api/resources?${where}`)).body.totalDocs).toBe(1)
  })
})
