import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar, registrationsOf } from './helpers/webinars'

let app: TestApp
let webinar: Awaited<ReturnType<typeof createWebinar>>
let registrationId: string | number
type Agent = Awaited<ReturnType<typeof signIn>>
let contributor: Agent
let pendingEditor: Agent
let editor: Agent
let admin: Agent
let editorId: string | number

const SECRET_EMAIL = 'hidden.person@example.org'

beforeAll(async () => {
  app = await startTestApp()
  webinar = await createWebinar(app, { capacity: 10 })
  const row = await app.payload.create({
    collection: 'webinar-registrations',
    data: { webinar: webinar.id, name: 'Hidden Person', email: SECRET_EMAIL, consent: true, interest: 'learn', message: '=HYPERLINK("x")' } as never,
    overrideAccess: true,
  })
  registrationId = row.id
  await app.payload.create({
    collection: 'webinar-registrations',
    data: { webinar: webinar.id, name: 'Second Person', email: 'second@example.org', consent: true, interest: 'learn', status: 'waitlisted' } as never,
    overrideAccess: true,
  })
  contributor = await signIn(app, await createAccount(app, 'contributor'))
  pendingEditor = await signIn(app, await createAccount(app, 'editor', { status: 'pending' }))
  const editorAccount = await createAccount(app, 'editor')
  editorId = editorAccount.id
  editor = await signIn(app, editorAccount)
  admin = await signIn(app, await createAccount(app, 'admin'))
})
afterAll(async () => {
  await app?.stop()
})

const auditRows = async () =>
  (await app.payload.find({ collection: 'registration-audit', sort: 'createdAt', pagination: false, overrideAccess: true, depth: 0 }))
    .docs as unknown as { action: string; user?: string | number; webinar?: string | number; rows: number }[]

describe('public webinar reads', () => {
  it('lists published webinars that have not ended, soonest first, with seatsLeft and without the join link or counts', async () => {
    const later = await createWebinar(app, { startsAt: new Date(Date.now() + 30 * 86400_000).toISOString(), endsAt: new Date(Date.now() + 30 * 86400_000 + 3600_000).toISOString() })
    const sooner = await createWebinar(app, { startsAt: new Date(Date.now() + 86400_000).toISOString(), endsAt: new Date(Date.now() + 86400_000 + 3600_000).toISOString() })
    const draft = await createWebinar(app, { _status: 'draft' })
    const past = await createWebinar(app, { startsAt: new Date(Date.now() - 7200_000).toISOString(), endsAt: new Date(Date.now() - 3600_000).toISOString() })

    const res = await request(app.url).get('/api/webinars?limit=50')
    expect(res.status).toBe(200)
    const ids = res.body.docs.map((d: { id: unknown }) => d.id)
    expect(ids).not.toContain(draft.id)
    expect(ids).not.toContain(past.id)
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(webinar.id))
    expect(ids.indexOf(webinar.id)).toBeLessThan(ids.indexOf(later.id))

    const doc = res.body.docs.find((d: { id: unknown }) => d.id === webinar.id)
    expect(doc.seatsLeft).toBe(9) // capacity 10, one registered, the waitlisted one does not count
    expect(res.text).not.toContain('secret-room')
    for (const hidden of ['joinUrl', 'capacity', 'reminderSentAt']) expect(doc).not.toHaveProperty(hidden)
    expect(res.body.docs.find((d: { id: unknown }) => d.id === sooner.id).seatsLeft).toBeNull()

    const byId = await request(app.url).get(`/api/webinars/${webinar.id}?depth=5`)
    expect(byId.body.seatsLeft).toBe(9)
    expect(byId.text).not.toContain('secret-room')
    expect(byId.text).not.toContain(SECRET_EMAIL)
    expect((await request(app.url).get(`/api/webinars/${draft.id}`)).status).toBe(404)

    const gql = await request(app.url).post('/api/graphql').send({ query: `{ Webinars { docs { title seatsLeft joinUrl capacity } } }` })
    expect(gql.text).not.toContain('secret-room')
  })

  it('does not let anyone probe the join link or capacity with where', async () => {
    for (const probe of ['where[joinUrl][like]=secret', 'where[capacity][equals]=10']) {
      const res = await request(app.url).get(`/api/webinars?${probe}`)
      // Payload refuses a filter on a field the caller cannot read.
      expect(res.status).toBe(400)
      expect(res.text).not.toContain('secret-room')
    }
  })
})

