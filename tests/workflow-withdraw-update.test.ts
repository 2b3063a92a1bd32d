/**
 * A leader keeps their published items current (issue 15): withdrawing an update of a published
 * item discards the update — the working copy goes back to the published version, the public one
 * is untouched, the history keeps both — and a leader whose account is suspended, or whose
 * jurisdictions no longer cover the item, loses these rights at once (editing, submitting,
 * withdrawing; REST, GraphQL and the workflow endpoint).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createJurisdictions } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST } from './helpers/workflow'

type Agent = Awaited<ReturnType<typeof signIn>>
type Id = string | number
let app: TestApp
let places: Awaited<ReturnType<typeof createJurisdictions>>
let asEditor: Agent
let otherEditor: Awaited<ReturnType<typeof createAccount>>

beforeAll(async () => {
  app = await startTestApp({ WORKFLOW_NOTIFY_QUIET_MINUTES: '0' })
  places = await createJurisdictions(app)
  asEditor = await signIn(app, await createAccount(app, 'editor'))
  otherEditor = await createAccount(app, 'editor')
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

const message = (res: { body: { errors?: { message: string }[] } }) => res.body.errors?.[0]?.message ?? ''
const act = (agent: Agent, id: Id, action: string, extra: object = {}) => agent.post(`/api/resources/${id}/workflow`).send({ action, ...extra })
const gql = (agent: Agent | ReturnType<typeof request>, query: string) => agent.post('/api/graphql').send({ query })
const draftOf = async (id: Id) =>
  (await app.payload.findByID({ collection: 'resources', id, draft: true, depth: 0, overrideAccess: true })) as unknown as Record<string, unknown>
const publicOf = (id: Id) => request(app.url).get(`/api/resources/${id}?depth=0`)

async function newLeader() {
  const account = await createAccount(app, 'contributor', { jurisdictions: [places['US-NY']] })
  return { account, agent: await signIn(app, account) }
}

/** A leader's NY item, published by an editor, with an update proposed (`amended`) and submitted. */
async function publishedWithUpdate(leader: Agent, title: string) {
  const created = await leader.post('/api/resources').send({ title, summary: 'As enacted.', category: 'legislation', jurisdictions: [places['US-NY-KINGS']] })
  expect(created.status).toBe(201)
  const id = created.body.doc.id as Id
  expect((await act(leader, id, 'submit')).status).toBe(200)
  expect((await act(asEditor, id, 'publish', { checklist: CHECKLIST })).status).toBe(200)
  const update = await leader.patch(`/api/resources/${id}`).send({ title: `${title}, amended`, summary: 'As amended.' })
  expect(update.status).toBe(200)
  expect((await act(leader, id, 'submit')).status).toBe(200)
  return id
}

