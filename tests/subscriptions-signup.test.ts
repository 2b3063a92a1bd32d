/**
 * Alert sign-up through the real stack: the same 202 for a new, a known and a rate-limited
 * address; double opt-in (GET shows, POST confirms); the one-click unsubscribe (RFC 8058);
 * unconfirmed ones deleted after 7 days; the subscriber list closed to all but editors, and
 * every read of it audited in the registration audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { sendDueAlerts } from '../src/subscriptions/alerts'
import { createJurisdictions } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { settle, waitForMail } from './helpers/workflow'

let app: TestApp
const logLines: string[] = []
let client = 0
/** Each test speaks from its own client address (TRUST_PROXY=1), so the rate limit counts per test. */
const from = () => `203.0.113.${++client}`
const subscribe = (body: object, address = from()) => request(app.url).post('/api/subscriptions').set('X-Forwarded-For', address).send(body)
const rows = async (email: string) =>
  (await app.payload.find({ collection: 'subscriptions', where: { email: { equals: email } }, overrideAccess: true, depth: 0, context: { skipAudit: true } })).docs
const tokenIn = (text: string, path: string) => decodeURIComponent(new RegExp(`/api/subscriptions/${path}\\?token=([^\\s>]+)`).exec(text)![1]!)

beforeAll(async () => {
  app = await startTestApp({ TRUST_PROXY: '1', REGISTRATION_RATE_LIMIT: '3', LOG_LEVEL: 'info' }, { logDestination: { write: (line: string) => logLines.push(line) } })
  await createJurisdictions(app)
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

describe('POST /api/subscriptions answers alike', () => {
  it('new, already subscribed and rate-limited requests get the same status and body; the limited one sends nothing', async () => {
    const address = from()
    const body = { email: 'same.person@example.org', jurisdictions: ['US-NY'], frequency: 'daily', language: 'en' }
    const first = await subscribe(body, address)
    await settle(app)
    const again = await subscribe({ ...body, frequency: 'weekly' }, address)
    await settle(app)
    const third = await subscribe({ ...body, email: 'other.person@example.org' }, address)
    await settle(app)
    const mailBefore = app.mail.messages.length
    const limited = await subscribe({ ...body, email: 'limited.person@example.org' }, address)
    await settle(app)
    for (const res of [again, third, limited]) {
      expect(res.status).toBe(first.status)
      expect(res.body).toEqual(first.body)
      expect(res.headers['retry-after']).toBeUndefined()
    }
    expect(first.status).toBe(202)
    expect(app.mail.messages.length).toBe(mailBefore)
    expect(await rows('limited.person@example.org')).toHaveLength(0)
    // The duplicate changed nothing: only the owner of the address can, through the emailed link.
    const [row] = await rows('same.person@example.org')
    expect(row!.frequency).toBe('daily')
    expect(app.mail.to('same.person@example.org')).toHaveLength(2)
  })

  it('names each bad field with a 400 and stores nothing', async () => {
    for (const [body, field] of [
      [{ email: 'not-an-address', frequency: 'daily' }, 'email'],
      [{ email: 'a@example.org', frequency: 'hourly' }, 'frequency'],
      [{ email: 'a@example.org', frequency: 'daily', language: 'fr' }, 'language'],
      [{ email: 'a@example.org', frequency: 'daily', jurisdictions: ['US-ZZ'] }, 'jurisdictions'],
      [{ email: 'a@example.org', frequency: 'daily', jurisdictions: 'US-NY' }, 'jurisdictions'],
      [{ email: 'a@example.org', frequency: 'daily', categories: ['gossip'] }, 'categories'],
      [{ email: 'a@b.c', frequency: 'daily' }, 'email'],
      [{ email: 'a..b@example.org', frequency: 'daily' }, 'email'],
      [{ email: ['a@example.org'], frequency: 'daily' }, 'email'],
      [{ email: 'a@example.org', frequency: 'daily', confirmedAt: '2020-01-01' }, 'confirmedAt'],
      [{ email: 'a@example.org', frequency: 'daily', jurisdictions: [{ code: 'US-NY' }] }, 'jurisdictions'],
    ] as const) {
      const res = await subscribe(body)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].data.errors.map((e: { path: string }) => e.path)).toContain(field)
    }
    expect((await subscribe([1, 2] as never)).status).toBe(400)
    expect(await rows('a@example.org')).toHaveLength(0)
  })
})

