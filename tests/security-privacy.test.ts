/**
 * Privacy: no registrant's or contributor's email address appears in any anonymous response,
 * any error body, or any log line, while the flows that handle addresses run: sign-up (and a
 * duplicate one), failed logins and a lockout, webinar registrations (and a duplicate),
 * forgot-password for known and unknown addresses, and workflow transitions with their emails.
 */
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request, { type Response } from 'supertest'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar, signUp } from './helpers/webinars'
import { CHECKLIST, settle } from './helpers/workflow'

const lines: string[] = []
const logs = new Writable({
  write(chunk, _encoding, callback) {
    lines.push(String(chunk))
    callback()
  },
})

let app: TestApp
const emails = new Set<string>()
/** Every response a client without a session got, and every error body anyone got. */
const exposed: { what: string; body: string }[] = []

beforeAll(async () => {
  // debug: the most Payload ever writes. REGISTRATION_RATE_LIMIT off: this file registers often.
  app = await startTestApp({ LOG_LEVEL: 'debug', REGISTRATION_RATE_LIMIT: '0' }, { logDestination: logs })
})
afterAll(async () => {
  await app?.stop()
})

function record(what: string, res: Response, anonymous: boolean) {
  if (anonymous || res.status >= 400) exposed.push({ what: `${what} → ${res.status}`, body: res.text ?? '' })
  return res
}
const anon = () => request(app.url)

describe('addresses stay out of responses and logs', () => {
  it('through sign-up, logins, registrations, password resets and the workflow', async () => {
    // Sign-up, and the same address again.
    const person = { name: 'Rosa Leader', email: 'rosa.leader@example.org', password: 'a-long-password-1' }
    emails.add(person.email)
    record('sign-up', await anon().post('/api/contributors').send(person), false)
    record('duplicate sign-up', await anon().post('/api/contributors').send(person), true)

    // Failed logins: unknown address, wrong password until the lockout, and after it.
    emails.add('nobody-here@example.org')
    record('login unknown', await anon().post('/api/contributors/login').send({ email: 'nobody-here@example.org', password: 'x' }), true)
    for (let i = 0; i < 6; i++) record(`login wrong ${i}`, await anon().post('/api/contributors/login').send({ email: person.email, password: 'wrong' }), true)
    record('login malformed', await anon().post('/api/contributors/login').send({ email: `${person.email}'--`, password: { $ne: 1 } }), true)

    // Forgot-password, known and unknown.
    record('forgot known', await anon().post('/api/contributors/forgot-password').send({ email: person.email }), true)
    record('forgot unknown', await anon().post('/api/contributors/forgot-password').send({ email: 'nobody-here@example.org' }), true)

    // Webinar registrations: accepted, duplicate, invalid.
    const webinar = await createWebinar(app)
    const applicant = signUp()
    emails.add(applicant.email as string)
    record('register', await anon().post(`/api/webinars/${webinar.id}/register`).send(applicant), true)
    record('register duplicate', await anon().post(`/api/webinars/${webinar.id}/register`).send(applicant), true)
    record('register invalid', await anon().post(`/api/webinars/${webinar.id}/register`).send({ ...applicant, consent: false, role: 'spy' }), true)

    // Workflow: a contributor's resource through review and publication (emails to both sides).
    const leaderAccount = await createAccount(app, 'contributor')
    const editorAccount = await createAccount(app, 'editor')
    emails.add(leaderAccount.email).add(editorAccount.email)
    const leader = await signIn(app, leaderAccount)
    const editor = await signIn(app, editorAccount)
    const id = (await leader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Privacy test resource', category: 'statement' })).body.doc.id
    for (const [agent, body] of [
      [leader, { action: 'submit' }],
      [editor, { action: 'request_changes', note: 'Please add the source.' }],
      [leader, { action: 'submit' }],
      [editor, { action: 'publish', checklist: CHECKLIST }],
      [leader, { action: 'publish', checklist: CHECKLIST }], // refused: 403
    ] as const) {
      record(`workflow ${body.action}`, await agent.post(`/api/resources/${id}/workflow`).send(body), false)
    }
    await app.payload.jobs.run()
    await settle(app)
    expect(app.mail.messages.length).toBeGreaterThan(2) // the flows did send mail to these addresses

    // What an anonymous client can read afterwards, REST and GraphQL, as deep as allowed.
    for (const path of ['resources', 'documents', 'webinars', 'jurisdictions', 'organizations', 'topics', 'contributors', 'webinar-registrations', 'review-events', 'registration-audit', 'payload-locked-documents']) {
      record(`GET ${path}`, await anon().get(`/api/${path}?depth=5&limit=100&draft=true`), true)
    }
    record('GET resource', await anon().get(`/api/resources/${id}?depth=5`), true)
    record('GET resource by owner email', await anon().get(`/api/resources?where[owner.email][equals]=${encodeURIComponent(leaderAccount.email)}`), true)
    record('GET me', await anon().get('/api/contributors/me'), true)
    record(
      'graphql',
      await anon().post('/api/graphql').send({ query: '{ Resources(limit: 100) { docs { title owner { email } } } Contributors { docs { email } } WebinarRegistrations { docs { email } } }' }),
      true,
    )
  })

  it('no anonymous response and no error body names an address', () => {
    expect(exposed.length).toBeGreaterThan(20)
    const leaks = exposed.filter(({ body }) => [...emails].some((email) => body.toLowerCase().includes(email.toLowerCase()))).map(({ what }) => what)
    expect(leaks).toEqual([])
  })

  it('no log line names an address', () => {
    expect(lines.length).toBeGreaterThan(0)
    const leaks = lines.filter((line) => [...emails].some((email) => line.toLowerCase().includes(email.toLowerCase())))
    expect(leaks).toEqual([])
  })
})
