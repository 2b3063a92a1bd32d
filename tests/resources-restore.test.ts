/**
 * "Restore this version" in the panel: Payload's button posts `draft=false` for a draft version
 * (and for a published one unless "as draft" is ticked). A restore always makes a new draft of
 * that version, through the workflow's rules (publication only by review): for editors, and for
 * the owner while they may edit the resource. REST and GraphQL alike.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { publishThroughWorkflow } from './helpers/workflow'

type Agent = Awaited<ReturnType<typeof signIn>>
let app: TestApp
let editor: Agent
let leader: Agent
let other: Agent

beforeAll(async () => {
  app = await startTestApp({ WORKFLOW_NOTIFY_QUIET_MINUTES: '0' })
  editor = await signIn(app, await createAccount(app, 'editor'))
  leader = await signIn(app, await createAccount(app, 'contributor'))
  other = await signIn(app, await createAccount(app, 'contributor'))
})
afterAll(async () => {
  await app?.stop()
})

/** A resource with two saved versions (titles `first`, then `second`); the id of the first version. */
async function twoVersions(by: Agent, first: string, second: string) {
  const created = await by.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)],  title: first, category: 'statement' })
  expect(created.status).toBe(201)
  const id = created.body.doc.id as string | number
  expect((await by.patch(`/api/resources/${id}`).send({ title: second })).status).toBe(200)
  const versions = await app.payload.findVersions({ collection: 'resources', where: { parent: { equals: id } }, sort: 'createdAt', depth: 0 })
  const old = versions.docs.find((v) => (v.version as { title?: string }).title === first)!
  return { id, versionId: old.id }
}
const draftOf = (id: string | number) => app.payload.findByID({ collection: 'resources', id, draft: true, depth: 0, overrideAccess: true })

describe('restoring a version', () => {
  it.each([['as the panel sends it (draft=false)', ''], ['with ?draft=false', '?draft=false'], ['with ?draft=true', '?draft=true']])(
    'an editor restores a draft version %s: a new draft with that content',
    async (_label, query) => {
      const { id, versionId } = await twoVersions(editor, `Memo v1 ${query}`, `Memo v2 ${query}`)
      const res = await editor.post(`/api/resources/versions/${versionId}${query}`)
      expect(res.status).toBe(200)
      expect(await draftOf(id)).toMatchObject({ title: `Memo v1 ${query}`, _status: 'draft', reviewStatus: 'draft' })
    },
  )

  it('restoring an old version of a published resource keeps the published one public and starts a draft revision', async () => {
    const { id, versionId } = await twoVersions(editor, 'Public memo v1', 'Public memo v2')
    await publishThroughWorkflow(editor, id)
    const res = await editor.post(`/api/resources/versions/${versionId}`)
    expect(res.status).toBe(200)
    const pub = await request(app.url).get(`/api/resources/${id}`)
    expect(pub.status).toBe(200)
    expect(pub.body).toMatchObject({ title: 'Public memo v2', _status: 'published' })
    expect(await draftOf(id)).toMatchObject({ title: 'Public memo v1', _status: 'draft', reviewStatus: 'draft' })
  })

  it('the owner restores their own draft; another contributor and anonymous callers cannot, and nothing changes', async () => {
    const { id, versionId } = await twoVersions(leader, 'Leader memo v1', 'Leader memo v2')
    expect((await other.post(`/api/resources/versions/${versionId}`)).status).toBe(403)
    expect((await request(app.url).post(`/api/resources/versions/${versionId}`)).status).toBe(403)
    expect(await draftOf(id)).toMatchObject({ title: 'Leader memo v2' })
    const res = await leader.post(`/api/resources/versions/${versionId}`)
    expect(res.status).toBe(200)
    expect(await draftOf(id)).toMatchObject({ title: 'Leader memo v1', _status: 'draft', reviewStatus: 'draft' })
  })

  it('the owner cannot restore while the resource is in review (as they cannot edit it), and GraphQL answers alike', async () => {
    const { id, versionId } = await twoVersions(leader, 'Reviewed memo v1', 'Reviewed memo v2')
    expect((await leader.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })).status).toBe(200)
    expect((await leader.post(`/api/resources/versions/${versionId}`)).status).toBe(403)
    const gql = await leader.post('/api/graphql').send({ query: `mutation { restoreVersionResource(id: ${JSON.stringify(versionId)}) { id } }` })
    expect(gql.body.errors?.[0]?.message ?? '').toMatch(/not allowed|forbidden/i)
    expect(await draftOf(id)).toMatchObject({ title: 'Reviewed memo v2', reviewStatus: 'in_review' })
    // An editor may, and the restore makes a draft without taking it out of review.
    expect((await editor.post(`/api/resources/versions/${versionId}`)).status).toBe(200)
    expect(await draftOf(id)).toMatchObject({ title: 'Reviewed memo v1', _status: 'draft', reviewStatus: 'in_review' })
  })
})
