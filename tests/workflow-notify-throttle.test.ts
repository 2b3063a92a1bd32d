/**
 * A contributor cannot flood editors' inboxes with submit/withdraw cycles: editors hear of a
 * resource at most once per quiet period (WORKFLOW_NOTIFY_QUIET_MINUTES). The first submit
 * emails at once; the later submits and withdrawals of the same resource within the period email
 * nobody, while the state machine and the history record every one. The period is kept in the
 * database (the newest `emailed` submit or withdraw event), so it holds across processes.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { loadSettings } from '../src/settings'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { settle, waitForMail } from './helpers/workflow'

type Agent = Awaited<ReturnType<typeof signIn>>
type Account = Awaited<ReturnType<typeof createAccount>>
type Id = string | number

// One SQLite file shared by two app processes in turn (a restart stands for another instance).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notify-quiet-'))
const shared = { DATABASE_URI: `file:${path.join(dir, 'shared.db')}`, PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex') }
const mongo = process.env.DATABASE_URI?.startsWith('mongodb')

let app: TestApp
let editor: Account
let leader: Account
let asEditor: Agent
let asLeader: Agent

beforeAll(async () => {
  app = await startTestApp(mongo ? {} : shared)
  editor = await createAccount(app, 'editor')
  leader = await createAccount(app, 'contributor')
  asEditor = await signIn(app, editor)
  asLeader = await signIn(app, leader)
}, 120_000)
afterAll(async () => {
  await app?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

const act = async (agent: Agent, id: Id, action: string, extra: object = {}) => {
  const res = await agent.post(`/api/resources/${id}/workflow`).send({ action, ...extra })
  expect(`${action} ${res.status}`).toBe(`${action} 200`)
  return res.body
}
const newDraft = async (title: string) => (await asLeader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title, category: 'media' })).body.doc.id as Id
const sentTo = (address: string, subjectStart: string) => app.mail.messages.filter((m) => m.to === address && m.subject.startsWith(subjectStart)).length
const history = async (id: Id) =>
  (await app.payload.find({ collection: 'review-events', where: { resource: { equals: id } }, sort: 'at', pagination: false, overrideAccess: true, depth: 0 })).docs as unknown as {
    id: Id
    action: string
    emailed: boolean
  }[]

describe('submit/withdraw cycles', () => {
  it('email editors once per quiet period, and every transition is still recorded', async () => {
    app.mail.clear()
    const id = await newDraft('Cycled submission')
    await act(asLeader, id, 'submit')
    await waitForMail(app, (m) => m.to === editor.email && m.subject.startsWith('Submitted'))
    for (let i = 0; i < 5; i++) {
      await act(asLeader, id, 'withdraw')
      await act(asLeader, id, 'submit')
    }
    await settle(app)
    expect(sentTo(editor.email, 'Submitted')).toBe(1)
    expect(app.mail.messages.filter((m) => m.to === editor.email)).toHaveLength(1)

    const events = await history(id)
    expect(events.map((e) => e.action)).toEqual(['submit', ...Array.from({ length: 5 }, () => ['withdraw', 'submit']).flat()])
    expect(events.map((e) => e.emailed)).toEqual([true, ...Array.from({ length: 10 }, () => false)])
    expect((await asLeader.get(`/api/resources/${id}/workflow`)).body.reviewStatus).toBe('in_review')
  })

  it('the quiet period is per resource', async () => {
    app.mail.clear()
    const first = await newDraft('Quiet one')
    const second = await newDraft('Quiet two')
    await act(asLeader, first, 'submit')
    await act(asLeader, second, 'submit')
    await settle(app)
    expect(sentTo(editor.email, 'Submitted for review: Quiet one')).toBe(1)
    expect(sentTo(editor.email, 'Submitted for review: Quiet two')).toBe(1)
  })

  it('withdrawals to the assigned editor are quiet too; editors\' own actions still reach the owner each time', async () => {
    const id = await newDraft('Assigned cycle')
    expect((await asEditor.patch(`/api/resources/${id}`).send({ assignee: editor.id })).status).toBe(200)
    app.mail.clear()
    await act(asLeader, id, 'submit')
    await act(asLeader, id, 'withdraw')
    await act(asLeader, id, 'submit')
    await act(asEditor, id, 'request_changes', { note: 'Add the source.' })
    await act(asLeader, id, 'submit')
    await act(asEditor, id, 'request_changes', { note: 'And the date.' })
    await settle(app)
    expect(app.mail.messages.filter((m) => m.to === editor.email).map((m) => m.subject)).toEqual(['Submitted for review: Assigned cycle'])
    expect(sentTo(leader.email, 'Changes requested')).toBe(2)
  })

  it('after the quiet period the next submit emails again', async () => {
    app.mail.clear()
    const id = await newDraft('Later again')
    await act(asLeader, id, 'submit')
    await act(asLeader, id, 'withdraw')
    // The period (60 minutes by default) has passed: the notifying event is older than that.
    const [notified] = (await history(id)).filter((e) => e.emailed)
    await app.payload.update({ collection: 'review-events', id: notified!.id, data: { at: new Date(Date.now() - 61 * 60_000).toISOString() } as never, overrideAccess: true })
    await act(asLeader, id, 'submit')
    await settle(app)
    expect(sentTo(editor.email, 'Submitted for review: Later again')).toBe(2)
    expect((await history(id)).map((e) => e.emailed)).toEqual([true, false, true])
  })
})

describe('the quiet period lives in the database', () => {
  it('holds for another process on the same database', async () => {
    if (mongo) return // one temporary database per app on MongoDB: nothing to share
    const id = await newDraft('Across processes')
    app.mail.clear()
    await act(asLeader, id, 'submit')
    await act(asLeader, id, 'withdraw')
    await settle(app)
    expect(sentTo(editor.email, 'Submitted for review: Across processes')).toBe(1)

    await app.stop()
    app = await startTestApp(shared)
    const leaderAgain = await signIn(app, leader)
    await act(leaderAgain, id, 'submit')
    await settle(app)
    expect(app.mail.messages.filter((m) => m.to === editor.email)).toEqual([])
    expect((await history(id)).map((e) => e.action)).toEqual(['submit', 'withdraw', 'submit'])
    asLeader = leaderAgain
    asEditor = await signIn(app, editor)
  })

  it('0 turns the quiet period off; anything but a whole number of minutes is refused at start', async () => {
    expect(loadSettings({ WORKFLOW_NOTIFY_QUIET_MINUTES: '0', PAYLOAD_SECRET: 'x' }).workflowNotifyQuietMinutes).toBe(0)
    expect(loadSettings({ PAYLOAD_SECRET: 'x' }).workflowNotifyQuietMinutes).toBe(60)
    for (const bad of ['-1', '1.5', 'soon']) {
      expect(() => loadSettings({ WORKFLOW_NOTIFY_QUIET_MINUTES: bad, PAYLOAD_SECRET: 'x' })).toThrow(/WORKFLOW_NOTIFY_QUIET_MINUTES/)
    }
    if (mongo) return
    await app.stop()
    app = await startTestApp({ ...shared, WORKFLOW_NOTIFY_QUIET_MINUTES: '0' })
    const leaderAgain = await signIn(app, leader)
    const id = await (await leaderAgain.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Loud', category: 'media' })).body.doc.id
    await act(leaderAgain, id, 'submit')
    await act(leaderAgain, id, 'withdraw')
    await act(leaderAgain, id, 'submit')
    await settle(app)
    expect(sentTo(editor.email, 'Submitted for review: Loud')).toBe(2)
  })
})
