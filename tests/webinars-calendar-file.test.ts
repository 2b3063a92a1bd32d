/**
 * Every sign-up for a webinar gets the same calendar file, so it is built once and kept
 * (src/webinars/emails.ts `calendarFile`). Kept or not, it must follow the webinar: a sign-up after
 * a change of time, title, description or join link gets the changed file.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import request from 'supertest'
import { startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar, icsUtc, parseIcs, parseMail, signUp } from './helpers/webinars'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

async function calendarOfNextSignUp(webinar: string | number): Promise<Record<string, string>> {
  const person = signUp()
  await request(app.url).post(`/api/webinars/${webinar}/register`).send(person).expect(202)
  const [message] = app.mail.to(person.email)
  const ics = (await parseMail(message!.raw)).attachments.find((a) => a.filename === 'webinar.ics')
  return parseIcs(ics!.content)
}

it('follows every change of the webinar that the file shows', async () => {
  const webinar = await createWebinar(app, { startsAt: '2031-05-06T16:00:00.000Z', endsAt: '2031-05-06T17:00:00.000Z' })
  const before = await calendarOfNextSignUp(webinar.id)
  expect(before).toMatchObject({ SUMMARY: webinar.title, DTSTART: icsUtc('2031-05-06T16:00:00.000Z'), URL: 'https://meet.example.org/secret-room' })
  const { DTSTAMP: _made, ...shown } = before
  expect(await calendarOfNextSignUp(webinar.id)).toMatchObject(shown)

  const changes = {
    title: 'Building a campaign (moved)',
    description: 'Now one hour later.',
    startsAt: '2031-05-06T17:00:00.000Z',
    endsAt: '2031-05-06T18:30:00.000Z',
    joinUrl: 'https://meet.example.org/new-room',
  }
  await app.payload.update({ collection: 'webinars', id: webinar.id, data: changes as never })
  const after = await calendarOfNextSignUp(webinar.id)
  expect(after).toMatchObject({
    SUMMARY: changes.title,
    DTSTART: icsUtc(changes.startsAt),
    DTEND: icsUtc(changes.endsAt),
    URL: changes.joinUrl,
  })
  expect(after.DESCRIPTION).toContain('Now one hour later.')
})
