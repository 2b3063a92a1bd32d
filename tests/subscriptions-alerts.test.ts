/**
 * What confirmed subscribers are sent, through the real stack (Local API fixtures → the alerts
 * job's function with a fake clock → the outbox → in-memory mail): matching by state (counties
 * and cities within it included), by the federal level, by category; one email per batch per
 * subscriber; nothing for an unconfirmed address; digests only once their hour has passed; the
 * subscriber's language; the one-click unsubscribe headers; a retried run sends nothing twice.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { lastDigestMoment, sendDueAlerts } from '../src/subscriptions/alerts'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { startTestApp, type TestApp } from './helpers/testApp'
import { settle } from './helpers/workflow'

type Id = string | number
let app: TestApp
let places: Awaited<ReturnType<typeof createJurisdictions>>
const HOUR = 3_600_000

async function subscriber(email: string, data: Record<string, unknown>, confirmed = true) {
  const since = new Date(Date.now() - 2 * 24 * HOUR).toISOString()
  return app.payload.create({
    collection: 'subscriptions',
    data: { email, frequency: 'immediate', language: 'en', ...(confirmed ? { confirmedAt: since, alertedThrough: since } : {}), ...data } as never,
    overrideAccess: true,
  })
}
/** Runs the job's work at `now`, then the outbox, and returns the mail it sent. */
async function runAlerts(now: Date) {
  const before = app.mail.messages.length
  await sendDueAlerts(app.payload, now)
  await app.payload.jobs.run({ overrideAccess: true })
  await settle(app)
  return app.mail.messages.slice(before)
}

beforeAll(async () => {
  app = await startTestApp()
  places = await createJurisdictions(app)
}, 120_000)
afterAll(async () => {
  await app?.stop()
})
beforeEach(async () => {
  await app.payload.delete({ collection: 'subscriptions', where: { id: { exists: true } }, overrideAccess: true })
})

describe('immediate alerts', () => {
  it('match the state with its counties, the federal level, and the category; one email per subscriber per batch', async () => {
    await subscriber('new.york@example.org', { jurisdictions: [places['US-NY']] })
    await subscriber('federal@example.org', { jurisdictions: [places.US] })
    await subscriber('ny.policy@example.org', { jurisdictions: [places['US-NY']], categories: ['policy'] })
    await subscriber('california@example.org', { jurisdictions: [places['US-CA']] })
    await subscriber('unconfirmed@example.org', { jurisdictions: [places['US-NY']] }, false)
    await subscriber('spanish@example.org', { jurisdictions: [places['US-NY']], language: 'es' })

    const state = await createPublished(app, { title: 'New York Protect Our Courts Act', jurisdictions: [places['US-NY']], category: 'legislation' })
    const county = await createPublished(app, { title: 'Kings County court directive', jurisdictions: [places['US-NY-KINGS']], category: 'policy' })
    const federal = await createPublished(app, { title: 'ICE courthouse memo', jurisdictions: [places.US], category: 'policy' })
    // A draft is not news.
    await app.payload.create({ collection: 'resources', data: { title: 'Unpublished NY draft', jurisdictions: [places['US-NY']], category: 'legislation' } as never, overrideAccess: true })

    const sent = await runAlerts(new Date(Date.now() + 120_000))
    const to = (address: string) => sent.filter((m) => m.to.includes(address))
    expect(to('new.york@example.org')).toHaveLength(1)
    const ny = to('new.york@example.org')[0]!
    expect(ny.subject).toBe('Toolkit alerts: 2 new or updated items')
    expect(ny.text).toContain('New York Protect Our Courts Act')
    expect(ny.text).toContain('Kings County court directive')
    expect(ny.text).not.toContain('ICE courthouse memo')
    expect(ny.text).not.toContain('Unpublished NY draft')
    // Each item links to its page on the public site (served by default; the API's JSON with SITE=off).
    expect(ny.text).toContain(`${app.url}/resources/new-york-protect-our-courts-act`)
    expect(ny.text).not.toContain(`/api/resources/${state}`)
    expect(ny.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m)
    expect(ny.raw).toMatch(/^List-Unsubscribe:\s*<http[^>]+\/api\/subscriptions\/unsubscribe\?token=/m)

    expect(to('federal@example.org').map((m) => m.text?.includes('ICE courthouse memo'))).toEqual([true])
    expect(to('federal@example.org')[0]!.text).not.toContain('New York Protect')
    const policy = to('ny.policy@example.org')
    expect(policy).toHaveLength(1)
    expect(policy[0]!.text).toContain('Kings County court directive')
    expect(policy[0]!.text).not.toContain('New York Protect Our Courts Act')
    expect(to('california@example.org')).toHaveLength(0)
    expect(to('unconfirmed@example.org')).toHaveLength(0)
    expect(to('spanish@example.org')[0]!.subject).toBe('Alertas del kit: 2 elementos nuevos o actualizados')
    expect(to('spanish@example.org')[0]!.text).toContain('Darse de baja')
    void county
    void federal

    // The next run (or a retried one) sends nothing again.
    expect(await runAlerts(new Date(Date.now() + 180_000))).toHaveLength(0)
  })

  it('a supersession says what the new item replaces', async () => {
    await subscriber('follows.ca@example.org', { jurisdictions: [places['US-CA']] })
    const old = await createPublished(app, { title: 'Old California guidance', jurisdictions: [places['US-CA']], category: 'policy' })
    await createPublished(app, { title: 'New California guidance', jurisdictions: [places['US-CA']], category: 'policy', supersedes: [old] })
    const [mail] = (await runAlerts(new Date(Date.now() + 120_000))).filter((m) => m.to.includes('follows.ca@example.org'))
    expect(mail!.text).toContain('New California guidance')
    expect(mail!.text).toContain('(replaces Old California guidance)')
  })

  it('a supersession reaches the followers of the item it replaces, even when the new one applies elsewhere', async () => {
    await subscriber('follows.kings@example.org', { jurisdictions: [places['US-NY-KINGS']] })
    await subscriber('follows.media@example.org', { categories: ['media'] })
    const old = await createPublished(app, { title: 'Kings County interim order', jurisdictions: [places['US-NY-KINGS']], category: 'judicial-rule' })
    await runAlerts(new Date(Date.now() + 120_000))
    await app.payload.update({ collection: 'subscriptions', where: { id: { exists: true } }, data: { alertedThrough: new Date().toISOString() } as never, overrideAccess: true })
    await createPublished(app, { title: 'Statewide court rule', jurisdictions: [places['US-CA']], category: 'judicial-rule', supersedes: [old] })
    const sent = await runAlerts(new Date(Date.now() + 120_000))
    const kings = sent.filter((m) => m.to.includes('follows.kings@example.org'))
    expect(kings).toHaveLength(1)
    expect(kings[0]!.text).toContain('Statewide court rule')
    expect(kings[0]!.text).toContain('(replaces Kings County interim order)')
    expect(sent.filter((m) => m.to.includes('follows.media@example.org'))).toHaveLength(0)
  })
})