describe('who reads registrations', () => {
  const restProbes = () => [
    '/api/webinar-registrations',
    `/api/webinar-registrations/${registrationId}`,
    `/api/webinar-registrations?where[email][like]=hidden`,
    `/api/webinar-registrations?where[webinar][equals]=${webinar.id}&depth=3`,
    '/api/webinar-registrations/count',
    `/api/webinar-registrations/export?webinar=${webinar.id}`,
    '/api/registration-audit',
  ]

  it('anonymous callers, contributors and not-yet-active editors read nothing', async () => {
    const getters: ((url: string) => request.Test)[] = [
      (url) => request(app.url).get(url),
      (url) => contributor.get(url),
      (url) => pendingEditor.get(url),
    ]
    for (const get of getters) {
      for (const url of restProbes()) {
        const res = await get(url)
        expect([401, 403]).toContain(res.status)
        expect(res.text).not.toContain(SECRET_EMAIL)
        expect(res.text).not.toContain('Hidden Person')
      }
    }
  })

  it('closes GraphQL, writes, and webinar reads with depth to them', async () => {
    for (const agent of [request.agent(app.url), contributor]) {
      for (const query of [
        '{ WebinarRegistrations { docs { name email } } }',
        `{ WebinarRegistration(id: ${JSON.stringify(registrationId)}) { name email } }`,
        '{ countWebinarRegistrations { totalDocs } }',
        '{ RegistrationAudits { docs { rows } } }',
      ]) {
        const res = await agent.post('/api/graphql').send({ query })
        expect(res.text).not.toContain(SECRET_EMAIL)
        expect(res.body.errors?.length ?? 0).toBeGreaterThan(0)
      }
      const create = await agent.post('/api/webinar-registrations').send({ webinar: webinar.id, name: 'X', email: 'x@example.org', consent: true, interest: 'learn' })
      expect(create.status).toBe(403)
      expect((await agent.patch(`/api/webinar-registrations/${registrationId}`).send({ name: 'Changed' })).status).toBe(403)
      expect((await agent.delete(`/api/webinar-registrations/${registrationId}`)).status).toBe(403)
      const deep = await agent.get(`/api/webinars?depth=10&where[id][equals]=${webinar.id}`)
      expect(deep.text).not.toContain(SECRET_EMAIL)
      // An editor's edit lock on a registration names it: populating that relation must not reveal it.
      const locks = await agent.get('/api/payload-locked-documents?depth=3')
      expect(locks.text).not.toContain(SECRET_EMAIL)
      expect((await agent.get('/api/webinars/versions')).text).not.toContain('secret-room')
    }
    expect(await registrationsOf(app, webinar.id)).toHaveLength(2)
    expect(await auditRows()).toHaveLength(0)
  })

  it('an edit lock held on a registration does not reveal it to a contributor', async () => {
    await app.payload.create({
      collection: 'payload-locked-documents',
      data: { document: { relationTo: 'webinar-registrations', value: registrationId }, user: { relationTo: 'contributors', value: editorId } } as never,
      overrideAccess: true,
    })
    const res = await contributor.get('/api/payload-locked-documents?depth=3')
    expect(res.text).not.toContain(SECRET_EMAIL)
    expect(res.text).not.toContain('Hidden Person')
  })

  it('editors list and read them with no-store, and each read is audited', async () => {
    const list = await editor.get(`/api/webinar-registrations?where[webinar][equals]=${webinar.id}`)
    expect(list.status).toBe(200)
    expect(list.headers['cache-control']).toMatch(/\bno-store\b/)
    expect(list.body.docs.map((d: { email: string }) => d.email)).toContain(SECRET_EMAIL)
    expect(list.body.docs[0]).not.toHaveProperty('registrationKey')

    const one = await editor.get(`/api/webinar-registrations/${registrationId}`)
    expect(one.status).toBe(200)
    expect(one.headers['cache-control']).toMatch(/\bno-store\b/)

    const gql = await editor.post('/api/graphql').send({ query: '{ WebinarRegistrations { docs { email } } }' })
    expect(gql.text).toContain(SECRET_EMAIL)
    expect(gql.headers['cache-control']).toMatch(/\bno-store\b/)

    const rows = await auditRows()
    expect(rows.map((r) => [r.action, r.user, r.webinar, r.rows])).toEqual([
      ['list', editorId, webinar.id, 2],
      ['read', editorId, webinar.id, 1],
      ['list', editorId, undefined, 2],
    ].map(([a, u, w, n]) => [a, u, w ?? null, n]))
  })

  it('editors export one webinar as CSV, defused against formulas, and the export is audited', async () => {
    const before = (await auditRows()).length
    const res = await editor.get(`/api/webinar-registrations/export?webinar=${webinar.id}`)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['cache-control']).toMatch(/\bno-store\b/)
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="webinar-.*\.csv"$/)
    const lines = res.text.trim().split('\r\n')
    expect(lines[0]).toBe('name,email,organization,jurisdiction,role,interest,message,status,registeredAt')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain(`"${SECRET_EMAIL}"`)
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`)

    const after = await auditRows()
    expect(after).toHaveLength(before + 1)
    expect(after.at(-1)).toMatchObject({ action: 'export', user: editorId, webinar: webinar.id, rows: 2 })

    expect((await editor.get('/api/webinar-registrations/export')).status).toBe(400)
    expect((await editor.get('/api/webinar-registrations/export?webinar=999999')).status).toBe(404)
  })

  it('the audit log is readable by editors and editable by nobody, not even an admin', async () => {
    const list = await editor.get('/api/registration-audit')
    expect(list.status).toBe(200)
    expect(list.body.totalDocs).toBeGreaterThan(0)
    const entry = list.body.docs[0]
    const count = (await auditRows()).length
    for (const agent of [editor, admin]) {
      expect((await agent.post('/api/registration-audit').send({ action: 'list', rows: 0 })).status).toBe(403)
      expect((await agent.patch(`/api/registration-audit/${entry.id}`).send({ rows: 0 })).status).toBe(403)
      expect((await agent.delete(`/api/registration-audit/${entry.id}`)).status).toBe(403)
    }
    // Nothing was written, and reading the audit log itself is not a read of registrations.
    expect((await auditRows()).length).toBe(count)
  })
})

describe('jobs over HTTP', () => {
  it('only admins may run the queue; nobody reads the jobs collection', async () => {
    for (const agent of [request.agent(app.url), contributor, editor]) {
      expect([401, 403]).toContain((await agent.get('/api/payload-jobs/run?queue=webinars')).status)
    }
    for (const agent of [request.agent(app.url), contributor, editor, admin]) {
      expect((await agent.get('/api/payload-jobs')).status).toBe(403)
    }
    expect((await admin.get('/api/payload-jobs/run?queue=webinars')).status).toBe(200)
  })
})

describe('rate limit', () => {
  it('answers 429 with Retry-After past 10 sign-ups a minute from one address', async () => {
    const target = await createWebinar(app)
    const statuses: number[] = []
    let last
    for (let i = 0; i < 11; i++) {
      last = await request(app.url).post(`/api/webinars/${target.id}/register`).send({ name: 'R', email: `r${i}@example.org`, consent: true, interest: 'learn' })
      statuses.push(last.status)
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202))
    expect(statuses[10]).toBe(429)
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0)
    expect(Number(last!.headers['retry-after'])).toBeLessThanOrEqual(60)
    expect(last!.body.errors[0].message).toMatch(/Too many/)
    expect(await registrationsOf(app, target.id)).toHaveLength(10)
  })
})
