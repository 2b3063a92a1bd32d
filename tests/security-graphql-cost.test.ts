/**
 * One request must not make the server read without bound, nor keep the event loop to itself.
 * GraphQL queries that could read more than MAX_DOCUMENTS_PER_REQUEST documents are refused with
 * 400 before they run (aliases, every collection, nested joins and relationships, fragments,
 * variables, several operations, introspection); what the estimate cannot know is counted as it
 * is read (REST and GraphQL alike); and while a heavy but allowed query runs, /healthz answers.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { getIntrospectionQuery } from 'graphql'
import request from 'supertest'
import { assignSlugs, insertResources, type BulkResource } from '../src/bulk/resources'
import { MAX_DOCUMENTS_PER_REQUEST } from '../src/security/requestBudget'
import { createJurisdictions } from './helpers/publicApi'
import { startTestApp, type TestApp } from './helpers/testApp'

const RESOURCES = 120
/** Topics enough that one page of resources, each naming its own, reads past the budget. */
const TOPICS_PER_RESOURCE = 21
let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
  const J = await createJurisdictions(app)
  const topicIds: (string | number)[] = []
  for (let i = 0; i < RESOURCES * TOPICS_PER_RESOURCE; i++) {
    topicIds.push((await app.payload.create({ collection: 'topics', data: { name: `Topic ${i}`, slug: `topic-${i}` }, overrideAccess: true })).id)
  }
  const records: BulkResource[] = Array.from({ length: RESOURCES }, (_, i) => ({
    title: { en: `Costly resource ${i}` },
    category: 'legislation',
    jurisdictions: [J['US-NY']],
    topics: topicIds.slice(i * TOPICS_PER_RESOURCE, (i + 1) * TOPICS_PER_RESOURCE),
    reviewStatus: 'published',
    publishedAt: '2025-01-01T00:00:00.000Z',
  }))
  await assignSlugs(app.payload, records)
  await insertResources(app.payload, records)
}, 300_000)
afterAll(async () => {
  await app?.stop()
})

const graphql = (body: object) => request(app.url).post('/api/graphql').send(body)
const aliases = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join('\n')
const COST = new RegExp(`would read \\d+ documents; the limit is ${MAX_DOCUMENTS_PER_REQUEST}`)

describe('GraphQL queries that could read too much are refused before they run', () => {
  it.each([
    ['the reported attack: 200 aliases of a 100-document list', `{ ${aliases(200, 'Resources(limit: 100) { docs { id } }')} }`],
    ['aliases of the default page', `{ ${aliases(250, 'Resources { docs { id } }')} }`],
    ['pagination: false', `{ ${aliases(30, 'Resources(pagination: false) { docs { id } }')} }`],
    ['limit: 0', `{ ${aliases(30, 'Topics(limit: 0) { docs { id } }')} }`],
    [
      'aliases across every collection’s list',
      `{ ${['Resources', 'Jurisdictions', 'Topics', 'Organizations', 'Documents', 'Webinars'].map((c, i) => aliases(4, `${c}(limit: 100) { docs { id } }`).replaceAll(/a(\d+):/g, `c${i}_$1:`)).join('\n')} }`,
    ],
    ['a join inside a list', '{ Jurisdictions(limit: 100) { docs { resources(limit: 100) { docs { id } } } } }'],
    ['a join asking for every row', '{ Jurisdictions(limit: 100) { docs { resources(limit: 0) { docs { id } } } } }'],
    ['relationships, under aliases', `{ ${aliases(8, 'Resources(limit: 100) { docs { jurisdictions { code } topics { name } } }')} }`],
    ['aliased docs inside one list', `{ Resources(limit: 100) { ${aliases(25, 'docs { id }')} } }`],
    ['versions of every resource', `{ ${aliases(25, 'versionsResources(limit: 100) { docs { id } }')} }`],
    ['fragments', `{ ...Lists ...More } fragment Lists on Query { ${aliases(15, 'Resources(limit: 100) { docs { id } }')} } fragment More on Query { ${aliases(15, 'Topics(limit: 100) { docs { id } }').replaceAll('a', 'b')} }`],
    ['inline fragments', `{ ... on Query { ${aliases(25, 'Resources(limit: 100) { docs { id } }')} } }`],
  ])('%s', async (_name, query) => {
    const res = await graphql({ query })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(COST)
  })

  it('counts limits given as variables', async () => {
    const query = `query ($n: Int) { ${aliases(25, 'Resources(limit: $n) { docs { id } }')} }`
    const refused = await graphql({ query, variables: { n: 100 } })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].message).toMatch(COST)
    const allowed = await graphql({ query, variables: { n: 2 } })
    expect(allowed.status).toBe(200)
    expect(allowed.body.data.a24.docs).toHaveLength(2)
  })

  it('refuses a document holding a costly operation, whichever operation is named', async () => {
    const query = `query Cheap { Topics(limit: 1) { docs { id } } } query Costly { ${aliases(30, 'Resources(limit: 100) { docs { id } }')} }`
    for (const operationName of ['Cheap', 'Costly']) {
      const res = await graphql({ query, operationName })
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toMatch(COST)
    }
  })

  it('refuses batches of operations in one request', async () => {
    const one = { query: `{ ${aliases(15, 'Resources(limit: 100) { docs { id } }')} }` }
    const res = await request(app.url).post('/api/graphql').send(Array.from({ length: 20 }, () => one))
    expect(res.status).toBe(400)
    expect(res.body.data).toBeUndefined()
  })

  it.each([
    // graphql-js's own MaxIntrospectionDepthRule reports this one first.
    ['nested member lists', '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }', /list the members of types once per path|Maximum introspection depth exceeded/],
    ['member lists twice', '{ __schema { types { fields { type { fields { name } } } } } }', /list the members of types once per path/],
    ['member lists under args', '{ __schema { types { fields { args { type { inputFields { name } } } } } } }', /list the members of types once per path/],
    ['several __schema', `{ ${aliases(20, '__schema { types { name } }')} }`, /__schema 1 time/],
    ['many __type', `{ ${aliases(50, '__type(name: "Resource") { name }')} }`, /__type at most 10 times/],
  ])('introspection: %s', async (_name, query, message) => {
    const res = await graphql({ query })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(message)
  })

  it('allows the standard introspection query and ordinary frontend queries', async () => {
    const introspection = await graphql({ query: getIntrospectionQuery() })
    expect(introspection.status).toBe(200)
    expect(introspection.body.data.__schema.types.length).toBeGreaterThan(10)
    const page = await graphql({
      query: '{ Jurisdictions(where: { code: { equals: "US-NY" } }, limit: 1) { docs { name resources(limit: 20) { docs { title topics { name } } } } } }',
    })
    expect(page.status).toBe(200)
    expect(page.body.data.Jurisdictions.docs[0].resources.docs).toHaveLength(20)
  })
})

