/**
 * The jobs queue behind the workflow: emails survive a failing mail server (the transition
 * commits, the message is retried), and scheduled publishing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST, settle, waitForMail } from './helpers/workflow'

let app: TestApp
let editor: Awaited<ReturnType<typeof createAccount>>
let leader: Awaited<ReturnType<typeof createAccount>>
let asEditor: Awaited<ReturnType<typeof signIn>>
let asLeader: Awaited<ReturnType<typeof signIn>>

beforeAll(async () => {
  app = await startTestApp()
  editor = await createAccount(app, 'editor')
  leader = await createAccount(app, 'contributor')
  asEditor = await signIn(app, editor)
  asLeader = await signIn(app, leader)
})
afterAll(async () => {
  await app?.stop()
})

const emailJobs = () => app.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendEmail' } } })
/** Makes queued jobs due now (their backoff would otherwise wait minutes) and runs the queue. */
async function runQueueNow() {
  // One update by `where`: a job a background delivery finished (and deleted) meanwhile is simply not there.
  await app.payload.update({ collection: 'payload-jobs', where: { id: { exists: true } }, data: { waitUntil: new Date(Date.now() - 1000).toISOString() } })
  await app.payload.jobs.run({ overrideAccess: true })
}

describe('a failing mail server', () => {
  it('never loses a transition: it commits, the failure is logged without personal data, the email is retried', async () => {
    const id = (await asLeader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Outage test', category: 'media' })).body.doc.id
    const realSend = app.payload.sendEmail
    const logged: string[] = []
    const realWarn = app.payload.logger.warn.bind(app.payload.logger)
    app.payload.sendEmail = async () => {
      throw new Error(`connect ECONNREFUSED while sending to ${editor.email}`)
    }
    app.payload.logger.warn = ((obj: unknown, ...rest: unknown[]) => {
      logged.push(JSON.stringify(obj) + JSON.stringify(rest))
      return realWarn(obj as never, ...(rest as []))
    }) as typeof app.payload.logger.warn
    try {
      app.mail.clear()
      const res = await asLeader.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })
      expect(res.status).toBe(200)
      await settle(app)
      expect(app.mail.messages).toEqual([])
      const stored = await app.payload.findByID({ collection: 'resources', id, draft: true })
      expect(stored.reviewStatus).toBe('in_review')
      const queued = await emailJobs()
      expect(queued.totalDocs).toBe(1)
      expect(queued.docs[0]!.totalTried).toBeGreaterThanOrEqual(1)
      expect(logged.join('\n')).toContain('Email delivery failed')
      expect(logged.join('\n')).not.toContain(editor.email)
      expect(JSON.stringify(queued.docs[0]!.input)).not.toContain('@')
    } finally {
      app.payload.sendEmail = realSend
      app.payload.logger.warn = realWarn
    }

    // The mail server is back: the queue delivers the message once.
    await runQueueNow()
    const message = await waitForMail(app, (m) => m.to === editor.email && m.subject === 'Submitted for review: Outage test')
    expect(message).toBeDefined()
    expect((await emailJobs()).totalDocs).toBe(0)
    await runQueueNow()
    expect(app.mail.messages.filter((m) => m.subject === 'Submitted for review: Outage test')).toHaveLength(1)
  })
})

describe('scheduled publishing', () => {
  async function inReview(title: string) {
    const id = (await asLeader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title, category: 'media' })).body.doc.id
    await asLeader.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })
    return id
  }

  it('publishes at publishAt through the queue, with the checklist, and not before', async () => {
    const id = await inReview('Scheduled')
    const at = new Date(Date.now() + 60 * 60 * 1000).toISOString()
    const res = await asEditor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST, publishAt: at })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ reviewStatus: 'in_review', live: false, publishAt: at })
    expect((await asEditor.get(`/api/resources/${id}?draft=true`)).body.publishAt).toBe(at)

    await app.payload.jobs.run({ overrideAccess: true })
    expect((await request(app.url).get(`/api/resources/${id}`)).status).toBe(404)

    await runQueueNow()
    const pub = await request(app.url).get(`/api/resources/${id}`)
    expect(pub.status).toBe(200)
    const events = await app.payload.find({ collection: 'review-events', where: { resource: { equals: id } }, sort: 'at' })
    expect(events.docs.map((e) => e.action)).toEqual(['submit', 'publish'])
    expect(String((events.docs[1]!.by as { id?: unknown })?.id ?? events.docs[1]!.by)).toBe(String(editor.id))
    await waitForMail(app, (m) => m.to === leader.email && m.subject === 'Published: Scheduled')
  })

  it('refuses a schedule without the checklist (400) or with a bad date (400)', async () => {
    const id = await inReview('Bad schedule')
    expect((await asEditor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', publishAt: new Date(Date.now() + 1e6).toISOString() })).status).toBe(400)
    expect((await asEditor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST, publishAt: 'tomorrow-ish' })).status).toBe(400)
  })

  it('is cancelled by any later transition (here: changes requested)', async () => {
    const id = await inReview('Cancelled schedule')
    await asEditor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST, publishAt: new Date(Date.now() + 3600e3).toISOString() })
    await asEditor.post(`/api/resources/${id}/workflow`).send({ action: 'request_changes', note: 'Hold on' })
    await runQueueNow()
    expect((await request(app.url).get(`/api/resources/${id}`)).status).toBe(404)
    expect((await app.payload.findByID({ collection: 'resources', id, draft: true })).reviewStatus).toBe('changes_requested')
  })
})
