/**
 * The workflow's emails with a real SMTP server that is down: transitions and sign-ups still
 * succeed, the messages wait in the email outbox (Payload's jobs queue), and go out exactly
 * once when the server is back.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { localSmtp, type LocalSmtp } from './helpers/smtp'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST } from './helpers/workflow'

let smtp: LocalSmtp
let app: TestApp

const emailJobs = async () =>
  (await app.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendEmail' } }, pagination: false, overrideAccess: true })).docs

/** Waits until every queued email has had its first (failed) attempt, so nothing is still in flight. */
async function firstAttemptsDone(count: number) {
  const started = Date.now()
  for (;;) {
    const jobs = await emailJobs()
    if (jobs.length === count && jobs.every((j) => (j.totalTried ?? 0) >= 1 && !j.processing)) return jobs
    if (Date.now() - started > 15_000) throw new Error(`email jobs did not settle: ${JSON.stringify(jobs.map((j) => [j.totalTried, j.processing]))}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** The retry backoff would wait minutes: make queued jobs due now, then run the queue. */
async function runQueueNow() {
  // By `where`: a job a background delivery finished (and deleted) meanwhile is simply not there.
  await app.payload.update({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendEmail' } }, data: { waitUntil: new Date(Date.now() - 1000).toISOString() }, overrideAccess: true })
  await app.payload.jobs.run({ overrideAccess: true })
}

beforeAll(async () => {
  smtp = await localSmtp()
  app = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, LOG_LEVEL: 'fatal' })
})
afterAll(async () => {
  await app?.stop()
  await smtp?.stop()
})

describe('with the mail server down', () => {
  it('transitions and sign-ups succeed, and their emails go out once each when the server is back', async () => {
    const editor = await createAccount(app, 'editor')
    const leader = await createAccount(app, 'contributor', { name: 'Lee Leader' })
    const asLeader = await signIn(app, leader)
    const asEditor = await signIn(app, editor)

    const id = (await asLeader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Written during an outage', category: 'media' })).body.doc.id
    const submit = await asLeader.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })
    expect(submit.status).toBe(200)
    const publish = await asEditor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST })
    expect(publish.status).toBe(200)
    const signUp = await request(app.url).post('/api/contributors').send({ name: 'New Leader', email: 'new.leader@example.org', password: 'a-long-password-1' })
    expect(signUp.status).toBe(201)

    // Everything committed: the public sees the resource, the history has both steps, the account exists.
    expect((await request(app.url).get(`/api/resources/${id}`)).status).toBe(200)
    const events = await app.payload.find({ collection: 'review-events', where: { resource: { equals: id } }, sort: 'at', overrideAccess: true })
    expect(events.docs.map((e) => e.action)).toEqual(['submit', 'publish'])
    expect((await app.payload.count({ collection: 'contributors', where: { email: { equals: 'new.leader@example.org' } }, overrideAccess: true })).totalDocs).toBe(1)

    // Three messages wait in the outbox (submit → editor, published → leader, sign-up → editor), each tried once.
    const queued = await firstAttemptsDone(3)
    expect(smtp.received).toEqual([])
    for (const job of queued) expect(JSON.stringify(job.input)).not.toContain('@')

    // Still down: a run of the queue fails again and keeps them.
    await runQueueNow()
    expect(await emailJobs()).toHaveLength(3)

    await smtp.start()
    await runQueueNow()
    expect(smtp.received.map((m) => `${m.to.join(',')} ${m.subject}`).sort()).toEqual(
      [
        `${editor.email} Submitted for review: Written during an outage`,
        `${leader.email} Published: Written during an outage`,
        `${editor.email} New contributor sign-up to review`,
      ].sort(),
    )
    expect(await emailJobs()).toHaveLength(0)
    // And never twice.
    await app.payload.jobs.run({ overrideAccess: true })
    expect(smtp.received).toHaveLength(3)
  })
})
