/**
 * Text a stranger supplies (a name, an organization, a title, a note) can neither add lines nor
 * live links to an email sent from the toolkit's address: names are refused at the door, and
 * whatever is stored (by older versions, or fields that allow more) is rendered inert.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { inertBlock, inertLine } from '../src/email/strangerText'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar, signUp as applicant } from './helpers/webinars'
import { settle, waitForMail } from './helpers/workflow'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ ACCOUNT_RATE_LIMIT: '0', REGISTRATION_RATE_LIMIT: '0' })
})
afterAll(async () => {
  await app?.stop()
})

const PHISHING_NAMES = [
  'Ana\n\nYour seat is cancelled. Re-register at https://evil.example/login',
  'Ana\r\nhttps://evil.example',
  'Ana\u2028Verify: evil.example/x',
  'Ana Visit www.evil.example',
  'Ana bit.ly/abc',
  'ana@evil.example',
  'Ana\u202eelpmaxe.live',
  'Ana\tjavascript:alert(1)',
]
/** The attacker's link in any form a mail client would make live: a scheme, www., or the domain name. */
const LIVE_LINK = /https?:\/\/evil|\bwww\.evil|evil\.example|bit\.ly/i

describe('names and one-line fields are refused with 400 naming the field', () => {
  it.each(PHISHING_NAMES)('webinar registration, name %j', async (name) => {
    const webinar = await createWebinar(app)
    const res = await request(app.url).post(`/api/webinars/${webinar.id}/register`).send(applicant({ name }))
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'name' })])
    await settle(app)
    expect(app.mail.messages.some((m) => LIVE_LINK.test(m.text ?? '') || /evil/.test(m.html ?? ''))).toBe(false)
  })

  it('webinar registration, an organization on several lines', async () => {
    const webinar = await createWebinar(app)
    const res = await request(app.url).post(`/api/webinars/${webinar.id}/register`).send(applicant({ organization: 'Coalition\n\nClick https://evil.example' }))
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'organization' })])
  })

  it.each(PHISHING_NAMES)('account sign-up and account update, name %j', async (name) => {
    const signUp = await request(app.url).post('/api/contributors').send({ name, email: 'phisher@example.org', password: 'velvet-orbit-lantern-92' })
    expect(signUp.status).toBe(400)
    expect(JSON.stringify(signUp.body)).toMatch(/"path":"name"/)
    const me = await createAccount(app, 'contributor')
    const agent = await signIn(app, me)
    const update = await agent.patch(`/api/contributors/${me.id}`).send({ name })
    expect(update.status).toBe(400)
    expect(((await app.payload.findByID({ collection: 'contributors', id: me.id, overrideAccess: true })) as { name: string }).name).toBe('Test contributor')
  })

  it('accepts ordinary names', async () => {
    const webinar = await createWebinar(app)
    for (const name of ['Ana María O’Brien-Núñez', 'J. R. Smith', 'Nguyễn Văn A', 'Dr. Amara Okafor']) {
      expect((await request(app.url).post(`/api/webinars/${webinar.id}/register`).send(applicant({ name }))).status).toBe(202)
    }
  })
})

describe('stored text renders inert in every email', () => {
  const hostile = 'Ana\n\nYour seat moved: https://evil.example/login or www.evil.example'

  it('webinar confirmation: the name is one escaped line and only our own links are anchors', async () => {
    const webinar = await createWebinar(app)
    await request(app.url).post(`/api/webinars/${webinar.id}/register`).send(applicant({ name: 'Placeholder Name', email: 'victim@example.org' })).expect(202)
    const stored = (await app.payload.find({ collection: 'webinar-registrations', where: { email: { equals: 'victim@example.org' } }, overrideAccess: true })).docs[0]!
    // As an older version could have stored it (the write bypasses today's validation).
    await app.payload.db.updateOne({ collection: 'webinar-registrations', id: stored.id, data: { name: `${hostile} <b>x</b>` } })
    await settle(app)
    app.mail.clear()
    const { deliverWebinarEmail } = await import('../src/webinars/emails')
    await deliverWebinarEmail(app.payload, "registered", Object.assign({}, webinar, { language: "en", timezone: "America/New_York", joinUrl: "https://meet.example.org/secret-room" }) as never, Object.assign({}, stored, { name: `${hostile} <b>x</b>`, status: "registered" }) as never)
    const mail = app.mail.to('victim@example.org').at(-1)!
    expect(mail.text).not.toMatch(LIVE_LINK)
    expect(mail.text!.split('\n')[0]).toMatch(/^Hello Ana Your seat moved: https\[:\]\/\/evil\[\.\]example\/login or www\[\.\]evil\[\.\]example <b>x<\/b>,$/)
    expect(mail.html).not.toContain('<b>')
    const anchors = [...mail.html!.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!)
    expect(anchors.map((href) => new URL(href.replace(/&amp;/g, '&')).host).sort()).toEqual([new URL(app.url).host, 'meet.example.org'].sort())
  })

  it("editors' sign-up notice and the activation email", async () => {
    const editor = await createAccount(app, 'editor')
    await settle(app)
    app.mail.clear()
    await request(app.url).post('/api/contributors').send({ name: 'Placeholder Person', email: 'new.person@example.org', password: 'velvet-orbit-lantern-92' }).expect(201)
    const notice = await waitForMail(app, (m) => m.to === editor.email)
    expect(notice.text).toContain('Placeholder Person')
    const { renderMessage } = await import('../src/email/messages')
    const { createLocalReq } = await import('payload')
    const req = await createLocalReq({}, app.payload)
    const person = (await app.payload.find({ collection: 'contributors', where: { email: { equals: 'new.person@example.org' } }, overrideAccess: true })).docs[0]!
    await app.payload.db.updateOne({ collection: 'contributors', id: person.id, data: { name: hostile } })
    const rendered = await renderMessage(req, { template: 'signup', contributor: String(person.id), recipient: String(editor.id) })
    expect(rendered!.text).not.toMatch(LIVE_LINK)
    expect(rendered!.text.split('\n')[0]).toMatch(/^Ana Your seat moved: .* signed up as a contributor/)
    const welcome = await renderMessage(req, { template: 'activated', contributor: String(person.id) })
    expect(welcome!.text).not.toMatch(LIVE_LINK)
  })

  it('inertLine and inertBlock: one line, quoted lines, nothing linkable', () => {
    for (const text of [hostile, 'see HTTPS://EVIL.EXAMPLE', 'mail me: a@evil.example', 'javascript:alert(1)', 'Evil.Example/path']) {
      expect(inertLine(text)).not.toMatch(/\n|https?:\/\/|\bwww\.|evil\.example|@|javascript:/i)
      for (const line of inertBlock(`${text}\n${text}`)) expect(line).toMatch(/^> [^\n]*$/)
    }
    expect(inertLine('Version 3.5 of A. Smith’s brief')).toBe('Version 3.5 of A. Smith’s brief')
  })
})