describe('withdrawing an update of a published item', () => {
  it('discards the update: the working copy is the published version again, the public one untouched, the history keeps both', async () => {
    const { account, agent: leader } = await newLeader()
    const id = await publishedWithUpdate(leader, 'Courthouse Act')
    const publicBefore = (await publicOf(id)).body
    expect(publicBefore.title).toBe('Courthouse Act')

    const withdraw = await act(leader, id, 'withdraw')
    expect(withdraw.status).toBe(200)
    expect(withdraw.body).toMatchObject({ action: 'withdraw', from: 'in_review', reviewStatus: 'published', live: true })

    // The public version: same content, same updatedAt (not rewritten).
    const publicAfter = (await publicOf(id)).body
    expect(publicAfter).toMatchObject({ title: 'Courthouse Act', summary: 'As enacted.', _status: 'published', updatedAt: publicBefore.updatedAt })
    const graphql = await gql(request(app.url), `{ Resource(id: ${JSON.stringify(id)}) { title summary } }`)
    expect(graphql.body.data.Resource).toEqual({ title: 'Courthouse Act', summary: 'As enacted.' })
    // The working copy, as the owner and an editor read it: the published content, nothing pending.
    for (const agent of [leader, asEditor]) {
      const draft = await agent.get(`/api/resources/${id}?draft=true&depth=0`)
      expect(draft.body).toMatchObject({ title: 'Courthouse Act', summary: 'As enacted.', reviewStatus: 'published', owner: account.id })
    }
    const state = await leader.get(`/api/resources/${id}/workflow`)
    expect(state.body).toMatchObject({ reviewStatus: 'published', live: true })
    // The history keeps both: the withdrawn update is a version, and the events say what happened.
    const versions = await leader.get(`/api/resources/versions?where[parent][equals]=${id}&limit=50&depth=0`)
    const titles = versions.body.docs.map((v: { version: { title: string } }) => v.version.title)
    expect(titles).toContain('Courthouse Act, amended')
    expect(titles).toContain('Courthouse Act')
    const events = await leader.get(`/api/review-events?where[resource][equals]=${id}&sort=at&depth=0`)
    expect(events.body.docs.map((e: { action: string; to: string }) => `${e.action}→${e.to}`)).toEqual([
      'submit→in_review',
      'publish→published',
      'submit→in_review',
      'withdraw→published',
    ])
  })

  it('keeps the assignee, and the leader may propose another update that goes through review', async () => {
    const { account, agent: leader } = await newLeader()
    const id = await publishedWithUpdate(leader, 'Protective Order Rule')
    expect((await asEditor.patch(`/api/resources/${id}`).send({ assignee: otherEditor.id })).status).toBe(200)
    expect((await act(leader, id, 'withdraw')).status).toBe(200)
    expect(await draftOf(id)).toMatchObject({ title: 'Protective Order Rule', owner: account.id, assignee: otherEditor.id, reviewStatus: 'published' })

    expect((await leader.patch(`/api/resources/${id}`).send({ title: 'Protective Order Rule, second try' })).status).toBe(200)
    expect((await draftOf(id)).reviewStatus).toBe('draft')
    expect((await act(leader, id, 'submit')).status).toBe(200)
    expect((await act(asEditor, id, 'publish', { checklist: CHECKLIST })).status).toBe(200)
    expect((await publicOf(id)).body.title).toBe('Protective Order Rule, second try')
  })

  it('discards the update even when the published version has left the history (50 versions kept)', async () => {
    const { account, agent: leader } = await newLeader()
    const created = await leader.post('/api/resources').send({ title: 'Long-lived rule', summary: 'As published.', category: 'policy', jurisdictions: [places['US-NY']] })
    const id = created.body.doc.id as Id
    expect((await leader.patch(`/api/resources/${id}?locale=es`).send({ title: 'Regla duradera' })).status).toBe(200)
    expect((await act(leader, id, 'submit')).status).toBe(200)
    expect((await act(asEditor, id, 'publish', { checklist: CHECKLIST })).status).toBe(200)
    const published = (await publicOf(id)).body
    for (let i = 1; i <= 51; i++) expect((await leader.patch(`/api/resources/${id}`).send({ title: `Long-lived rule, draft ${i}` })).status).toBe(200)
    const kept = await app.payload.findVersions({ collection: 'resources', where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] }, depth: 0, overrideAccess: true })
    expect(kept.totalDocs).toBe(0) // pruned: only the latest 50 versions stay
    expect((await act(leader, id, 'submit')).status).toBe(200)
    const withdraw = await act(leader, id, 'withdraw')
    expect(withdraw.status).toBe(200)
    expect(withdraw.body.reviewStatus).toBe('published')
    expect((await publicOf(id)).body).toMatchObject({ title: 'Long-lived rule', updatedAt: published.updatedAt })
    expect(await draftOf(id)).toMatchObject({ title: 'Long-lived rule', summary: 'As published.', reviewStatus: 'published', owner: account.id, _status: 'draft' })
    // Every locale comes back with it.
    const spanish = await app.payload.findByID({ collection: 'resources', id, draft: true, depth: 0, locale: 'es', fallbackLocale: false as never, overrideAccess: true })
    expect(spanish.title).toBe('Regla duradera')
    // And the leader carries on: a new update, through review.
    expect((await leader.patch(`/api/resources/${id}`).send({ title: 'Long-lived rule, amended' })).status).toBe(200)
    expect(await draftOf(id)).toMatchObject({ title: 'Long-lived rule, amended', summary: 'As published.', reviewStatus: 'draft' })
  }, 120_000)

  it('a new item (never published) withdrawn keeps its content as a draft, as before', async () => {
    const { agent: leader } = await newLeader()
    const id = (await leader.post('/api/resources').send({ title: 'Fresh draft', category: 'policy', jurisdictions: [places['US-NY']] })).body.doc.id as Id
    expect((await act(leader, id, 'submit')).status).toBe(200)
    const withdraw = await act(leader, id, 'withdraw')
    expect(withdraw.body).toMatchObject({ reviewStatus: 'draft', live: false })
    expect(await draftOf(id)).toMatchObject({ title: 'Fresh draft', reviewStatus: 'draft' })
    expect((await publicOf(id)).status).toBe(404)
  })
})

