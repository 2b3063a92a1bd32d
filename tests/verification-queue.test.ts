/**
 * The re-verification queue through the real stack with a fake clock: the daily job queues
 * published items whose sign-off became due or overdue and emails each legal reviewer ONE digest
 * of what is new in their jurisdictions (nothing twice when run again); publishing a resource
 * that supersedes another marks it superseded at once and queues the items linking to it; a new
 * sign-off takes an item off the queue.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { verificationClock } from '../src/verification/clock'
import { sweepVerifications } from '../src/verification/queue'
import { createLegalReviewers } from './helpers/legalReviewers'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST, settle } from './helpers/workflow'

type Id = string | number
type Agent = Awaited<ReturnType<typeof signIn>>
const DAY = 24 * 60 * 60 * 1000

let app: TestApp
let places: Awaited<ReturnType<typeof createJurisdictions>>
let editor: Agent
let nyReviewer: Agent
const emails: Record<string, string> = {}

const text = (t: string) => ({ type: 'text', text: t, format: 0, detail: 0, mode: 'normal', style: '', version: 1 })
const linkingBody = (target: Id) => ({
  root: {
    type: 'root', format: '', indent: 0, version: 1, direction: 'ltr',
    children: [{
      type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0,
      children: [text('As the memo says, '), { type: 'link', format: '', indent: 0, version: 3, direction: 'ltr', fields: { linkType: 'internal', newTab: false, doc: { relationTo: 'resources', value: target } }, children: [text('here')] }],
    }],
  },
})
const signed = (now: Date, days: number) => ({ verification: { verifiedAt: new Date(now.getTime() - 100 * DAY).toISOString(), reviewBy: new Date(now.getTime() + days * DAY).toISOString() } })
const queue = async () =>
  (await app.payload.find({ collection: 'reverifications', depth: 0, pagination: false, overrideAccess: true })).docs as unknown as { resource: Id; reason: string; supersededItem?: Id | null }[]

/** Runs the daily job's work at `now`, then the outbox; the mail it sent. */
async function sweep(now: Date) {
  verificationClock.set(() => now)
  const before = app.mail.messages.length
  await sweepVerifications(app.payload, now)
  await app.payload.jobs.run({ overrideAccess: true })
  await settle(app)
  return app.mail.messages.slice(before)
}

beforeAll(async () => {
  app = await startTestApp()
  places = await createJurisdictions(app)
  const reviewers = await createLegalReviewers(app, places)
  for (const key of ['editor', 'ny', 'ca', 'national'] as const) emails[key] = reviewers[key].email
  editor = reviewers.editor.agent
  nyReviewer = reviewers.ny.agent
  // A reviewer who no longer may act gets no digest.
  emails.former = (await createAccount(app, 'contributor', { name: 'Suspended Counsel', legalReviewer: true, status: 'suspended', jurisdictions: [places['US-NY']] })).email
}, 180_000)
afterEach(() => verificationClock.set())
afterAll(async () => {
  verificationClock.set()
  await app?.stop()
})

