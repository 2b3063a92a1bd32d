/**
 * The sign-up endpoint keeps the published webinars it reads until public content changes
 * (src/webinars/publishedWebinars.ts). Every change that decides a sign-up must reach the next
 * one: registration closed or reopened, a new title, unpublished, deleted; a draft saved over
 * the published webinar must not; and a change written by another process (its transaction
 * moves the public content version) must too.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import type { Payload } from 'payload'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar, signUp } from './helpers/webinars'
import { keptWebinars } from '../src/webinars/publishedWebinars'

let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>
beforeAll(async () => {
  app = await startTestApp({ REGISTRATION_RATE_LIMIT: '0' })
  editor = await signIn(app, await createAccount(app, 'editor'))
})
afterAll(async () => {
  await app?.stop()
})
beforeEach(() => app.mail.clear())

const register = (webinar: string | number, body = signUp()) => request(app.url).post(`/api/webinars/${webinar}/register`).send(body)
const edit = (webinar: string | number, data: Record<string, unknown>, query = '') => editor.patch(`/api/webinars/${webinar}${query}`).send(data)

/** How many times Payload's find reads webinars while `run` runs. */
async function webinarReads(payload: Payload, run: () => Promise<unknown>): Promise<number> {
  const find = payload.find.bind(payload)
  let reads = 0
  payload.find = ((args: { collection: string }) => {
    if (args.collection === 'webinars') reads++
    return find(args as never)
  }) as typeof payload.find
  try {
    await run()
  } finally {
    payload.find = find
  }
  return reads
}

describe('sign-ups follow every change of the published webinar', () => {
  it('reads the webinar once while nothing public changes, and again after a change', async () => {
    const webinar = await createWebinar(app)
    expect((await register(webinar.id)).status).toBe(202)
    expect(await webinarReads(app.payload, async () => expect((await register(webinar.id)).status).toBe(202))).toBe(0)
    expect((await edit(webinar.id, { description: 'A new description.', _status: 'published' })).status).toBe(200)
    expect(await webinarReads(app.payload, async () => expect((await register(webinar.id)).status).toBe(202))).toBeGreaterThan(0)
  })

  it('closing and reopening registration through the API answers the very next sign-up', async () => {
    const webinar = await createWebinar(app)
    expect((await register(webinar.id)).status).toBe(202)
    expect((await edit(webinar.id, { registrationOpen: false, _status: 'published' })).status).toBe(200)
    const closed = await register(webinar.id)
    expect(closed.status).toBe(409)
    expect(closed.body.errors[0].message).toMatch(/closed/)
    expect((await edit(webinar.id, { registrationOpen: true, _status: 'published' })).status).toBe(200)
    expect((await register(webinar.id)).status).toBe(202)
  })

  it('the next confirmation carries a new title and time', async () => {
    const webinar = await createWebinar(app)
    expect((await register(webinar.id)).status).toBe(202)
    const startsAt = '2031-05-06T22:00:00.000Z'
    const endsAt = '2031-05-06T23:00:00.000Z'
    expect((await edit(webinar.id, { title: 'Renamed webinar', startsAt, endsAt, _status: 'published' })).status).toBe(200)
    const person = signUp()
    expect((await register(webinar.id, person)).status).toBe(202)
    const [message] = app.mail.to(person.email)
    expect(message!.subject).toBe("You're registered: Renamed webinar")
    expect(message!.text).toContain('Tuesday, May 6, 2031 at 6:00')
  })

  it("speaks the webinar's language whatever ?locale= a sign-up came with, and keeps no copy in another", async () => {
    const webinar = await createWebinar(app)
    await app.payload.update({ collection: 'webinars', id: webinar.id, locale: 'es', data: { title: 'Título en español' } as never })
    const first = signUp()
    const second = signUp()
    expect((await request(app.url).post(`/api/webinars/${webinar.id}/register?locale=es`).send(first)).status).toBe(202)
    expect((await register(webinar.id, second)).status).toBe(202)
    for (const person of [first, second]) expect(app.mail.to(person.email)[0]!.subject).toBe(`You're registered: ${webinar.title}`)
  })

  it('a draft saved over the published webinar changes nothing for sign-ups', async () => {
    const webinar = await createWebinar(app)
    expect((await register(webinar.id)).status).toBe(202)
    expect((await edit(webinar.id, { registrationOpen: false, title: 'Draft title' }, '?draft=true')).status).toBe(200)
    const person = signUp()
    expect((await register(webinar.id, person)).status).toBe(202)
    expect(app.mail.to(person.email)[0]!.subject).toBe(`You're registered: ${webinar.title}`)
  })

  it('unpublished or deleted: 404 at once', async () => {
    const unpublished = await createWebinar(app)
    const deleted = await createWebinar(app)
    for (const webinar of [unpublished, deleted]) expect((await register(webinar.id)).status).toBe(202)
    expect((await edit(unpublished.id, { _status: 'draft' })).status).toBe(200)
    expect((await editor.delete(`/api/webinars/${deleted.id}`)).status).toBe(200)
    expect((await register(unpublished.id)).status).toBe(404)
    expect((await register(deleted.id)).status).toBe(404)
  })

  it("another process's change is seen once its transaction moves the public content version", async () => {
    const webinar = await createWebinar(app)
    expect((await register(webinar.id)).status).toBe(202)
    // What another process does: the row changes, and its hooks write a new token in the same
    // transaction. Here the two writes through the adapter, without this process's hooks.
    await app.payload.db.updateOne({ collection: 'webinars', id: webinar.id, data: { registrationOpen: false }, req: {} as never, returning: false })
    await app.payload.db.updateGlobal({ slug: 'public-content-version', data: { token: `elsewhere-${Date.now()}` }, req: {} as never, returning: false })
    expect((await register(webinar.id)).status).toBe(409)
  })

  it('a change that moved no version (a write without hooks) is seen once the copy is older than its bound', async () => {
    const ttlMs = keptWebinars.ttlMs
    keptWebinars.ttlMs = 200
    try {
      const webinar = await createWebinar(app)
      expect((await register(webinar.id)).status).toBe(202)
      await app.payload.db.updateOne({ collection: 'webinars', id: webinar.id, data: { registrationOpen: false }, req: {} as never, returning: false })
      await new Promise((resolve) => setTimeout(resolve, 250))
      expect((await register(webinar.id)).status).toBe(409)
    } finally {
      keptWebinars.ttlMs = ttlMs
    }
  })
})
