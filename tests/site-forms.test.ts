/**
 * The public site's forms work without JavaScript: a plain urlencoded POST signs up for a webinar
 * or for alerts and is answered with a page (or with the endpoint's JSON when the client asks for
 * JSON). They go through the API's own endpoints, so the checks, the same-answer rules, the emails
 * and the rate limits are theirs: a sign-up counts once, whichever door it came in by.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createJurisdictions } from './helpers/publicApi'
import { ConfigurationError, loadSettings } from '../src/settings'
import { startTestApp, type TestApp } from './helpers/testApp'
import { cancelTokenIn, createWebinar, parseMail, registrationsOf } from './helpers/webinars'
import { settle, waitForMail } from './helpers/workflow'

let app: TestApp
let counter = 0
const email = () => `reader-${++counter}@example.org`
const form = (path: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
  return request(app.url).post(path).type('form').send(body.toString())
}
const signUpFields = (overrides: Record<string, string> = {}) => ({ name: 'Ana Activist', email: email(), interest: 'start-campaign', consent: 'true', website: '', ...overrides })
const subscriptionsOf = async (address: string) =>
  (await app.payload.find({ collection: 'subscriptions', where: { email: { equals: address } }, overrideAccess: true, depth: 0 })).docs

describe('without a rate limit in the way', () => {
  beforeAll(async () => {
    app = await startTestApp({ REGISTRATION_RATE_LIMIT: '100' })
    await createJurisdictions(app)
  })
  afterAll(async () => {
    await app?.stop()
  })
  beforeEach(() => app.mail.clear())

  it('a webinar sign-up posted as a plain form registers, answers with a page, and the confirmation email arrives', async () => {
    const webinar = await createWebinar(app)
    const fields = signUpFields({ jurisdiction: 'US-NY', role: 'organizer', organization: 'Courts Watch' })
    const res = await form(`/webinars/${webinar.id}`, fields)
    expect(res.status).toBe(202)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.text).toContain('We have sent an email to this address')
    const [row] = await registrationsOf(app, webinar.id)
    expect([row?.email, row?.status]).toEqual([fields.email, 'registered'])
    const mail = await waitForMail(app, (m) => m.to === fields.email)
    expect(cancelTokenIn((await parseMail(mail.raw)).text)).toMatch(/^v1\./)
  })

  it('a webinar page shows the seats left after each sign-up (registrations do not move the content version, so the page is never served from the cache)', async () => {
    const webinar = await createWebinar(app, { capacity: 5 })
    expect((await request(app.url).get(`/webinars/${webinar.id}`)).text).toContain('5 seats left')
    expect((await form(`/webinars/${webinar.id}`, signUpFields())).status).toBe(202)
    expect((await request(app.url).get(`/webinars/${webinar.id}`)).text).toContain('4 seats left')
  })

  it('answers in Spanish under /es/, and with the endpoint\'s JSON when the client asks for JSON', async () => {
    const webinar = await createWebinar(app)
    const es = await form(`/es/webinars/${webinar.id}`, signUpFields())
    expect(es.status).toBe(202)
    expect(es.text).toContain('<html lang="es">')
    expect(es.text).toContain('Hemos enviado un correo')
    const json = await form(`/webinars/${webinar.id}`, signUpFields()).set('Accept', 'application/json')
    expect(json.status).toBe(202)
    expect(json.body).toEqual((await request(app.url).post(`/api/webinars/${webinar.id}/register`).send({ name: 'B', email: email(), consent: true, interest: 'learn' })).body)
  })

  it('a bad form is a 400 page naming each field, with nothing stored; unknown and nested fields are refused', async () => {
    const webinar = await createWebinar(app)
    const cases: Record<string, string>[] = [
      signUpFields({ consent: '' }),
      signUpFields({ email: 'not-an-address' }),
      signUpFields({ interest: 'everything' }),
      { ...signUpFields(), extra: 'x' },
      { ...signUpFields(), 'name[first]': 'x' },
    ]
    for (const fields of cases) {
      const res = await form(`/webinars/${webinar.id}`, fields)
      expect([fields, res.status]).toEqual([fields, 400])
      expect(res.headers['content-type']).toMatch(/^text\/html/)
    }
    const noConsent = await form(`/webinars/${webinar.id}`, signUpFields({ consent: '' }))
    expect(noConsent.text).toContain('aria-invalid="true" aria-describedby="consent-error"')
    expect(noConsent.text).toContain('Consent must be true')
    const spanish = await form(`/es/webinars/${webinar.id}`, signUpFields({ consent: '' }))
    expect(spanish.status).toBe(400)
    expect(spanish.text).toContain('Marque la casilla de consentimiento')
    expect(await registrationsOf(app, webinar.id)).toEqual([])
    await settle(app)
    expect(app.mail.messages).toEqual([])
  })

  it('the honeypot gets the usual thank-you page and nothing happens', async () => {
    const webinar = await createWebinar(app)
    const res = await form(`/webinars/${webinar.id}`, signUpFields({ website: 'https://spam.example' }))
    expect(res.status).toBe(202)
    expect(res.text).toContain('We have sent an email to this address')
    expect(await registrationsOf(app, webinar.id)).toEqual([])
  })

  it('an unpublished webinar has no page and takes no sign-up', async () => {
    const webinar = await createWebinar(app, { _status: 'draft' })
    expect((await request(app.url).get(`/webinars/${webinar.id}`)).status).toBe(404)
    expect((await form(`/webinars/${webinar.id}`, signUpFields())).status).toBe(404)
    expect(await registrationsOf(app, webinar.id)).toEqual([])
  })

  it('the cancel page shows the webinar and a button; the button cancels and deletes the registration', async () => {
    const webinar = await createWebinar(app)
    const fields = signUpFields()
    await form(`/webinars/${webinar.id}`, fields)
    const { text } = await parseMail((await waitForMail(app, (m) => m.to === fields.email)).raw)
    // The email links to the site's cancel page (the API's plain one with SITE=off).
    expect(text).toContain(`${app.url}/webinars/cancel?token=`)
    const token = cancelTokenIn(text)
    const page = await request(app.url).get(`/webinars/cancel?token=${encodeURIComponent(token)}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain(webinar.title)
    expect(page.text).toContain('<form action="/webinars/cancel" method="post">')
    expect(await registrationsOf(app, webinar.id)).toHaveLength(1)
    const done = await form('/webinars/cancel', { token })
    expect(done.status).toBe(200)
    expect(done.text).toContain('Your registration is cancelled')
    expect(await registrationsOf(app, webinar.id)).toEqual([])
    expect((await request(app.url).get('/webinars/cancel?token=v1.forged')).status).toBe(400)
  })

  it('an alerts sign-up posted as a plain form creates an unconfirmed subscription and sends the confirmation', async () => {
    const address = email()
    const res = await form('/subscribe', { email: address, jurisdictions: ['US-NY', 'US-CA'], categories: ['legislation'], frequency: 'weekly', language: 'es' })
    expect(res.status).toBe(202)
    expect(res.text).toContain('follow its link to confirm')
    const [subscription] = await subscriptionsOf(address)
    expect(subscription).toMatchObject({ confirmedAt: null, frequency: 'weekly', language: 'es', categories: ['legislation'] })
    await waitForMail(app, (m) => m.to === address)
    // From a jurisdiction's page: one place, fixed.
    const single = email()
    expect((await form('/es/subscribe', { email: single, jurisdictions: 'US-NY', frequency: 'immediate', language: 'es' })).status).toBe(202)
    expect(await subscriptionsOf(single)).toHaveLength(1)
  })

  it('a bad alerts form is a 400 page, nothing stored', async () => {
    const address = email()
    const cases: Record<string, string>[] = [{ email: address, frequency: 'hourly' }, { email: address, frequency: 'weekly', jurisdictions: 'US-ZZ' }, { email: 'nope', frequency: 'weekly' }]
    for (const fields of cases) {
      const res = await form('/subscribe', fields)
      expect([fields, res.status]).toEqual([fields, 400])
      expect(res.text).toContain('Please check the form')
    }
    expect(await subscriptionsOf(address)).toEqual([])
  })
})

describe('the rate limits hold through the forms', () => {
  beforeAll(async () => {
    app = await startTestApp({ REGISTRATION_RATE_LIMIT: '2' })
    await createJurisdictions(app)
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('webinar sign-ups share one count with the API: the third, by either door, is refused with 429', async () => {
    const webinar = await createWebinar(app)
    expect((await form(`/webinars/${webinar.id}`, signUpFields())).status).toBe(202)
    expect((await request(app.url).post(`/api/webinars/${webinar.id}/register`).send({ name: 'B', email: email(), consent: true, interest: 'learn' })).status).toBe(202)
    const limited = await form(`/webinars/${webinar.id}`, signUpFields())
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toBeDefined()
    expect(limited.text).toContain('Too many sign-ups')
    expect((await request(app.url).post(`/api/webinars/${webinar.id}/register`).send({ name: 'C', email: email(), consent: true, interest: 'learn' })).status).toBe(429)
    expect(await registrationsOf(app, webinar.id)).toHaveLength(2)
  })

  it('alert sign-ups over the limit get the same thank-you page and nothing is stored', async () => {
    const addresses = [email(), email(), email()]
    const answers = []
    for (const address of addresses) answers.push(await form('/subscribe', { email: address, frequency: 'weekly' }))
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202])
    expect(answers[2]!.text).toBe(answers[0]!.text)
    expect(await subscriptionsOf(addresses[2]!)).toEqual([])
    expect(await subscriptionsOf(addresses[1]!)).toHaveLength(1)
  })
})

describe('SITE=off', () => {
  beforeAll(async () => {
    app = await startTestApp({ SITE: 'off' })
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('serves the API alone: / answers as before and the site has no pages', async () => {
    const root = await request(app.url).get('/')
    expect(root.body).toMatchObject({ api: '/api' })
    for (const path of ['/es', '/search?q=x', '/site.css', '/webinars']) expect([path, (await request(app.url).get(path)).status]).toEqual([path, 404])
    expect((await request(app.url).get('/api/map')).status).toBe(200)
  })

  it('SITE takes on or off; anything else is refused at start', () => {
    for (const value of ['on', 'off', '']) expect(loadSettings({ SITE: value }, { strict: false }).site).toBe(value !== 'off')
    for (const value of ['false', '0', 'maybe']) expect(() => loadSettings({ SITE: value }, { strict: false })).toThrow(ConfigurationError)
  })
})
