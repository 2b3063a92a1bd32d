/**
 * The API as a frontend meets it: @payloadcms/sdk typed with the generated src/payload-types.ts
 * (kept current by `npm run check:types` in CI), anonymous, against the running app; and
 * GraphQL, where a normal query passes and a deep nested one is refused by maxComplexity.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { PayloadSDK } from '@payloadcms/sdk'
import request from 'supertest'
import type { Config, Resource } from '../src/payload-types'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
let sdk: PayloadSDK<Config>
let J: Awaited<ReturnType<typeof createJurisdictions>>
const ids: Record<string, string | number> = {}

beforeAll(async () => {
  app = await startTestApp()
  J = await createJurisdictions(app)
  ids.ny = await createPublished(app, { title: 'Protect Our Courts Act', summary: 'New York statute.', jurisdictions: [J['US-NY']] })
  await app.payload.update({ collection: 'resources', id: ids.ny, locale: 'es', data: { title: 'Ley de Protección de Nuestros Tribunales' } as never, overrideAccess: true })
  ids.ca = await createPublished(app, { title: 'California courthouse bill', jurisdictions: [J['US-CA']] })
  const editor = await signIn(app, await createAccount(app, 'editor'))
  ids.draft = (await editor.post('/api/resources').send({ title: 'New York draft', category: 'legislation', jurisdictions: [J['US-NY']] })).body.doc.id
  // Exactly what a frontend writes: the generated Config type, the API's base URL, nothing else.
  sdk = new PayloadSDK<Config>({ baseURL: `${app.url}/api` })
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

describe('@payloadcms/sdk', () => {
  it('lists published resources with a where filter, a locale and a select', async () => {
    const page = await sdk.find({
      collection: 'resources',
      where: { 'jurisdictions.code': { equals: 'US-NY' } },
      locale: 'es',
      select: { title: true, slug: true, jurisdictions: true },
      depth: 1,
      limit: 10,
    })
    expect(page.totalDocs).toBe(1)
    const [doc] = page.docs
    expect(doc!.id).toBe(ids.ny)
    expect(doc!.title).toBe('Ley de Protección de Nuestros Tribunales')
    expect(doc!.slug).toBe('protect-our-courts-act')
    const jurisdiction = doc!.jurisdictions![0]!
    expect(typeof jurisdiction === 'object' && jurisdiction.code).toBe('US-NY')
  })

  it('reads one by id, typed as the generated Resource, and gets a 404 error for a draft', async () => {
    const doc: Resource = await sdk.findByID({ collection: 'resources', id: ids.ca as number, depth: 0 })
    expect(doc.title).toBe('California courthouse bill')
    expect(doc._status).toBe('published')
    await expect(sdk.findByID({ collection: 'resources', id: ids.draft as number })).rejects.toMatchObject({ status: 404 })
    const { totalDocs } = await sdk.count({ collection: 'resources' })
    expect(totalDocs).toBe(2)
  })
})

describe('GraphQL', () => {
  const post = (query: string) => request(app.url).post('/api/graphql').send({ query })

  it('answers a normal query', async () => {
    const res = await post(`{
      Resources(where: { category: { equals: legislation } }, sort: "title", locale: es) {
        totalDocs
        docs { id title summary slug jurisdictions { code name parent { code } } }
      }
    }`)
    expect(res.status).toBe(200)
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.Resources.docs.map((d: { title: string }) => d.title)).toEqual(['California courthouse bill', 'Ley de Protección de Nuestros Tribunales'])
    // Asked in Spanish: the place's Spanish name (collections/Jurisdictions/spanishNames.ts).
    expect(res.body.data.Resources.docs[1].jurisdictions[0]).toEqual({ code: 'US-NY', name: 'Nueva York', parent: { code: 'US' } })
  })

  it('answers a frontend\'s jurisdiction page query (two levels of relationships)', async () => {
    const res = await post(`{
      Jurisdictions(where: { code: { equals: "US-NY" } }) {
        docs { code name protectionStatus parent { code name } resources { docs { title slug category jurisdictions { code } organizations { name } topics { name } } } }
      }
    }`)
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.Jurisdictions.docs[0].resources.docs.map((d: { title: string }) => d.title)).toEqual(['Protect Our Courts Act'])
  })

  const nested = (levels: number) => {
    let selection = 'title'
    for (let i = 0; i < levels; i++) selection = `title jurisdictions { code resources { docs { ${selection} } } }`
    return `{ Resources(limit: 100) { docs { ${selection} } } }`
  }

  it('answers one round trip resources → jurisdictions → their resources (6 deep)', async () => {
    const res = await post(nested(1))
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.Resources.docs).toHaveLength(2)
  })

  it.each([2, 6, 40])('refuses resources → jurisdictions → resources → … nested %i times, with a clear error, before running it', async (levels) => {
    const res = await post(nested(levels))
    expect(res.body.data).toBeUndefined()
    expect(res.body.errors[0].message).toBe(`The query is nested ${3 * levels + 3} fields deep; the limit is 8. Ask for fewer levels of related documents and fetch the rest in a second query.`)
  })

  it('refuses a query whose total size exceeds maxComplexity (1000), e.g. the same list under 80 aliases', async () => {
    const copies = Array.from({ length: 80 }, (_, i) => `a${i}: Resources(limit: 100) { docs { title jurisdictions { code name } } }`).join('\n')
    const res = await post(`{ ${copies} }`)
    expect(res.body.data).toBeUndefined()
    expect(res.body.errors[0].message).toMatch(/^The query exceeds the maximum complexity of 1000\. Actual complexity is \d+$/)
  })

  it('still answers introspection (GraphQL tools need it)', async () => {
    const res = await post('{ __schema { queryType { name } types { name fields { name type { name kind ofType { name kind ofType { name kind ofType { name kind } } } } } } } }')
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.__schema.queryType.name).toBe('Query')
  })
})
