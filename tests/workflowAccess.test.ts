/**
 * The access matrix: each role × each operation × each review state, with the expected answer,
 * through the real stack; after every refused write the stored resource is checked unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { ACTIONS, STATES, decide, type Action, type State, OWNER_EDITABLE } from '../src/workflow/machine'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST } from './helpers/workflow'

type Role = 'anonymous' | 'pending' | 'contributorA' | 'contributorB' | 'editor' | 'admin'
const ROLES: Role[] = ['anonymous', 'pending', 'contributorA', 'contributorB', 'editor', 'admin']
type Agent = ReturnType<typeof request.agent>

let app: TestApp
let ownerId: string | number
const agents = {} as Record<Role, Agent>

beforeAll(async () => {
  app = await startTestApp()
  const accounts = {
    pending: await createAccount(app, 'contributor', { status: 'pending' }),
    contributorA: await createAccount(app, 'contributor'),
    contributorB: await createAccount(app, 'contributor'),
    editor: await createAccount(app, 'editor'),
    admin: await createAccount(app, 'admin'),
  }
  ownerId = accounts.contributorA.id
  agents.anonymous = request.agent(app.url).set('Origin', app.url) as unknown as Agent
  for (const role of Object.keys(accounts) as (keyof typeof accounts)[]) agents[role] = (await signIn(app, accounts[role])) as unknown as Agent
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

let counter = 0
/** A resource owned by contributor A in the given state, made by server code. */
async function resourceIn(state: State) {
  const title = `matrix ${state} ${++counter}`
  const doc = await app.payload.create({
    collection: 'resources',
    data: { title, category: 'policy', jurisdictions: [await homeJurisdiction(app)], owner: ownerId, reviewStatus: state, _status: state === 'published' ? 'published' : 'draft', ...(state === 'published' ? { publishedAt: new Date().toISOString() } : {}) } as never,
  })
  return { id: doc.id, title }
}
async function stored(id: string | number) {
  const working = (await app.payload.findByID({ collection: 'resources', id, draft: true, disableErrors: true })) as Record<string, unknown> | null
  const main = (await app.payload.findByID({ collection: 'resources', id, disableErrors: true })) as Record<string, unknown> | null
  return working && main ? { title: working.title, reviewStatus: working.reviewStatus, _status: main._status } : null
}

const isEditorRole = (role: Role) => role === 'editor' || role === 'admin'
const canSee = (role: Role, state: State) => isEditorRole(role) || role === 'contributorA' || state === 'published'

/** What each operation should answer, derived from the rules in the issue. */
const expectFor = {
  read: (role: Role, state: State) => (canSee(role, state) ? 200 : 404),
  update: (role: Role, state: State) => (isEditorRole(role) ? 200 : role === 'contributorA' && (state === 'draft' || state === 'changes_requested' || state === 'published') ? 200 : 403),
  delete: (role: Role, state: State) => (isEditorRole(role) ? 200 : role === 'contributorA' && (state === 'draft' || state === 'changes_requested') ? 200 : 403),
  workflow: (role: Role, state: State, action: Action) => {
    if (role === 'anonymous') return 401
    if (role === 'pending') return 403
    if (!canSee(role, state)) return 404
    const d = decide(state, { action, note: 'matrix note', checklist: CHECKLIST }, {
      role: role === 'admin' ? 'admin' : role === 'editor' ? 'editor' : 'contributor',
      isOwner: role === 'contributorA',
    })
    return d.ok ? 200 : d.status
  },
  // A restore is an edit that makes a new draft: whoever may edit the resource now (tests/resources-restore.test.ts).
  restore: (role: Role, state: State) => (isEditorRole(role) ? 200 : role === 'contributorA' && OWNER_EDITABLE.includes(state) ? 200 : 403),
  bulk: (role: Role) => (isEditorRole(role) ? 200 : 403),
}