describe('digests', () => {
  it('a daily digest goes out only once its hour has passed, with everything since the last one', async () => {
    const now = new Date()
    const lastHour = lastDigestMoment('daily', now)
    await subscriber('daily@example.org', { frequency: 'daily', jurisdictions: [places['US-NY']], alertedThrough: new Date(lastHour.getTime() - HOUR).toISOString() })
    await createPublished(app, { title: 'NY digest item one', jurisdictions: [places['US-NY']] })
    await createPublished(app, { title: 'NY digest item two', jurisdictions: [places['US-NY-KINGS']] })
    const nextHour = lastDigestMoment('daily', new Date(lastHour.getTime() + 25 * HOUR))
    // Before the next digest hour: the items are newer than the last digest, nothing is due.
    expect((await runAlerts(new Date(nextHour.getTime() - 60_000))).filter((m) => m.to.includes('daily@example.org'))).toHaveLength(0)
    const sent = (await runAlerts(new Date(nextHour.getTime() + 60_000))).filter((m) => m.to.includes('daily@example.org'))
    expect(sent).toHaveLength(1)
    expect(sent[0]!.text).toContain('NY digest item one')
    expect(sent[0]!.text).toContain('NY digest item two')
    expect((await runAlerts(new Date(nextHour.getTime() + 2 * HOUR))).filter((m) => m.to.includes('daily@example.org'))).toHaveLength(0)
  })

  it('the digest hour is 8:00 in New York, weekly on Mondays', () => {
    const at = lastDigestMoment('weekly', new Date('2026-12-03T20:00:00Z'))
    expect(at.toISOString()).toBe('2026-11-30T13:00:00.000Z')
    expect(lastDigestMoment('daily', new Date('2026-07-03T11:59:00Z')).toISOString()).toBe('2026-07-02T12:00:00.000Z')
  })
})

describe('the scheduled job', () => {
  it('is registered and runs on the default queue without error', async () => {
    await app.payload.jobs.queue({ task: 'sendSubscriptionAlerts' as never, input: {} as never })
    await app.payload.jobs.run({ overrideAccess: true })
    const left = await app.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendSubscriptionAlerts' } }, overrideAccess: true })
    expect(left.docs.map((j) => j.hasError)).toEqual([]) // completed jobs are deleted; a failed one would stay
  })
})

describe('deleted subscriptions', () => {
  it('an email queued before an unsubscribe is not sent', async () => {
    const doc = await subscriber('gone@example.org', { jurisdictions: [places['US-NY']] })
    await createPublished(app, { title: 'Published before leaving', jurisdictions: [places['US-NY']] })
    expect((await sendDueAlerts(app.payload, new Date(Date.now() + 120_000))).queued).toBe(1)
    await app.payload.delete({ collection: 'subscriptions', id: doc.id as Id, overrideAccess: true })
    await app.payload.jobs.run({ overrideAccess: true })
    await settle(app)
    expect(app.mail.to('gone@example.org')).toHaveLength(0)
  })
})
