import type { PayloadRequest, TaskConfig } from 'payload'
import { recordAudit } from '../webinars/audit'
import { deliverWebinarEmail, sendWebinarEmail, type EmailKind, type RegistrationForEmail } from '../webinars/emails'
import { queueUnsentWebinarEmails } from '../webinars/outbox'
import { promoteWaitlisted, type Webinar } from '../webinars/registrations'

import { WEBINAR_QUEUE } from '../webinars/queue'

const DAY = 24 * 60 * 60 * 1000

/**
 * Deletes the registrations of every webinar that ended more than `retentionDays` ago and
 * records, per webinar, how many rows it deleted (in the registration audit log and the job's output).
 */
export async function deleteExpiredRegistrations(req: PayloadRequest, retentionDays: number, now = Date.now()) {
  const cutoff = new Date(now - retentionDays * DAY).toISOString()
  const { docs: webinars } = await req.payload.find({
    collection: 'webinars',
    where: { endsAt: { less_than: cutoff } },
    select: { endsAt: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  let deleted = 0
  for (const webinar of webinars) {
    let rows = 0
    // Until none is left: an adapter may hand a bulk delete its rows in pages.
    for (;;) {
      const { docs, errors } = await req.payload.delete({
        collection: 'webinar-registrations',
        where: { webinar: { equals: webinar.id } },
        overrideAccess: true,
        depth: 0,
        req,
        context: { skipAudit: true },
      })
      if (errors.length) throw new Error(`${errors.length} registrations of webinar ${webinar.id} could not be deleted`)
      if (!docs.length) break
      rows += docs.length
    }
    if (rows) await recordAudit(req, { action: 'retention', webinar: webinar.id, rows })
    deleted += rows
  }
  return { deleted, webinars: webinars.length }
}

/** Emails the join link to everyone registered for a webinar starting within a day, once per webinar. */
export async function sendDayBeforeReminders(req: PayloadRequest, now = Date.now()) {
  const { docs: webinars } = await req.payload.find({
    collection: 'webinars',
    where: {
      and: [
        { _status: { equals: 'published' } },
        { startsAt: { greater_than: new Date(now).toISOString() } },
        { startsAt: { less_than_equal: new Date(now + DAY).toISOString() } },
        { reminderSentAt: { exists: false } },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  let sent = 0
  for (const webinar of webinars as unknown as Webinar[]) {
    // Mark first: a crash mid-way sends some reminders late rather than everybody's twice.
    await req.payload.update({
      collection: 'webinars',
      id: webinar.id,
      data: { reminderSentAt: new Date(now).toISOString() },
      overrideAccess: true,
      depth: 0,
      req,
    })
    const { docs } = await req.payload.find({
      collection: 'webinar-registrations',
      where: { and: [{ webinar: { equals: webinar.id } }, { status: { equals: 'registered' } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
      context: { skipAudit: true },
    })
    for (const registration of docs as unknown as RegistrationForEmail[]) {
      await sendWebinarEmail(req.payload, 'reminder', webinar, registration)
      sent++
    }
  }
  return { webinars: webinars.length, sent }
}

/**
 * Gives seats freed by other means than the cancel link (an editor deleting a registration, a
 * capacity raised in the admin panel) to the waitlist of every upcoming webinar.
 */
export async function fillFreeSeats(req: PayloadRequest, now = Date.now()) {
  const { docs: webinars } = await req.payload.find({
    collection: 'webinars',
    where: {
      and: [{ _status: { equals: 'published' } }, { endsAt: { greater_than: new Date(now).toISOString() } }, { capacity: { exists: true } }],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  let promoted = 0
  for (const webinar of webinars as unknown as Webinar[]) promoted += await promoteWaitlisted(req.payload, webinar)
  return { promoted }
}

/** Sends a webinar email that failed earlier; nothing when the person has since cancelled or been deleted. */
export async function retryWebinarEmail(req: PayloadRequest, kind: EmailKind, registrationId: string) {
  const { docs } = await req.payload.find({
    collection: 'webinar-registrations',
    where: { id: { equals: registrationId } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
    context: { skipAudit: true },
  })
  const registration = docs[0] as unknown as (RegistrationForEmail & { webinar: string | number }) | undefined
  if (!registration) return { sent: false }
  const { language } = await req.payload.findByID({ collection: 'webinars', id: registration.webinar, depth: 0, overrideAccess: true, req })
  const webinar = (await req.payload.findByID({
    collection: 'webinars',
    id: registration.webinar,
    locale: language === 'es' ? 'es' : 'en',
    depth: 0,
    overrideAccess: true,
    req,
  })) as unknown as Webinar
  await deliverWebinarEmail(req.payload, kind, webinar, registration) // throws: the queue retries with backoff
  return { sent: true }
}

/** The webinar tasks for Payload's jobs queue; src/jobs/index.ts lists them with everyone else's. */
export function webinarTasks({ retentionDays }: { retentionDays: number }): TaskConfig<{ input: object; output: object }>[] {
  return [
    {
      slug: 'deleteExpiredRegistrations',
      label: 'Delete webinar registrations past retention',
      inputSchema: [{ name: 'retentionDays', type: 'number', min: 0 }],
      outputSchema: [
        { name: 'deleted', type: 'number', required: true },
        { name: 'webinars', type: 'number', required: true },
      ],
      schedule: [{ cron: '0 15 3 * * *', queue: WEBINAR_QUEUE }], // daily at 03:15
      retries: 3,
      handler: async ({ input, req }) => ({
        output: await deleteExpiredRegistrations(req, (input as { retentionDays?: number }).retentionDays ?? retentionDays),
      }),
    },
    {
      slug: 'sendWebinarReminders',
      label: 'Send day-before webinar reminders',
      outputSchema: [
        { name: 'webinars', type: 'number', required: true },
        { name: 'sent', type: 'number', required: true },
      ],
      schedule: [{ cron: '0 */15 * * * *', queue: WEBINAR_QUEUE }], // every 15 minutes
      retries: 3,
      handler: async ({ req }) => ({ output: await sendDayBeforeReminders(req) }),
    },
    {
      slug: 'retryWebinarEmail',
      label: 'Retry a webinar email',
      inputSchema: [
        { name: 'kind', type: 'text', required: true },
        { name: 'registration', type: 'text', required: true },
      ],
      outputSchema: [{ name: 'sent', type: 'checkbox' }],
      // About 1, 2, 4 … 256 minutes: a mail server down for several hours still gets the message.
      retries: { attempts: 9, backoff: { type: 'exponential', delay: 60_000 } },
      handler: async ({ input, req }) => {
        const { kind, registration } = input as { kind: EmailKind; registration: string }
        return { output: await retryWebinarEmail(req, kind, registration) }
      },
    },
    {
      slug: 'queueUnsentWebinarEmails',
      label: 'Queue webinar emails a stopped process did not send',
      outputSchema: [{ name: 'queued', type: 'number', required: true }],
      schedule: [{ cron: '0 */5 * * * *', queue: WEBINAR_QUEUE }], // every 5 minutes (the outbox's grace is 5)
      retries: 3,
      handler: async ({ req }) => ({ output: await queueUnsentWebinarEmails(req) }),
    },
    {
      slug: 'fillFreeSeats',
      label: 'Give free webinar seats to the waitlist',
      outputSchema: [{ name: 'promoted', type: 'number', required: true }],
      schedule: [{ cron: '0 */15 * * * *', queue: WEBINAR_QUEUE }],
      retries: 3,
      handler: async ({ req }) => ({ output: await fillFreeSeats(req) }),
    },
  ]
}