describe.each(STATES)('a resource of contributor A in state %s', (state) => {
  let shared: { id: string | number; title: string }
  beforeAll(async () => {
    shared = await resourceIn(state)
  })

  it.each(ROLES)('%s: list, read by id, ?draft=true and GraphQL read see it only when allowed', async (role) => {
    const agent = agents[role]
    const visible = canSee(role, state)
    const list = await agent.get(`/api/resources?where[id][equals]=${shared.id}`)
    expect(list.status).toBe(200)
    expect(list.body.totalDocs).toBe(visible ? 1 : 0)
    expect((await agent.get(`/api/resources/${shared.id}`)).status).toBe(expectFor.read(role, state))
    const draft = await agent.get(`/api/resources/${shared.id}?draft=true`)
    expect(draft.status).toBe(expectFor.read(role, state))
    const draftList = await agent.get(`/api/resources?draft=true&where[id][equals]=${shared.id}`)
    // ?draft=true: editors see every working copy, a contributor only their own; for anonymous and
    // pending accounts it is ignored (they get the published version).
    const draftVisible = isEditorRole(role) || role === 'contributorA' || ((role === 'anonymous' || role === 'pending') && state === 'published')
    expect(draftList.body.totalDocs ?? 0).toBe(draftVisible ? 1 : 0)
    const gql = await agent.post('/api/graphql').send({ query: `{ Resource(id: ${JSON.stringify(shared.id)}) { title } }` })
    if (visible) expect(gql.body.data.Resource.title).toBe(shared.title)
    else expect(gql.body.data?.Resource ?? null).toBeNull()
  })

  it.each(ROLES)('%s: update (REST and GraphQL), bulk update and delete answer as the rules say', async (role) => {
    const agent = agents[role]
    for (const via of ['rest', 'graphql', 'bulk'] as const) {
      const r = await resourceIn(state)
      const before = await stored(r.id)
      let status: number
      if (via === 'rest') status = (await agent.patch(`/api/resources/${r.id}`).send({ title: 'changed' })).status
      else if (via === 'bulk') {
        const res = await agent.patch(`/api/resources?where[id][equals]=${r.id}`).send({ title: 'changed' })
        status = res.status === 200 && res.body.docs?.length === 0 ? 404 : res.status
      } else {
        const res = await agent.post('/api/graphql').send({ query: `mutation { updateResource(id: ${JSON.stringify(r.id)}, data: { title: "changed" }) { title } }` })
        status = res.body.errors ? (res.body.errors[0].extensions?.statusCode ?? 400) : 200
      }
      const expected = via === 'bulk' ? expectFor.bulk(role) : expectFor.update(role, state)
      expect(`${via} ${status}`).toBe(`${via} ${expected}`)
      const after = await stored(r.id)
      if (expected === 200) {
        expect(after?.title).toBe('changed')
        // An edit never publishes, and never touches what the public sees.
        expect(after?._status).toBe(before?._status)
        if (state === 'published') {
          expect(after?.reviewStatus).toBe('draft')
          expect((await request(app.url).get(`/api/resources/${r.id}`)).body.title).toBe(r.title)
        }
      } else expect(after).toEqual(before)
    }
    const r = await resourceIn(state)
    const del = await agent.delete(`/api/resources/${r.id}`)
    expect(del.status).toBe(expectFor.delete(role, state))
    if (del.status !== 200) expect(await stored(r.id)).not.toBeNull()
    else expect(await stored(r.id)).toBeNull()
  })

  it.each(ROLES)('%s: each workflow action', async (role) => {
    for (const action of ACTIONS) {
      const r = await resourceIn(state)
      const before = await stored(r.id)
      const res = await agents[role].post(`/api/resources/${r.id}/workflow`).send({ action, note: 'matrix note', checklist: CHECKLIST })
      const expected = expectFor.workflow(role, state, action)
      expect(`${action} ${res.status}`).toBe(`${action} ${expected}`)
      const after = await stored(r.id)
      if (expected === 200) {
        expect(after?.reviewStatus).toBe(res.body.reviewStatus)
        expect(after?._status).toBe(res.body.live ? 'published' : 'draft')
      } else expect(after).toEqual(before)
    }
  })

  it.each(ROLES)('%s: version restore', async (role) => {
    const r = await resourceIn(state)
    await app.payload.update({ collection: 'resources', id: r.id, data: { title: 'second version' }, draft: true })
    const versions = await app.payload.findVersions({ collection: 'resources', where: { parent: { equals: r.id } }, sort: 'createdAt' })
    const first = versions.docs[0]!.id
    const before = await stored(r.id)
    const res = await agents[role].post(`/api/resources/versions/${first}?draft=true`)
    expect(res.status).toBe(expectFor.restore(role, state))
    const after = await stored(r.id)
    if (res.status === 200) {
      expect(after).toMatchObject({ title: r.title, _status: before?._status })
      expect(after?.reviewStatus).toBe(state === 'published' ? 'draft' : state)
    } else expect(after).toEqual(before)
    // Without draft=true (as Payload's Restore button sends it) the restore is a draft all the
    // same: it never publishes or unpublishes outside the workflow.
    const direct = await agents[role].post(`/api/resources/versions/${first}`)
    expect(direct.status).toBe(expectFor.restore(role, state))
    expect((await stored(r.id))?._status).toBe(before?._status)
  })
})