describe('double opt-in', () => {
  it('a link confirms only when posted; an unconfirmed address gets no alerts and is deleted after 7 days', async () => {
    await subscribe({ email: 'opt.in@example.org', frequency: 'immediate', language: 'es' })
    const mail = await waitForMail(app, (m) => m.to.includes('opt.in@example.org'))
    expect(mail.subject).toBe('Confirme sus alertas del kit de herramientas')
    const token = tokenIn(mail.text!, 'confirm')
    // Following the link (a mail scanner does) confirms nothing.
    expect((await request(app.url).get(`/api/subscriptions/confirm?token=${encodeURIComponent(token)}`).set('Accept', 'text/html')).status).toBe(200)
    expect((await rows('opt.in@example.org'))[0]!.confirmedAt).toBeFalsy()
    // A forged token is refused.
    expect((await request(app.url).post('/api/subscriptions/confirm').send({ token: `${token.slice(0, -2)}xx` })).status).toBe(400)
    const confirmed = await request(app.url).post('/api/subscriptions/confirm').type('form').send({ token })
    expect(confirmed.status).toBe(200)
    expect((await rows('opt.in@example.org'))[0]!.confirmedAt).toBeTruthy()

    await subscribe({ email: 'never.confirms@example.org', frequency: 'immediate' })
    await settle(app)
    const [pending] = await rows('never.confirms@example.org')
    const sixDays = new Date(new Date(pending!.createdAt).getTime() + 6 * 86_400_000)
    await sendDueAlerts(app.payload, sixDays)
    expect(await rows('never.confirms@example.org')).toHaveLength(1)
    await sendDueAlerts(app.payload, new Date(sixDays.getTime() + 2 * 86_400_000))
    expect(await rows('never.confirms@example.org')).toHaveLength(0)
    // Its confirm link now answers 410 and confirms nothing.
    const link = tokenIn(app.mail.to('never.confirms@example.org')[0]!.text!, 'confirm')
    expect((await request(app.url).post('/api/subscriptions/confirm').send({ token: link })).status).toBe(410)
  })
})