describe('the daily job', () => {
  it('queues what became due or overdue and sends each legal reviewer one digest of their jurisdictions', async () => {
    const now = new Date()
    const dueNY = await createPublished(app, { title: 'NY act due soon', jurisdictions: [places['US-NY']], ...signed(now, 10) })
    const overdueKings = await createPublished(app, { title: 'Kings order overdue', jurisdictions: [places['US-NY-KINGS']], ...signed(now, -3) })
    const currentCA = await createPublished(app, { title: 'California act current', jurisdictions: [places['US-CA']], ...signed(now, 120) })
    await createPublished(app, { title: 'NY item never verified', jurisdictions: [places['US-NY']] })
    await app.payload.create({ collection: 'resources', data: { title: 'NY draft overdue', category: 'legislation', jurisdictions: [places['US-NY']], ...signed(now, -3) } as never, overrideAccess: true })

    const sent = await sweep(now)
    const to = (key: string) => sent.filter((m) => m.to.includes(emails[key]!))
    expect((await queue()).map((e) => [e.resource, e.reason]).sort()).toEqual([[dueNY, 'due'], [overdueKings, 'overdue']].sort())
    expect(to('ny')).toHaveLength(1)
    expect(to('ny')[0]!.subject).toBe('Legal review: 2 items to verify again')
    expect(to('ny')[0]!.text).toContain('NY act due soon: due')
    expect(to('ny')[0]!.text).toContain('Kings order overdue: overdue')
    expect(to('ny')[0]!.text).not.toContain('NY draft overdue')
    expect(to('national')).toHaveLength(1)
    expect(to('ca')).toHaveLength(0)
    expect(to('former')).toHaveLength(0)
    expect(to('editor')).toHaveLength(0)
    expect(sent).toHaveLength(2)

    // Run again the same day, or the next: nothing new, nothing sent.
    expect(await sweep(new Date(now.getTime() + 60_000))).toHaveLength(0)
    expect(await sweep(new Date(now.getTime() + DAY))).toHaveLength(0)
    expect(await queue()).toHaveLength(2)

    // Eleven days on, the due one is overdue: queued anew and told once more.
    const later = await sweep(new Date(now.getTime() + 11 * DAY))
    expect(later.filter((m) => m.to.includes(emails.ny!)).map((m) => m.subject)).toEqual(['Legal review: 1 item to verify again'])
    expect(later.find((m) => m.to.includes(emails.ny!))!.text).toContain('NY act due soon: overdue')
    expect((await queue()).map((e) => e.reason).sort()).toEqual(['overdue', 'overdue'])

    // A new sign-off takes it off the queue.
    verificationClock.set(() => new Date(now.getTime() + 11 * DAY))
    expect((await nyReviewer.post(`/api/resources/${dueNY}/verify`).send({})).status).toBe(200)
    expect((await queue()).map((e) => e.resource)).toEqual([overdueKings])
    void currentCA
  })

  it('the dashboard panel lists the queue, filtered by region (a state with its counties)', async () => {
    const React = (await import('react')).default
    ;(globalThis as { React?: unknown }).React = React // the panel is compiled with the classic JSX runtime here
    const { renderToStaticMarkup } = await import('react-dom/server')
    const { ReverificationPanel } = await import('../src/admin/ReverificationPanel')
    const reviewer = (await app.payload.find({ collection: 'contributors', where: { email: { equals: emails.national! } }, overrideAccess: true })).docs[0]!
    const render = async (region?: string) =>
      renderToStaticMarkup(await ReverificationPanel({ payload: app.payload, user: { ...reviewer, collection: 'contributors' } as never, i18n: { t: (key: string) => key, language: 'en' } as never, searchParams: region ? { reverifyRegion: region } : {} }))
    const all = await render()
    expect(all).toContain('Kings order overdue')
    const ny = await render('US-NY')
    expect(ny).toContain('Kings order overdue')
    const ca = await render('us-ca')
    expect(ca).not.toContain('Kings order overdue')
    expect(ca).toContain('custom:reverifyEmpty')
  })

  it('the queue is for editors and legal reviewers only', async () => {
    expect((await request(app.url).get('/api/reverifications')).status).toBe(403)
    const leader = await signIn(app, await createAccount(app, 'contributor'))
    expect((await leader.get('/api/reverifications')).status).toBe(403)
    expect((await nyReviewer.get('/api/reverifications')).status).toBe(200)
    expect((await editor.get('/api/reverifications')).status).toBe(200)
    expect((await editor.post('/api/reverifications').send({ resource: 1, reason: 'due', queuedAt: new Date().toISOString() })).status).toBe(403)
  })
})

