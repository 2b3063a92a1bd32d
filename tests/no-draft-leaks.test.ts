/**
 * The sweep: one resource in every review state, each carrying a unique marker in its title and
 * summary (English and Spanish), and a published resource whose revision under review has its
 * own marker. No anonymous response of the public API — REST list, by id, ?draft=true, versions,
 * GraphQL, feeds, search, map, toolkit, the OpenAPI document — may contain any marker. The URLs come from
 * publicReadUrls() in tests/helpers/publicApi.ts: add every new public endpoint there.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createJurisdictions, publicGraphqlQueries, publicReadUrls } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST } from './helpers/workflow'

let app: TestApp
let editorAgent: Awaited<ReturnType<typeof signIn>>
const ids = {} as Record<'draft' | 'in_review' | 'changes_requested' | 'archived' | 'published', string | number>
/** Markers of content the public must never see, by the state that hides it. */
const HIDDEN = {
  draft: 'LEAKMARK-DRAFT',
  in_review: 'LEAKMARK-INREVIEW',
  changes_requested: 'LEAKMARK-CHANGES',
  archived: 'LEAKMARK-ARCHIVED',
  revision: 'LEAKMARK-REVISION',
}
const PUBLIC_TITLE = 'Visible published title'

beforeAll(async () => {
  app = await startTestApp()
  const J = await createJurisdictions(app)
  const owner = await signIn(app, await createAccount(app, 'contributor', { jurisdictions: [J['US-NY']] }))
  const editor = await signIn(app, await createAccount(app, 'editor'))
  editorAgent = editor
  const act = async (id: string | number, who: typeof editor, body: object) => {
    const res = await who.post(`/api/resources/${id}/workflow`).send(body)
    if (res.status !== 200) throw new Error(`${JSON.stringify(body)}: ${res.status} ${JSON.stringify(res.body)}`)
  }
  const create = async (marker: string) => {
    const res = await owner.post('/api/resources').send({ title: `${marker} title`, summary: `${marker} summary`, category: 'legislation', jurisdictions: [J['US-NY']] })
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`)
    const id = res.body.doc.id
    expect((await owner.patch(`/api/resources/${id}?locale=es`).send({ title: `${marker} título`, summary: `${marker} resumen` })).status).toBe(200)
    return id
  }

  ids.draft = await create(HIDDEN.draft)
  ids.in_review = await create(HIDDEN.in_review)
  await act(ids.in_review, owner, { action: 'submit' })
  ids.changes_requested = await create(HIDDEN.changes_requested)
  await act(ids.changes_requested, owner, { action: 'submit' })
  await act(ids.changes_requested, editor, { action: 'request_changes', note: 'Cite the statute.' })
  // Archived after having been public: it must leave every public response.
  ids.archived = await create(HIDDEN.archived)
  await act(ids.archived, owner, { action: 'submit' })
  await act(ids.archived, editor, { action: 'publish', checklist: CHECKLIST })
  await act(ids.archived, editor, { action: 'archive', note: 'Outdated.' })
  // Published, then revised (by an editor: owners may not edit live content) under a title now in review.
  ids.published = (await owner.post('/api/resources').send({ title: PUBLIC_TITLE, summary: 'Public summary', category: 'legislation', jurisdictions: [J['US-NY']] })).body.doc.id
  await act(ids.published, owner, { action: 'submit' })
  await act(ids.published, editor, { action: 'publish', checklist: CHECKLIST })
  expect((await editor.patch(`/api/resources/${ids.published}`).send({ title: `${HIDDEN.revision} title`, summary: `${HIDDEN.revision} summary` })).status).toBe(200)
  await act(ids.published, owner, { action: 'submit' })
}, 180_000)
afterAll(async () => {
  await app?.stop()
})

const markersIn = (text: string) => Object.values(HIDDEN).filter((m) => text.includes(m))

describe('no unpublished content in any anonymous response', () => {
  it('the fixtures are what they claim (the working copies really hold the markers)', async () => {
    for (const [state, id] of Object.entries(ids)) {
      const doc = await app.payload.findByID({ collection: 'resources', id, draft: true, overrideAccess: true })
      expect([state, doc.reviewStatus]).toEqual([state, state === 'published' ? 'in_review' : state])
    }
    const live = await app.payload.findByID({ collection: 'resources', id: ids.published, overrideAccess: true })
    expect(live.title).toBe(PUBLIC_TITLE)
    // The same kind of request, signed in as an editor, does show every marker: the sweep can fail.
    const asEditor = await editorAgent.get('/api/resources?draft=true&limit=100')
    expect(markersIn(asEditor.text).sort()).toEqual(Object.values(HIDDEN).sort())
  })

  it('REST, feeds and OpenAPI', async () => {
    const urls = publicReadUrls(Object.values(ids), ['US', 'US-NY'])
    const leaks: string[] = []
    let sawPublic = 0
    for (const url of urls) {
      const res = await request(app.url).get(url)
      expect([url, res.status < 500]).toEqual([url, true])
      const found = markersIn(res.text)
      if (found.length) leaks.push(`${url}: ${found.join(', ')}`)
      if (res.text.includes(PUBLIC_TITLE)) sawPublic++
    }
    expect(leaks).toEqual([])
    // The sweep would pass on empty answers too: the published version must actually be there.
    expect(sawPublic).toBeGreaterThan(10)
  })

  it('GraphQL', async () => {
    const leaks: string[] = []
    for (const query of [...publicGraphqlQueries, ...Object.values(ids).map((id) => `{ Resource(id: ${JSON.stringify(id)}, draft: true) { title summary } }`)]) {
      const res = await request(app.url).post('/api/graphql').send({ query })
      const found = markersIn(res.text)
      if (found.length) leaks.push(`${query}: ${found.join(', ')}`)
    }
    expect(leaks).toEqual([])
    const res = await request(app.url).post('/api/graphql').send({ query: publicGraphqlQueries[0] })
    expect(res.body.data.Resources.docs.map((d: { title: string }) => d.title)).toEqual([PUBLIC_TITLE])
  })
})
