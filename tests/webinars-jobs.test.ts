import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar, parseIcs, parseMail, registrationsOf } from './helpers/webinars'

const DAY = 86400_000
let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ REGISTRATION_RETENTION_DAYS: '30' })
})
afterAll(async () => {
  await app?.stop()
})

const endedDaysAgo = (days: number) =>
  createWebinar(app, {
    startsAt: new Date(Date.now() - days * DAY - 3600_000).toISOString(),
    endsAt: new Date(Date.now() - days * DAY).toISOString(),
  })

async function addPeople(webinar: string | number, count: number, status = 'registered') {
  for (let i = 0; i < count; i++) {
    await app.payload.create({
      collection: 'webinar-registrations',
      data: { webinar, name: `Person ${i}`, email: `p${i}-${webinar}-${status}@example.org`, consent: true, interest: 'learn', status } as never,
      overrideAccess: true,
    })
  }
}

/** Queues one task on the webinars queue and runs it through Payload's jobs runner, as the scheduler would. */
async function runTask(task: 'deleteExpiredRegistrations' | 'sendWebinarReminders' | 'fillFreeSeats', input: { retentionDays?: number } = {}) {
  const job = await app.payload.jobs.queue({ task, input, queue: 'webinars' })
  const { jobStatus } = (await app.payload.jobs.run({ queue: 'webinars' })) as { jobStatus?: Record<string, { status: string }> }
  expect(jobStatus?.[String(job.id)]?.status).toBe('success')
}

/** What the retention job recorded in the audit log, per webinar. */
const retentionEntries = async () =>
  (await app.payload.find({ collection: 'registration-audit', where: { action: { equals: 'retention' } }, sort: 'createdAt', overrideAccess: true, depth: 0 })).docs.map(
    (d) => [d.webinar, d.rows, d.user ?? null],
  )

describe('retention job', () => {
  it('deletes exactly the registrations of webinars that ended more than the retention period ago, and records how many', async () => {
    const expired = await endedDaysAgo(31)
    const recent = await endedDaysAgo(29)
    const upcoming = await createWebinar(app)
    await addPeople(expired.id, 3)
    await addPeople(expired.id, 1, 'waitlisted')
    await addPeople(recent.id, 2)
    await addPeople(upcoming.id, 2)

    await runTask('deleteExpiredRegistrations')
    expect(await registrationsOf(app, expired.id)).toHaveLength(0)
    expect(await registrationsOf(app, recent.id)).toHaveLength(2)
    expect(await registrationsOf(app, upcoming.id)).toHaveLength(2)

    expect(await retentionEntries()).toEqual([[expired.id, 4, null]])

    // A second run finds nothing more to delete; a shorter period given as input reaches the recent one.
    await runTask('deleteExpiredRegistrations')
    expect(await retentionEntries()).toHaveLength(1)
    await runTask('deleteExpiredRegistrations', { retentionDays: 28 })
    expect(await retentionEntries()).toEqual([[expired.id, 4, null], [recent.id, 2, null]])
    expect(await registrationsOf(app, recent.id)).toHaveLength(0)
    expect(await registrationsOf(app, upcoming.id)).toHaveLength(2)
  })
})

describe('reminder job', () => {
  it('emails the join link, once, to registered people of a webinar starting within a day', async () => {
    const tomorrow = await createWebinar(app, {
      capacity: 2,
      startsAt: new Date(Date.now() + 12 * 3600_000).toISOString(),
      endsAt: new Date(Date.now() + 13 * 3600_000).toISOString(),
    })
    const nextWeek = await createWebinar(app)
    await addPeople(tomorrow.id, 2)
    await addPeople(tomorrow.id, 1, 'waitlisted')
    await addPeople(nextWeek.id, 1)
    app.mail.clear()

    await runTask('sendWebinarReminders')
    expect(app.mail.messages.map((m) => m.to).sort()).toEqual([`p0-${tomorrow.id}-registered@example.org`, `p1-${tomorrow.id}-registered@example.org`])
    const mail = await parseMail(app.mail.messages[0]!.raw)
    expect(app.mail.messages[0]!.subject).toBe(`Tomorrow: ${tomorrow.title}`)
    expect(mail.text).toContain('https://meet.example.org/secret-room')
    expect(parseIcs(mail.attachments[0]!.content).URL).toBe('https://meet.example.org/secret-room')

    app.mail.clear()
    await runTask('sendWebinarReminders')
    expect(app.mail.messages).toHaveLength(0)
  })
})

describe('free seats job', () => {
  it('gives a seat freed by an editor deleting a registration to the first on the waitlist', async () => {
    const webinar = await createWebinar(app, { capacity: 1 })
    const seated = await app.payload.create({
      collection: 'webinar-registrations',
      data: { webinar: webinar.id, name: 'Seated', email: 'seated@example.org', consent: true, interest: 'learn', status: 'registered', seatKey: `${webinar.id}:1` } as never,
      overrideAccess: true,
    })
    await addPeople(webinar.id, 2, 'waitlisted')
    await app.payload.delete({ collection: 'webinar-registrations', id: seated.id, overrideAccess: true })
    app.mail.clear()

    await runTask('fillFreeSeats')
    const rows = await registrationsOf(app, webinar.id)
    expect(rows.map((r) => [r.email, r.status])).toEqual([
      [`p0-${webinar.id}-waitlisted@example.org`, 'registered'],
      [`p1-${webinar.id}-waitlisted@example.org`, 'waitlisted'],
    ])
    expect(app.mail.messages.map((m) => m.to)).toEqual([`p0-${webinar.id}-waitlisted@example.org`])
  })
})

describe('deleting a webinar', () => {
  it('deletes its registrations with it', async () => {
    const webinar = await createWebinar(app)
    await addPeople(webinar.id, 2)
    await app.payload.delete({ collection: 'webinars', id: webinar.id, overrideAccess: true })
    expect(await registrationsOf(app, webinar.id)).toHaveLength(0)
  })
})
