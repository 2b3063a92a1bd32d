import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { signCancelToken } from '../src/webinars/cancelToken'
import { register as registerDirectly, type Webinar } from '../src/webinars/registrations'
import { startTestApp, type TestApp } from './helpers/testApp'
import { cancelTokenIn, createWebinar, icsUtc, parseIcs, parseMail, registrationsOf, signUp } from './helpers/webinars'

let app: TestApp
beforeAll(async () => {
  // The rate limit has its own test (webinars-access); here 50 requests must all reach the endpoint.
  app = await startTestApp({ REGISTRATION_RATE_LIMIT: '0' })
})
afterAll(async () => {
  await app?.stop()
})
beforeEach(() => app.mail.clear())

const register = (webinar: string | number, body: unknown) =>
  request(app.url).post(`/api/webinars/${webinar}/register`).send(body as object)

describe('POST /api/webinars/:id/register', () => {
  it('answers new, duplicate and waitlisted sign-ups with byte-identical 202 bodies', async () => {
    const webinar = await createWebinar(app, { capacity: 1 })
    const first = signUp()
    const fresh = await register(webinar.id, first)
    const duplicate = await register(webinar.id, { ...first, email: first.email.toUpperCase(), name: 'Someone else' })
    const waitlisted = await register(webinar.id, signUp())

    for (const res of [fresh, duplicate, waitlisted]) {
      expect(res.status).toBe(202)
      expect(res.headers['cache-control']).toMatch(/\bno-store\b/)
    }
    expect(duplicate.text).toBe(fresh.text)
    expect(waitlisted.text).toBe(fresh.text)
    expect(JSON.parse(fresh.text)).toEqual({ message: expect.any(String) })

    const rows = await registrationsOf(app, webinar.id)
    expect(rows.map((r) => [r.email, r.status, r.name])).toEqual([
      [first.email, 'registered', 'Ana Activist'],
      [expect.any(String), 'waitlisted', 'Ana Activist'],
    ])
  })

  it('sends a confirmation with the time in the webinar time zone, an .ics with the join link, and a cancel link', async () => {
    const webinar = await createWebinar(app, { startsAt: '2031-03-04T23:00:00.000Z', endsAt: '2031-03-05T00:30:00.000Z' })
    const person = signUp()
    expect((await register(webinar.id, person)).status).toBe(202)

    const [message, ...others] = app.mail.to(person.email)
    expect(others).toHaveLength(0)
    expect(message!.subject).toBe(`You're registered: ${webinar.title}`)
    const mail = await parseMail(message!.raw)
    // 23:00 UTC on 4 March is 6:00 PM in New York (EST, UTC-5).
    expect(mail.text).toContain('Tuesday, March 4, 2031 at 6:00')
    expect(mail.text).toContain('(America/New_York)')
    expect(mail.text).toContain('https://meet.example.org/secret-room')
    expect(cancelTokenIn(mail.text)).toMatch(/^v1\./)

    const ics = mail.attachments.find((a) => a.filename === 'webinar.ics')
    expect(ics?.contentType).toBe('text/calendar')
    const event = parseIcs(ics!.content)
    expect(event.SUMMARY).toBe(webinar.title)
    expect(event.DTSTART).toBe(icsUtc(webinar.startsAt))
    expect(event.DTEND).toBe(icsUtc(webinar.endsAt))
    expect(event.URL).toBe('https://meet.example.org/secret-room')
    expect(event.UID).toBe(`webinar-${webinar.id}@127.0.0.1`)
  })

  it('writes to people in the webinar language: Spanish title, words and date', async () => {
    const webinar = await createWebinar(app, { language: 'es', startsAt: '2031-03-04T23:00:00.000Z', endsAt: '2031-03-05T00:30:00.000Z' })
    await app.payload.update({ collection: 'webinars', id: webinar.id, locale: 'es', data: { title: 'Cómo construir una campaña' } as never })
    const person = signUp()
    await register(webinar.id, person)
    const [message] = app.mail.to(person.email)
    expect(message!.subject).toBe('Inscripción confirmada: Cómo construir una campaña')
    const mail = await parseMail(message!.raw)
    expect(mail.text).toContain('martes, 4 de marzo de 2031')
    expect(mail.text).toContain('Cancele y borre sus datos')
  })

  it('tells a waitlisted person so, without the join link or a calendar entry', async () => {
    const webinar = await createWebinar(app, { capacity: 1 })
    await register(webinar.id, signUp())
    const late = signUp()
    await register(webinar.id, late)
    const [message] = app.mail.to(late.email)
    expect(message!.subject).toBe(`You're on the waitlist: ${webinar.title}`)
    expect(message!.text).toContain('waitlist')
    expect(message!.raw).not.toContain('secret-room')
    expect(message!.attachments).toHaveLength(0)
  })

  it('50 identical requests at once leave one row, one confirmation and one "already registered" email per duplicate', async () => {
    const webinar = await createWebinar(app)
    const person = signUp()
    const responses = await Promise.all(Array.from({ length: 50 }, () => register(webinar.id, person)))
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(202))
    expect(new Set(responses.map((r) => r.text)).size).toBe(1)

    expect(await registrationsOf(app, webinar.id)).toHaveLength(1)
    const subjects = app.mail.to(person.email).map((m) => m.subject)
    expect(subjects).toHaveLength(50)
    expect(subjects.filter((s) => s.startsWith("You're registered:"))).toHaveLength(1)
    expect(subjects.filter((s) => s.startsWith("You're already registered:"))).toHaveLength(49)
  })

  it('never gives more seats than the capacity when many register at once', async () => {
    const webinar = await createWebinar(app, { capacity: 3 })
    await Promise.all(Array.from({ length: 10 }, () => register(webinar.id, signUp())))
    const rows = await registrationsOf(app, webinar.id)
    expect(rows).toHaveLength(10)
    expect(rows.filter((r) => r.status === 'registered')).toHaveLength(3)
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(7)
    expect(app.mail.messages).toHaveLength(10)
  })

  it('the unique seat key decides a true race for the last seats (calls interleaved without HTTP in between)', async () => {
    // Over HTTP the requests arrive a little apart; called together, every caller first sees all seats free.
    const webinar = (await createWebinar(app, { capacity: 3 })) as unknown as Webinar
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => registerDirectly(app.payload, webinar, signUp() as never)))
    expect(outcomes.filter((o) => o === 'registered')).toHaveLength(3)
    const rows = await registrationsOf(app, webinar.id)
    expect(rows.filter((r) => r.status === 'registered')).toHaveLength(3)
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(7)
    expect(app.mail.messages).toHaveLength(10)
  })

  it('the database itself refuses a second holder of one seat and a second row for one address', async () => {
    const webinar = await createWebinar(app, { capacity: 5 })
    const base = { webinar: webinar.id, name: 'Seat', consent: true, interest: 'learn' }
    const create = (data: Record<string, unknown>) =>
      app.payload.create({ collection: 'webinar-registrations', data: { ...base, ...data } as never, overrideAccess: true })
    await create({ email: 'one@example.org', seatKey: `${webinar.id}:1` })
    await expect(create({ email: 'two@example.org', seatKey: `${webinar.id}:1` })).rejects.toMatchObject({ name: 'ValidationError' })
    await expect(create({ email: ' ONE@Example.org ' })).rejects.toMatchObject({ name: 'ValidationError' })
    expect(await registrationsOf(app, webinar.id)).toHaveLength(1)
  })

  it('stores nothing and sends nothing when the honeypot is filled, yet answers the same 202', async () => {
    const webinar = await createWebinar(app)
    const normal = await register(webinar.id, signUp())
    app.mail.clear()
    const bot = await register(webinar.id, signUp({ website: 'https://spam.example' }))
    expect(bot.status).toBe(202)
    expect(bot.text).toBe(normal.text)
    expect(await registrationsOf(app, webinar.id)).toHaveLength(1)
    expect(app.mail.messages).toHaveLength(0)
  })

  it('refuses bad input with a 400 naming every bad field, storing nothing', async () => {
    const webinar = await createWebinar(app)
    const res = await register(webinar.id, {
      name: '',
      email: 'not-an-address',
      consent: false,
      interest: 'world-domination',
      role: 'spy',
      message: 'x'.repeat(1001),
      ipAddress: '10.0.0.1',
    })
    expect(res.status).toBe(400)
    const paths = res.body.errors[0].data.errors.map((e: { path: string }) => e.path).sort()
    expect(paths).toEqual(['consent', 'email', 'interest', 'ipAddress', 'message', 'name', 'role'])
    expect(res.body.errors[0].message).toContain('email')

    const malformed = await request(app.url)
      .post(`/api/webinars/${webinar.id}/register`)
      .set('Content-Type', 'application/json')
      .send('{"name": ')
    expect(malformed.status).toBe(400)
    for (const email of ['a,victim@example.org', 'Name <x@example.org>', 'x@example.org; y@example.org', 'x@localhost']) {
      const res = await register(webinar.id, signUp({ email }))
      expect(res.status).toBe(400)
      expect(res.body.errors[0].data.errors.map((e: { path: string }) => e.path)).toEqual(['email'])
    }
    const unknownJurisdiction = await register(webinar.id, signUp({ jurisdiction: 'US-ZZ' }))
    expect(unknownJurisdiction.status).toBe(400)
    expect(unknownJurisdiction.body.errors[0].data.errors[0].path).toBe('jurisdiction')

    expect(await registrationsOf(app, webinar.id)).toHaveLength(0)
    expect(app.mail.messages).toHaveLength(0)
  })

  it('accepts a jurisdiction by its code', async () => {
    const ny = await app.payload.create({ collection: 'jurisdictions', data: { name: 'New York', code: 'US-NY', type: 'state' } as never })
    const webinar = await createWebinar(app)
    expect((await register(webinar.id, signUp({ jurisdiction: 'US-NY' }))).status).toBe(202)
    const [row] = await app.payload.find({ collection: 'webinar-registrations', where: { webinar: { equals: webinar.id } }, depth: 0, overrideAccess: true }).then((r) => r.docs)
    expect((row as unknown as { jurisdiction: unknown }).jurisdiction).toBe(ny.id)
  })

  it('answers 404 for an unknown or unpublished webinar and 409 when closed or over', async () => {
    expect((await register('999999', signUp())).status).toBe(404)
    expect((await register('not-an-id', signUp())).status).toBe(404)
    const draft = await createWebinar(app, { _status: 'draft' })
    expect((await register(draft.id, signUp())).status).toBe(404)

    const closed = await createWebinar(app, { registrationOpen: false })
    const closedRes = await register(closed.id, signUp())
    expect(closedRes.status).toBe(409)
    expect(closedRes.body.errors[0].message).toMatch(/closed/)

    const over = await createWebinar(app, {
      startsAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
      endsAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
    })
    expect((await register(over.id, signUp())).status).toBe(409)
    expect(app.mail.messages).toHaveLength(0)
  })
})

