import { createEvent } from 'ics'
import type { Payload } from 'payload'
import { inertLine } from '../email/strangerText'
import { ownSitePage } from '../email/links'
import { signCancelToken } from './cancelToken'
import { type EmailKind, emailText } from './emailText'
import { queueEmailRetry } from './outbox'

type Id = string | number
export type WebinarForEmail = {
  id: Id
  title: string
  description?: string | null
  startsAt: string
  endsAt: string
  timezone: string
  joinUrl?: string | null
  language?: string | null
}
export type RegistrationForEmail = { id: Id; name: string; email: string; status: string; createdAt: string }
export type { EmailKind }

/** When the webinar happens, in its own time zone, e.g. "Tuesday, March 3, 2026 at 6:00 PM (America/New_York)". */
// Building an Intl.DateTimeFormat costs more than the rest of an email: one per language and zone.
const formatters = new Map<string, [Intl.DateTimeFormat, Intl.DateTimeFormat]>()

export function formatWhen(webinar: WebinarForEmail): string {
  const locale = webinar.language === 'es' ? 'es-US' : 'en-US'
  const key = `${locale} ${webinar.timezone}`
  let pair = formatters.get(key)
  if (!pair) {
    pair = [
      new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: webinar.timezone }),
      new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: webinar.timezone }),
    ]
    // Time zones are validated on the webinar, so the map stays as small as the zones in use.
    formatters.set(key, pair)
  }
  const [format, end] = pair
  return `${format.format(new Date(webinar.startsAt))} – ${end.format(new Date(webinar.endsAt))} (${webinar.timezone})`
}

/**
 * Calendar files by what they show: every sign-up for one webinar gets the same file, and
 * building it (the ics package validates every field) cost as much as the rest of the email.
 * Bounded: a webinar edit gives a new key, and old keys go first.
 */
const calendarFiles = new Map<string, string>()
const CALENDAR_FILES_KEPT = 100

/** The calendar invitation; the join link is in it only for people holding a seat. */
export function calendarFile(webinar: WebinarForEmail, withJoinUrl: boolean, serverUrl: string): string {
  const { id, title, description, startsAt, endsAt, joinUrl } = webinar
  const key = JSON.stringify([id, title, description, startsAt, endsAt, withJoinUrl && joinUrl, serverUrl])
  let file = calendarFiles.get(key)
  if (file === undefined) {
    file = buildCalendarFile(webinar, withJoinUrl, serverUrl)
    calendarFiles.set(key, file)
    if (calendarFiles.size > CALENDAR_FILES_KEPT) calendarFiles.delete(calendarFiles.keys().next().value!)
  }
  return file
}

function buildCalendarFile(webinar: WebinarForEmail, withJoinUrl: boolean, serverUrl: string): string {
  const host = new URL(serverUrl).hostname || 'localhost'
  const join = withJoinUrl && webinar.joinUrl ? webinar.joinUrl : undefined
  const { error, value } = createEvent({
    uid: `webinar-${webinar.id}@${host}`,
    productId: 'ice-out-of-courts-toolkit/webinars',
    method: 'PUBLISH',
    title: webinar.title,
    description: [webinar.description, join && `Join: ${join}`].filter(Boolean).join('\n\n') || undefined,
    start: new Date(webinar.startsAt).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: new Date(webinar.endsAt).getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    ...(join ? { url: join, location: join } : {}),
    status: 'CONFIRMED',
  })
  if (error || !value) throw error ?? new Error('Could not build the calendar file')
  return value
}

export function cancelUrl(payload: Payload, registration: RegistrationForEmail, webinar: WebinarForEmail): string {
  const token = signCancelToken(payload.secret, {
    registration: registration.id,
    created: new Date(registration.createdAt).getTime(),
    expires: new Date(webinar.endsAt).getTime(),
  })
  // The site's styled cancel page when it is served; the API's plain one otherwise. Both only show a button.
  const page = ownSitePage(payload, '/webinars/cancel', webinar.language) ?? `${payload.config.serverURL}/api/webinar-registrations/cancel`
  return `${page}?token=${encodeURIComponent(token)}`
}

function body(kind: EmailKind, webinar: WebinarForEmail, registration: RegistrationForEmail, cancel: string): string[] {
  const text = emailText(webinar.language)
  const seated = registration.status === 'registered'
  const join = seated && webinar.joinUrl ? [`${text.join}: ${webinar.joinUrl}`] : []
  return [
    // The name is the registrant's own words: one line, no links (src/email/strangerText.ts).
    text.hello(inertLine(registration.name)),
    '',
    ...text.lead[kind](webinar.title, seated),
    '',
    `${text.when}: ${formatWhen(webinar)}`,
    ...join,
    '',
    `${text.cancel}: ${cancel}`,
    '',
    text.privacy,
  ]
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** Escaped lines; only the links we made (cancel, join) become anchors, never text someone typed. */
const toHtml = (lines: string[], links: string[]) =>
  lines
    .map((line) => {
      let html = escapeHtml(line)
      for (const url of links) {
        const escaped = escapeHtml(url)
        if (line.endsWith(url)) html = `${html.slice(0, -escaped.length)}<a href="${escaped}">${escaped}</a>`
      }
      return html
    })
    .map((line) => (line ? `<p>${line}</p>` : ''))
    .join('\n')

/** Sends one webinar email now; throws when the mail server refuses or cannot be reached. */
export async function deliverWebinarEmail(
  payload: Payload,
  kind: EmailKind,
  webinar: WebinarForEmail,
  registration: RegistrationForEmail,
): Promise<void> {
  const cancel = cancelUrl(payload, registration, webinar)
  const lines = body(kind, webinar, registration, cancel)
  const attachIcs = registration.status === 'registered' && kind !== 'already-registered'
  await payload.sendEmail({
    to: registration.email,
    subject: `${emailText(webinar.language).subject[kind]}: ${webinar.title}`,
    text: lines.join('\n'),
    html: toHtml(lines, [cancel, ...(registration.status === 'registered' && webinar.joinUrl ? [webinar.joinUrl] : [])]),
    attachments: attachIcs
      ? [
          {
            filename: 'webinar.ics',
            content: calendarFile(webinar, true, payload.config.serverURL),
            contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
          },
        ]
      : [],
  })
}

/**
 * Sends one webinar email. A failing mail server never undoes the registration: the failure is
 * logged (without the address or any personal data) and a job retries the message with backoff.
 * The job's input holds ids only; it reads the person afresh, so a cancelled person is not mailed.
 */
export async function sendWebinarEmail(
  payload: Payload,
  kind: EmailKind,
  webinar: WebinarForEmail,
  registration: RegistrationForEmail,
): Promise<void> {
  try {
    await deliverWebinarEmail(payload, kind, webinar, registration)
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).name
    payload.logger.warn({ msg: 'Webinar email not sent; queued for retry', kind, webinar: webinar.id, code })
    try {
      await queueEmailRetry(payload, kind, registration.id)
    } catch (queueError) {
      payload.logger.error({ msg: 'Webinar email could not be queued for retry', kind, webinar: webinar.id, err: (queueError as Error).name })
    }
  }
}