describe('a leader loses the rights at once', () => {
  it('when their jurisdictions no longer cover the item: no edit, submit or withdraw (REST, GraphQL, workflow), nothing changed', async () => {
    const { account, agent: leader } = await newLeader()
    const id = await publishedWithUpdate(leader, 'Shield Law')
    expect((await asEditor.patch(`/api/contributors/${account.id}`).send({ jurisdictions: [places['US-CA']] })).status).toBe(200)
    const withdraw = await act(leader, id, 'withdraw')
    expect(withdraw.status).toBe(403)
    expect(message(withdraw)).toContain('Kings County (US-NY-KINGS)')
    const edit = await leader.patch(`/api/resources/${id}`).send({ title: 'Changed anyway' })
    expect(edit.status).toBe(403)
    expect(message(edit)).toContain('Kings County (US-NY-KINGS)')
    const graphql = await gql(leader, `mutation { updateResource(id: ${JSON.stringify(id)}, data: { title: "GraphQL anyway" }) { id } }`)
    expect(JSON.stringify(graphql.body.errors)).toContain('Kings County (US-NY-KINGS)')
    expect((await leader.get(`/api/resources/${id}/workflow`)).body.actions).toEqual([])
    expect(await draftOf(id)).toMatchObject({ title: 'Shield Law, amended', reviewStatus: 'in_review' })
    // An editor sends it back; the leader, out of scope, cannot resubmit.
    expect((await act(asEditor, id, 'request_changes', { note: 'Cite the section.' })).status).toBe(200)
    const submit = await act(leader, id, 'submit')
    expect(submit.status).toBe(403)
    expect(message(submit)).toContain('Kings County (US-NY-KINGS)')
    expect((await draftOf(id)).reviewStatus).toBe('changes_requested')
  })

  it('when their account is suspended: no edit, submit or withdraw, nothing changed', async () => {
    const { account, agent: leader } = await newLeader()
    const id = await publishedWithUpdate(leader, 'Sanctuary Ordinance')
    expect((await asEditor.patch(`/api/contributors/${account.id}`).send({ status: 'suspended' })).status).toBe(200)
    const withdraw = await act(leader, id, 'withdraw')
    expect([401, 403]).toContain(withdraw.status)
    expect((await leader.patch(`/api/resources/${id}`).send({ title: 'Suspended edit' })).status).toBe(403)
    const graphql = await gql(leader, `mutation { updateResource(id: ${JSON.stringify(id)}, data: { title: "GraphQL anyway" }) { id } }`)
    expect(graphql.body.data?.updateResource ?? null).toBeNull()
    expect((await act(asEditor, id, 'request_changes', { note: 'Cite the section.' })).status).toBe(200)
    expect([401, 403]).toContain((await act(leader, id, 'submit')).status)
    expect(await draftOf(id)).toMatchObject({ title: 'Sanctuary Ordinance, amended', reviewStatus: 'changes_requested' })
    expect((await publicOf(id)).body.title).toBe('Sanctuary Ordinance')
  })
})