describe('cancelling', () => {
  it('GET shows what would be cancelled and deletes nothing; POST deletes the data and promotes the first on the waitlist', async () => {
    const webinar = await createWebinar(app, { capacity: 1 })
    const seated = signUp()
    const second = signUp()
    const third = signUp()
    for (const person of [seated, second, third]) await register(webinar.id, person)
    const token = cancelTokenIn(app.mail.to(seated.email)[0]!.text!)
    app.mail.clear()

    const shown = await request(app.url).get('/api/webinar-registrations/cancel').query({ token })
    expect(shown.status).toBe(200)
    expect(shown.headers['cache-control']).toMatch(/\bno-store\b/)
    expect(shown.body.webinar.title).toBe(webinar.title)
    expect(JSON.stringify(shown.body)).not.toContain(seated.email)
    const page = await request(app.url).get('/api/webinar-registrations/cancel').query({ token }).set('Accept', 'text/html')
    expect(page.text).toContain('<form method="post"')
    expect(await registrationsOf(app, webinar.id)).toHaveLength(3)

    const cancelled = await request(app.url).post('/api/webinar-registrations/cancel').send({ token })
    expect(cancelled.status).toBe(200)
    const rows = await registrationsOf(app, webinar.id)
    expect(rows.map((r) => [r.email, r.status])).toEqual([
      [second.email, 'registered'],
      [third.email, 'waitlisted'],
    ])
    expect(rows.some((r) => r.email === seated.email)).toBe(false)

    // The promoted person, and only they, is emailed: with the join link and the calendar entry.
    expect(app.mail.messages.map((m) => m.to)).toEqual([second.email])
    const promoted = await parseMail(app.mail.messages[0]!.raw)
    expect(app.mail.messages[0]!.subject).toBe(`A seat opened up for you: ${webinar.title}`)
    expect(promoted.text).toContain('https://meet.example.org/secret-room')
    expect(parseIcs(promoted.attachments[0]!.content).URL).toBe('https://meet.example.org/secret-room')

    // A second click is harmless.
    const again = await request(app.url).post('/api/webinar-registrations/cancel').send({ token })
    expect(again.status).toBe(200)
    expect(await registrationsOf(app, webinar.id)).toHaveLength(2)
  })

  it('a cancel form post from the confirmation page works too', async () => {
    const webinar = await createWebinar(app)
    const person = signUp()
    await register(webinar.id, person)
    const token = cancelTokenIn(app.mail.to(person.email)[0]!.text!)
    const res = await request(app.url).post('/api/webinar-registrations/cancel').type('form').send({ token }).set('Accept', 'text/html')
    expect(res.status).toBe(200)
    expect(res.text).toContain('cancelled')
    expect(await registrationsOf(app, webinar.id)).toHaveLength(0)
  })

  it('refuses tampered tokens with 400 and expired ones with 410, deleting nothing', async () => {
    const webinar = await createWebinar(app)
    const person = signUp()
    await register(webinar.id, person)
    const token = cancelTokenIn(app.mail.to(person.email)[0]!.text!)
    const [row] = await registrationsOf(app, webinar.id)
    const [version, body, signature] = token.split('.')

    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString())
    const otherBody = Buffer.from(JSON.stringify({ ...claims, r: 12345 })).toString('base64url')
    const flipped = signature!.slice(0, -2) + (signature!.endsWith('AA') ? 'BB' : 'AA')
    const tampered = [
      `${version}.${otherBody}.${signature}`, // another registration, same signature
      `${version}.${body}.${flipped}`, // signature altered
      signCancelToken('not-the-server-secret', { registration: row!.id, created: claims.c, expires: claims.x }),
      'garbage',
      '',
    ]
    for (const bad of tampered) {
      const res = await request(app.url).post('/api/webinar-registrations/cancel').send({ token: bad })
      expect(res.status).toBe(400)
      expect((await request(app.url).get('/api/webinar-registrations/cancel').query({ token: bad })).status).toBe(400)
    }
    const expired = signCancelToken(app.payload.secret, { registration: row!.id, created: claims.c, expires: Date.now() - 1000 })
    const res = await request(app.url).post('/api/webinar-registrations/cancel').send({ token: expired })
    expect(res.status).toBe(410)
    expect(await registrationsOf(app, webinar.id)).toHaveLength(1)
  })
})
