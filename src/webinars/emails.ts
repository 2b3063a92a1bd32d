import { createEvent } from 'ics'
import type { Payload } from 'payload'
import { signCancelToken } from './cancelToken'

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
export type EmailKind = 'registered' | 'waitlisted' | 'already-registered' | 'promoted' | 'reminder'

const SUBJECTS: Record<EmailKind, string> = {
  registered: "You're registered",
  waitlisted: "You're on the waitlist",
  'already-registered': "You're already registered",
  promoted: "A seat opened up: you're registered",
  reminder: 'Tomorrow',
}

/** When the webinar happens, in its own time zone, e.g. "Tuesday, March 3, 2026 at 6:00 PM (America/New_York)". */
export function formatWhen(webinar: WebinarForEmail): string {
  const locale = webinar.language === 'es' ? 'es-US' : 'en-US'
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: webinar.timezone })
  const end = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: webinar.timezone })
  return `${format.format(new Date(webinar.startsAt))} – ${end.format(new Date(webinar.endsAt))} (${webinar.timezone})`
}

/** The calendar invitation; the join link is in it only for people holding a seat. */
export function calendarFile(webinar: WebinarForEmail, withJoinUrl: boolean, serverUrl: string): string {
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
  return `${payload.config.serverURL}/api/webinar-registrations/cancel?token=${encodeURIComponent(token)}`
}

function body(kind: EmailKind, webinar: WebinarForEmail, registration: RegistrationForEmail, cancel: string): string[] {
  const seated = registration.status === 'registered'
  const join = seated && webinar.joinUrl ? [`Join link (keep it to yourself): ${webinar.joinUrl}`] : []
  const lines = [`Hello ${registration.name},`, '']
  if (kind === 'registered') lines.push(`You are registered for "${webinar.title}".`)
  if (kind === 'promoted') lines.push(`A seat opened up and you are now registered for "${webinar.title}".`)
  if (kind === 'waitlisted') {
    lines.push(`"${webinar.title}" is full, so you are on the waitlist. If a seat opens up we will email you the join link.`)
  }
  if (kind === 'already-registered') {
    lines.push(
      `Someone asked to register this address for "${webinar.title}". It is already ${seated ? 'registered' : 'on the waitlist'}, so nothing changed.`,
      'If that was not you, you can ignore this message.',
    )
  }
  if (kind === 'reminder') lines.push(`A reminder: "${webinar.title}" starts in less than a day.`)
  lines.push('', `When: ${formatWhen(webinar)}`, ...join, '')
  lines.push(`Cannot come? Cancel and delete your details: ${cancel}`)
  lines.push('', 'We keep your details only until shortly after the webinar, and share them with no one.')
  return lines
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const toHtml = (lines: string[]) =>
  lines
    .map((line) => escapeHtml(line).replace(/(https?:\/\/[^\s<]+)/g, (url) => `<a href="${url}">${url}</a>`))
    .map((line) => (line ? `<p>${line}</p>` : ''))
    .join('\n')

/**
 * Sends one webinar email. A failing mail server never undoes the registration: the failure is
 * logged (without the address or any personal data) and the registration stands.
 */
export async function sendWebinarEmail(
  payload: Payload,
  kind: EmailKind,
  webinar: WebinarForEmail,
  registration: RegistrationForEmail,
): Promise<void> {
  const lines = body(kind, webinar, registration, cancelUrl(payload, registration, webinar))
  const seated = registration.status === 'registered'
  const attachIcs = seated && kind !== 'already-registered'
  try {
    await payload.sendEmail({
      to: registration.email,
      subject: `${SUBJECTS[kind]}: ${webinar.title}`,
      text: lines.join('\n'),
      html: toHtml(lines),
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
  } catch (error) {
    payload.logger.error({ msg: 'Webinar email could not be sent', kind, webinar: webinar.id, code: (error as { code?: string }).code ?? (error as Error).name })
  }
}