describe('supersession', () => {
  it('publishing a successor marks the older one superseded at once and queues the items linking to it', async () => {
    await app.payload.delete({ collection: 'reverifications', where: { id: { exists: true } }, overrideAccess: true })
    const now = new Date()
    const older = await createPublished(app, { title: 'ICE 2018 courthouse directive', category: 'policy', jurisdictions: [places.US], ...signed(now, 60) })
    const linking = await createPublished(app, { title: 'Training that cites the 2018 directive', category: 'training', jurisdictions: [places['US-NY']], body: linkingBody(older) })
    const unrelated = await createPublished(app, { title: 'Unrelated training', category: 'training', jurisdictions: [places['US-NY']] })
    expect((await request(app.url).get(`/api/resources/${older}`)).body.verification.status).toBe('current')

    const successor = await editor.post('/api/resources').send({ title: 'ICE 2021 memo', category: 'policy', jurisdictions: [places.US], supersedes: [older] })
    expect(successor.status).toBe(201)
    // A draft successor changes nothing.
    expect((await request(app.url).get(`/api/resources/${older}`)).body.verification.status).toBe('current')
    expect((await editor.post(`/api/resources/${successor.body.doc.id}/workflow`).send({ action: 'submit' })).status).toBe(200)
    expect((await editor.post(`/api/resources/${successor.body.doc.id}/workflow`).send({ action: 'publish', checklist: CHECKLIST })).status).toBe(200)
    expect((await request(app.url).get(`/api/resources/${older}`)).body.verification.status).toBe('superseded')
    const filtered = await request(app.url).get(`/api/resources?where[verification.status][equals]=superseded&depth=0`)
    expect(filtered.body.docs.map((d: { id: Id }) => d.id)).toContain(older)

    await app.payload.jobs.run({ overrideAccess: true })
    await settle(app)
    const entries = await queue()
    expect(entries.map((e) => [e.resource, e.reason, e.supersededItem])).toEqual([[linking, 'superseded-link', older]])
    void unrelated

    // The next daily run tells the New York reviewer of it.
    const sent = await sweep(new Date(now.getTime() + DAY))
    expect(sent.filter((m) => m.to.includes(emails.ny!)).map((m) => m.text)).toEqual([expect.stringContaining('Training that cites the 2018 directive: links to a superseded item')])
  })
})

describe('alerts to subscribers', () => {
  it('a verification lapse in a followed state is news; a superseded item is not', async () => {
    const { sendDueAlerts } = await import('../src/subscriptions/alerts')
    const now = new Date()
    const lapsing = await createPublished(app, { title: 'NY act whose review lapses', jurisdictions: [places['US-NY']], verification: { verifiedAt: new Date(now.getTime() - 90 * DAY).toISOString(), reviewBy: new Date(now.getTime() + 2 * 60_000).toISOString() } })
    const replaced = await createPublished(app, { title: 'NY memo replaced', jurisdictions: [places['US-NY']], verification: { verifiedAt: new Date(now.getTime() - 90 * DAY).toISOString(), reviewBy: new Date(now.getTime() + 2 * 60_000).toISOString() } })
    await createPublished(app, { title: 'NY replacing memo', jurisdictions: [places['US-CA']], supersedes: [replaced] })
    const since = new Date(Date.now() + 1000).toISOString()
    await app.payload.create({ collection: 'subscriptions', data: { email: 'follows.ny@example.org', frequency: 'immediate', language: 'en', jurisdictions: [places['US-NY']], confirmedAt: since, alertedThrough: since } as never, overrideAccess: true })
    const before = app.mail.messages.length
    await sendDueAlerts(app.payload, new Date(now.getTime() + 5 * 60_000))
    await app.payload.jobs.run({ overrideAccess: true })
    await settle(app)
    const mail = app.mail.messages.slice(before).filter((m) => m.to.includes('follows.ny@example.org'))
    expect(mail).toHaveLength(1)
    expect(mail[0]!.text).toContain('Legal review date passed: check before relying on it: NY act whose review lapses')
    expect(mail[0]!.text).not.toContain('NY memo replaced')
    void lapsing
  })
})

describe('deleting a queued resource', () => {
  it('takes it off the queue instead of failing on the reference', async () => {
    const now = new Date()
    const doomed = await createPublished(app, { title: 'NY item deleted while queued', jurisdictions: [places['US-NY']], ...signed(now, -1) })
    await sweep(now)
    expect((await queue()).some((e) => String(e.resource) === String(doomed))).toBe(true)
    const res = await editor.delete(`/api/resources/${doomed}`)
    expect(res.status).toBe(200)
    expect((await queue()).some((e) => String(e.resource) === String(doomed))).toBe(false)
  })
})
