/** Shared fixtures for the webinar tests: a published webinar, a valid sign-up, mail and calendar parsing. */
import { simpleParser } from 'mailparser'
import type { TestApp } from './testApp'

let counter = 0
const HOUR = 60 * 60 * 1000

export async function createWebinar(app: TestApp, overrides: Record<string, unknown> = {}) {
  const startsAt = new Date(Date.now() + 7 * 24 * HOUR)
  return (await app.payload.create({
    collection: 'webinars',
    data: {
      title: `Building a campaign ${++counter}`,
      description: 'How to build or expand an ICE Out of Courts campaign in your jurisdiction.',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
      timezone: 'America/New_York',
      joinUrl: 'https://meet.example.org/secret-room',
      registrationOpen: true,
      language: 'en',
      _status: 'published',
      ...overrides,
    } as never,
  })) as unknown as { id: string | number; title: string; startsAt: string; endsAt: string }
}

export function signUp(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Ana Activist',
    email: `ana-${++counter}@example.org`,
    consent: true,
    interest: 'start-campaign',
    role: 'organizer',
    ...overrides,
  }
}

export async function registrationsOf(app: TestApp, webinar: string | number) {
  const { docs } = await app.payload.find({
    collection: 'webinar-registrations',
    where: { webinar: { equals: webinar } },
    pagination: false,
    sort: 'createdAt',
    overrideAccess: true,
  })
  return docs as unknown as { id: string | number; email: string; status: string; name: string }[]
}

/** The VEVENT properties of an iCalendar text (lines unfolded, parameters dropped). */
export function parseIcs(text: string): Record<string, string> {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/)
  const event: Record<string, string> = {}
  let inEvent = false
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') inEvent = true
    else if (line === 'END:VEVENT') inEvent = false
    else if (inEvent && line.includes(':')) {
      const colon = line.indexOf(':')
      event[line.slice(0, colon).split(';')[0]!] = line.slice(colon + 1)
    }
  }
  return event
}

/** A held message parsed as a mail client would: text and attachments. */
export async function parseMail(raw: string) {
  const mail = await simpleParser(raw)
  return {
    text: mail.text ?? '',
    attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content.toString('utf8') })),
  }
}

/** The cancel token from a message's text. */
export function cancelTokenIn(text: string): string {
  const match = /cancel\?token=([^\s]+)/.exec(text)
  if (!match) throw new Error('no cancel link in the message')
  return decodeURIComponent(match[1]!)
}

/** ICS UTC form of an ISO date: 20260301T230000Z. */
export const icsUtc = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
