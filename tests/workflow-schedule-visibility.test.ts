/**
 * A scheduled publication is visible where people look: GET /api/resources/:id/workflow (the
 * review panel's source) tells editors and the resource's owner when it is scheduled; nobody
 * else learns it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST } from './helpers/workflow'

type Agent = Awaited<ReturnType<typeof signIn>>
let app: TestApp
let editor: Agent
let owner: Agent
let other: Agent

beforeAll(async () => {
  app = await startTestApp({ WORKFLOW_NOTIFY_QUIET_MINUTES: '0' })
  editor = await signIn(app, await createAccount(app, 'editor'))
  owner = await signIn(app, await createAccount(app, 'contributor'))
  other = await signIn(app, await createAccount(app, 'contributor'))
})
afterAll(async () => {
  await app?.stop()
})

describe('the schedule in the workflow state', () => {
  it('editors and the owner read publishAt once scheduled; another contributor does not', async () => {
    const id = (await owner.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)],  title: 'Scheduled memo', category: 'statement' })).body.doc.id as string | number
    expect((await owner.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })).status).toBe(200)
    expect((await owner.get(`/api/resources/${id}/workflow`)).body.publishAt).toBeNull()
    const at = new Date(Date.now() + 2 * 86_400_000).toISOString()
    const res = await editor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST, publishAt: at })
    expect(res.status).toBe(200)
    expect((await editor.get(`/api/resources/${id}/workflow`)).body).toMatchObject({ reviewStatus: 'in_review', publishAt: at })
    expect((await owner.get(`/api/resources/${id}/workflow`)).body).toMatchObject({ reviewStatus: 'in_review', publishAt: at })
    const stranger = await other.get(`/api/resources/${id}/workflow`)
    expect(stranger.status).toBe(404)
    expect(stranger.body.publishAt).toBeUndefined()
    // A transition cancels the schedule, and the state says so.
    expect((await editor.post(`/api/resources/${id}/workflow`).send({ action: 'request_changes', note: 'One more source.' })).status).toBe(200)
    expect((await owner.get(`/api/resources/${id}/workflow`)).body.publishAt).toBeNull()
  })

  it('a published resource another contributor can read says nothing about a schedule', async () => {
    const id = (await owner.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)],  title: 'Public memo', category: 'statement' })).body.doc.id as string | number
    expect((await owner.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })).status).toBe(200)
    expect((await editor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST })).status).toBe(200)
    const res = await other.get(`/api/resources/${id}/workflow`)
    expect(res.status).toBe(200)
    expect('publishAt' in res.body).toBe(false)
  })
})