describe('unsubscribe', () => {
  it('the one-click POST (RFC 8058) deletes the subscription at once; a second click answers the same', async () => {
    await subscribe({ email: 'leaving@example.org', frequency: 'weekly' })
    const confirm = tokenIn((await waitForMail(app, (m) => m.to.includes('leaving@example.org'))).text!, 'confirm')
    await request(app.url).post('/api/subscriptions/confirm').send({ token: confirm })
    // Asking again while confirmed: a note with the links, and the unsubscribe headers.
    await subscribe({ email: 'leaving@example.org', frequency: 'weekly' })
    const note = await waitForMail(app, (m) => m.to.includes('leaving@example.org') && m.subject === 'You already receive toolkit alerts')
    expect(note.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m)
    const header = /^List-Unsubscribe: <([^>]+)>/m.exec(note.raw.replace(/\r?\n[ \t]+/g, " "))![1]!.replace(/ /g, "")
    const url = new URL(header)
    expect(url.pathname).toBe('/api/subscriptions/unsubscribe')
    // The GET shows a button and deletes nothing.
    expect((await request(app.url).get(url.pathname + url.search)).status).toBe(200)
    expect(await rows('leaving@example.org')).toHaveLength(1)
    const oneClick = await request(app.url).post(url.pathname + url.search).type('form').send('List-Unsubscribe=One-Click')
    expect(oneClick.status).toBe(200)
    expect(await rows('leaving@example.org')).toHaveLength(0)
    const twice = await request(app.url).post(url.pathname + url.search).type('form').send('List-Unsubscribe=One-Click')
    expect([twice.status, twice.body]).toEqual([oneClick.status, oneClick.body])
    // A confirm token is not an unsubscribe token.
    expect((await request(app.url).post('/api/subscriptions/unsubscribe').send({ token: confirm })).status).toBe(400)
  })

  it('the manage link shows and changes the choices', async () => {
    await subscribe({ email: 'chooser@example.org', frequency: 'weekly', jurisdictions: ['US-CA'] })
    const confirm = tokenIn((await waitForMail(app, (m) => m.to.includes('chooser@example.org'))).text!, 'confirm')
    await request(app.url).post('/api/subscriptions/confirm').send({ token: confirm })
    await subscribe({ email: 'chooser@example.org', frequency: 'weekly' })
    const manage = tokenIn((await waitForMail(app, (m) => m.to.includes('chooser@example.org') && /manage/.test(m.text ?? ''))).text!, 'manage')
    const shown = await request(app.url).get(`/api/subscriptions/manage?token=${encodeURIComponent(manage)}`)
    expect(shown.body).toEqual({ jurisdictions: ['US-CA'], categories: [], frequency: 'weekly', language: 'en' })
    expect((await request(app.url).post('/api/subscriptions/manage').send({ token: manage, frequency: 'never' })).status).toBe(400)
    const changed = await request(app.url).post('/api/subscriptions/manage').send({ token: manage, frequency: 'daily', jurisdictions: ['US-NY'], categories: ['policy'] })
    expect(changed.status).toBe(200)
    expect((await request(app.url).get(`/api/subscriptions/manage?token=${encodeURIComponent(manage)}`)).body).toEqual({ jurisdictions: ['US-NY'], categories: ['policy'], frequency: 'daily', language: 'en' })
  })
})

describe('the subscriber list', () => {
  it('is closed to the public and contributors, and every editor read (REST, GraphQL, count) is audited', async () => {
    await app.payload.create({ collection: 'subscriptions', data: { email: 'listed@example.org', frequency: 'daily' } as never, overrideAccess: true })
    const anonymous = request(app.url)
    expect((await anonymous.get('/api/subscriptions')).status).toBe(403)
    expect((await anonymous.post('/api/graphql').send({ query: '{ Subscriptions { docs { email } } }' })).body.data?.Subscriptions ?? null).toBeNull()
    const contributor = await signIn(app, await createAccount(app, 'contributor'))
    expect((await contributor.get('/api/subscriptions')).status).toBe(403)
    expect((await contributor.post('/api/subscriptions').send({ email: 'x@example.org', frequency: 'daily' })).status).toBe(202)

    const account = await createAccount(app, 'editor')
    const editor = await signIn(app, account)
    const audit = async () =>
      (await app.payload.find({ collection: 'registration-audit', where: { list: { equals: 'subscriptions' } }, sort: 'createdAt', pagination: false, overrideAccess: true, depth: 0 })).docs.map((e) => [
        e.action,
        e.user,
        e.rows,
      ])
    const list = await editor.get('/api/subscriptions?where[email][equals]=listed@example.org')
    expect(list.body.docs).toHaveLength(1)
    await editor.get('/api/subscriptions/count')
    await editor.get(`/api/subscriptions/${list.body.docs[0].id}`)
    await editor.post('/api/graphql').send({ query: '{ Subscriptions { docs { email } } }' })
    const entries = await audit()
    expect(entries.map(([action, user]) => [action, user])).toEqual([
      ['list', account.id],
      ['count', account.id],
      ['read', account.id],
      ['list', account.id],
    ])
    expect(JSON.stringify(await app.payload.find({ collection: 'payload-jobs', overrideAccess: true, pagination: false }))).not.toContain('@example.org')
  })
})

describe('logs', () => {
  it('never carry a subscriber address, whatever happened above', () => {
    expect(logLines.length).toBeGreaterThan(0)
    const addresses = ['same.person', 'other.person', 'limited.person', 'opt.in', 'never.confirms', 'leaving', 'chooser', 'listed']
    for (const line of logLines) for (const address of addresses) expect(line).not.toContain(`${address}@`)
  })
})