describe('documents are counted as they are read', () => {
  it('REST: a page whose related documents go past the budget is a 400', async () => {
    const res = await request(app.url).get('/api/resources?limit=100&depth=1')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(new RegExp(`reads more than ${MAX_DOCUMENTS_PER_REQUEST} documents`))
    const smaller = await request(app.url).get('/api/resources?limit=20&depth=1')
    expect(smaller.status).toBe(200)
  })

  it('GraphQL: relationships larger than the estimate stop at the budget', async () => {
    const res = await graphql({ query: '{ Resources(limit: 100) { docs { title topics { name } } } }' })
    expect(res.body.errors?.[0]?.message).toMatch(new RegExp(`reads more than ${MAX_DOCUMENTS_PER_REQUEST} documents`))
  })
})

describe('the event loop keeps answering', () => {
  it('/healthz answers while a heavy but allowed query runs', async () => {
    const heavy = `{ ${aliases(10, 'Resources(limit: 100) { docs { id title summary slug category } }')} }`
    // "Running" means the server has started reading resources for it: no clock involved.
    const db = app.payload.db as unknown as { find: (...args: unknown[]) => Promise<unknown> }
    const find = db.find
    let started!: () => void
    const running = new Promise<void>((resolve) => (started = resolve))
    db.find = function (this: unknown, ...args: unknown[]) {
      if ((args[0] as { collection?: string }).collection === 'resources') started()
      return find.apply(this, args)
    }
    const finished: string[] = []
    try {
      const heavyDone = graphql({ query: heavy }).then((res) => {
        finished.push('heavy')
        return res
      })
      await running
      const health = await request(app.url).get('/healthz')
      finished.push('healthz')
      const res = await heavyDone
      expect(health.status).toBe(200)
      expect(res.status).toBe(200)
      expect(res.body.errors).toBeUndefined()
      expect(Object.keys(res.body.data)).toHaveLength(10)
    } finally {
      db.find = find
    }
    expect(finished).toEqual(['healthz', 'heavy'])
  })
})

/** Documents whose validation alone held the event loop (or failed with a 500) before they ran. */
describe('documents that would stop the server before they run', () => {
  const bomb = (n: number, spread: (next: string) => string) =>
    `{ Resources(limit: 1) { docs { ...F0 } } } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Resource { ${spread(`F${i + 1}`)} }`).join(' ')} fragment F${n} on Resource { id }`

  it.each([
    ['spreads the next one twice, 30 deep (2^30 fields)', bomb(30, (next) => `...${next} ...${next}`)],
    ['spreads the next one twice through inline fragments', bomb(30, (next) => `... on Resource { ...${next} } ... on Resource { ...${next} }`)],
    ['spreads the next one four times, 16 deep', bomb(16, (next) => `...${next} ...${next} ...${next} ...${next}`)],
  ])('a fragment that %s: 400 at once, and the server keeps answering', async (_name, query) => {
    const res = await request(app.url).post('/api/graphql').send({ query })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/more than \d+ fields once its fragments are expanded/)
    expect((await request(app.url).get('/healthz')).status).toBe(200)
  })

  it.each([
    ['a subscription (there are none)', 'subscription { x }', /Subscriptions are not supported/],
    ['a fragment spreading itself', '{ Resources { docs { ...A } } } fragment A on Resource { id ...A }', /within itself/],
    ['two fragments spreading each other', '{ Resources { docs { ...A } } } fragment A on Resource { ...B } fragment B on Resource { id ...A }', /within itself/],
    ['a cycle through an inline fragment', '{ Resources { docs { ...A } } } fragment A on Resource { ... on Resource { ...A } }', /within itself/],
  ])('%s: a 400 naming it, not a 500', async (_name, query, message) => {
    const res = await request(app.url).post('/api/graphql').send({ query })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body.errors)).toMatch(message)
  })

  it('still answers a document of many fragments of ordinary size', async () => {
    const res = await request(app.url).post('/api/graphql').send({ query: bomb(6, (next) => `...${next} ...${next}`) })
    expect(res.status).toBe(200)
    expect(res.body.data.Resources.docs).toHaveLength(1)
  })
})
