/**
 * Legal sign-off with expiry, through the real stack (express → Payload → SQLite) with a fake
 * clock (src/verification/clock.ts): who may verify (legal reviewers within their jurisdictions),
 * the derived public status over time and its filter, attribution only by opt-in, and publishing
 * a change of substance clearing the sign-off unless a legal reviewer keeps it over a typo fix.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { verificationClock } from '../src/verification/clock'
import { addMonths } from '../src/verification/policy'
import { createLegalReviewers } from './helpers/legalReviewers'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST } from './helpers/workflow'

type Id = string | number
type Agent = Awaited<ReturnType<typeof signIn>>
const DAY = 24 * 60 * 60 * 1000

let app: TestApp
let places: Awaited<ReturnType<typeof createJurisdictions>>
let editor: Agent
let nyReviewer: Agent
let caReviewer: Agent
let editorReviewer: Agent
let plainContributor: Agent
let nyReviewerId: Id
let caReviewerId: Id

const text = (t: string) => ({ type: 'text', text: t, format: 0, detail: 0, mode: 'normal', style: '', version: 1 })
const body = (t: string) => ({ root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [text(t)] }] } })

/** Moves the verification clock to `at` (tests start from the system's time). */
const setNow = (at: Date) => verificationClock.set(() => new Date(at.getTime()))
const publicResource = async (id: Id) => (await request(app.url).get(`/api/resources/${id}`)).body as Record<string, any>
const statusOf = async (id: Id) => (await publicResource(id)).verification?.status

beforeAll(async () => {
  app = await startTestApp()
  places = await createJurisdictions(app)
  const reviewers = await createLegalReviewers(app, places)
  editor = reviewers.editor.agent
  nyReviewer = reviewers.ny.agent
  nyReviewerId = reviewers.ny.id
  caReviewer = reviewers.ca.agent
  caReviewerId = reviewers.ca.id
  editorReviewer = reviewers.national.agent
  plainContributor = await signIn(app, await createAccount(app, 'contributor', { name: 'Leo Leader', jurisdictions: [places['US-NY']] }))
}, 180_000)
afterEach(() => verificationClock.set())
afterAll(async () => {
  verificationClock.set()
  await app?.stop()
})

describe('verifying', () => {
  it('records who, when, the note and reviewBy (the category default); the status moves current → due → overdue with time', async () => {
    const start = new Date()
    setNow(start)
    const id = await createPublished(app, { title: 'NY courthouse act', category: 'legislation', jurisdictions: [places['US-NY']] })
    expect(await statusOf(id)).toBe('unverified')

    const res = await nyReviewer.post(`/api/resources/${id}/verify`).send({ note: 'Checked against the enacted text.' })
    expect(res.status).toBe(200)
    const reviewBy = addMonths(start, 6)
    expect(res.body.verification).toEqual({ status: 'current', verifiedAt: start.toISOString(), reviewBy: reviewBy.toISOString() })

    const read = await publicResource(id)
    expect(read.verification).toMatchObject({ status: 'current', verifiedAt: start.toISOString(), reviewBy: reviewBy.toISOString(), attribution: null })
    expect(read.verification).not.toHaveProperty('verifiedBy')
    expect(read.verification).not.toHaveProperty('covers')
    expect(JSON.stringify(read)).not.toContain('Nadia')

    // The history: a verify event with the note and the reviewer.
    const events = await editor.get(`/api/review-events?where[resource][equals]=${id}&where[action][equals]=verify&depth=0`)
    expect(events.body.docs).toHaveLength(1)
    expect(events.body.docs[0]).toMatchObject({ action: 'verify', from: 'published', to: 'published', note: 'Checked against the enacted text.', by: nyReviewerId })

    setNow(new Date(reviewBy.getTime() - 10 * DAY))
    expect(await statusOf(id)).toBe('due')
    setNow(new Date(reviewBy.getTime() + DAY))
    expect(await statusOf(id)).toBe('overdue')
    const graphql = await request(app.url).post('/api/graphql').send({ query: `{ Resource(id: ${JSON.stringify(id)}) { verification { status reviewBy } } }` })
    expect(graphql.body.data.Resource.verification).toEqual({ status: 'overdue', reviewBy: reviewBy.toISOString() })
  })

  it('takes a reviewBy in the future; a past, invalid or unknown field is a 400 that changes nothing', async () => {
    const now = new Date()
    setNow(now)
    const id = await createPublished(app, { title: 'NY policy memo', category: 'policy', jurisdictions: [places['US-NY']] })
    for (const bad of [{ reviewBy: new Date(now.getTime() - DAY).toISOString() }, { reviewBy: now.toISOString() }, { reviewBy: 'next spring' }, { reviewBy: 20270101 }, { note: 42 }, { verifiedBy: 1 }]) {
      const res = await nyReviewer.post(`/api/resources/${id}/verify`).send(bad)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toMatch(/reviewBy|note|Unknown field/)
    }
    expect(await statusOf(id)).toBe('unverified')
    // The policy default is 3 months; a given date wins.
    const byDefault = await nyReviewer.post(`/api/resources/${id}/verify`).send({})
    expect(byDefault.body.verification.reviewBy).toBe(addMonths(now, 3).toISOString())
    const given = new Date(now.getTime() + 20 * DAY).toISOString()
    const res = await nyReviewer.post(`/api/resources/${id}/verify`).send({ reviewBy: given })
    expect(res.status).toBe(200)
    expect(res.body.verification).toMatchObject({ status: 'due', reviewBy: given })
  })
})

describe('who may verify', () => {
  it('legal reviewers only, within their jurisdictions (counties within them too); attribution only by opt-in', async () => {
    const ny = await createPublished(app, { title: 'NY court rule', category: 'judicial-rule', jurisdictions: [places['US-NY']] })
    const kings = await createPublished(app, { title: 'Kings County order', category: 'judicial-rule', jurisdictions: [places['US-NY-KINGS']] })
    const ca = await createPublished(app, { title: 'California statute', category: 'legislation', jurisdictions: [places['US-CA']] })

    expect((await request(app.url).post(`/api/resources/${ny}/verify`).send({})).status).toBe(401)
    for (const agent of [plainContributor, editor]) {
      const res = await agent.post(`/api/resources/${ny}/verify`).send({})
      expect(res.status).toBe(403)
      expect(res.body.errors[0].message).toMatch(/legal reviewer/)
    }
    // Through the method override too: the route is a POST whatever the header says.
    const override = await plainContributor.post(`/api/resources/${ny}/verify`).set('X-Payload-HTTP-Method-Override', 'POST').send({})
    expect(override.status).toBe(403)

    const outside = await caReviewer.post(`/api/resources/${ny}/verify`).send({})
    expect(outside.status).toBe(403)
    expect(outside.body.errors[0].message).toMatch(/New York \(US-NY\) is outside the jurisdictions you review/)
    expect(await statusOf(ny)).toBe('unverified')

    expect((await nyReviewer.post(`/api/resources/${kings}/verify`).send({})).status).toBe(200)
    expect((await editorReviewer.post(`/api/resources/${ny}/verify`).send({})).status).toBe(200)
    expect((await caReviewer.post(`/api/resources/${ca}/verify`).send({})).status).toBe(200)

    // Carla opted in to public attribution; Nadia did not; editors see who verified.
    expect((await publicResource(ca)).verification.attribution).toBe('Carla Public-Counsel')
    expect((await publicResource(kings)).verification.attribution).toBeNull()
    const asEditor = await editor.get(`/api/resources/${kings}?depth=0`)
    expect(asEditor.body.verification.verifiedBy).toBe(nyReviewerId)
    // Nobody filters by who verified unless they may read it.
    expect((await request(app.url).get(`/api/resources?where[verification.verifiedBy][equals]=${nyReviewerId}`)).status).toBe(400)
    void caReviewerId
  })

  it('the review panel learns whether the caller may verify, and the published sign-off', async () => {
    const ny = await createPublished(app, { title: 'NY panel item', category: 'statement', jurisdictions: [places['US-NY']] })
    expect((await nyReviewer.post(`/api/resources/${ny}/verify`).send({})).status).toBe(200)
    const mine = await nyReviewer.get(`/api/resources/${ny}/workflow`)
    expect(mine.body.legalReview).toEqual({ reviewer: true, mayVerify: true })
    expect(mine.body.verification.status).toBe('current')
    expect((await caReviewer.get(`/api/resources/${ny}/workflow`)).body.legalReview).toEqual({ reviewer: false, mayVerify: false })
    expect((await editor.get(`/api/resources/${ny}/workflow`)).body.legalReview).toEqual({ reviewer: false, mayVerify: false })
  })

  it('only published or in-review items; a draft is 409 for an editor, 404 for one who cannot read it', async () => {
    const draft = (await app.payload.create({ collection: 'resources', data: { title: 'Unpublished NY draft', category: 'legislation', jurisdictions: [places['US-NY']] } as never, overrideAccess: true })).id
    expect((await editorReviewer.post(`/api/resources/${draft}/verify`).send({})).status).toBe(409)
    expect((await nyReviewer.post(`/api/resources/${draft}/verify`).send({})).status).toBe(404)
    expect((await nyReviewer.post(`/api/resources/999999/verify`).send({})).status).toBe(404)
    expect((await nyReviewer.post(`/api/resources/not-an-id/verify`).send({})).status).toBe(404)
    const notJson = await nyReviewer.post(`/api/resources/${draft}/verify`).set('Content-Type', 'application/json').send('{"note": ')
    expect(notJson.status).toBe(400)
    expect((await nyReviewer.post(`/api/resources/${draft}/verify`).send([1, 2])).status).toBe(400)
  })

  it('nobody sets the capability or a sign-off but admins and the verify action', async () => {
    const me = await plainContributor.get('/api/contributors/me')
    const self = await plainContributor.patch(`/api/contributors/${me.body.user.id}`).send({ legalReviewer: true })
    expect(self.status).toBe(403)
    expect(self.body.errors[0].message).toMatch(/Only an admin may make an account a legal reviewer/)
    const signUp = await request(app.url).post('/api/contributors').send({ name: 'Sly Signup', email: 'sly@example.org', password: 'velvet-orbit-lantern-92x', legalReviewer: true })
    expect(signUp.status).toBe(201)
    const stored = await app.payload.find({ collection: 'contributors', where: { email: { equals: 'sly@example.org' } }, overrideAccess: true })
    expect(stored.docs[0]!.legalReviewer).toBeFalsy()

    // A sign-off written through the API is refused (the field is the verify action's alone), by
    // anyone, REST and GraphQL alike; sending back the one read (as the panel's form does) is no change.
    const forged = { verifiedAt: new Date().toISOString(), reviewBy: '2099-01-01T00:00:00.000Z' }
    const mine = await plainContributor.post('/api/resources').send({ title: 'Leader item', category: 'legislation', jurisdictions: [places['US-NY']], verification: forged })
    expect(mine.status).toBe(403)
    expect(mine.body.errors[0].message).toMatch(/"verification" cannot be set here/)
    const ny = await createPublished(app, { title: 'NY item an editor may not sign off', category: 'policy', jurisdictions: [places['US-NY']] })
    for (const send of [() => editor.patch(`/api/resources/${ny}`).send({ verification: forged }), () => editor.patch(`/api/resources?where[id][equals]=${ny}`).send({ verification: forged }), () => editor.patch(`/api/resources/${ny}`).send({ verification: 'current' })]) {
      expect((await send()).status).toBe(403)
    }
    const gql = await editor.post('/api/graphql').send({ query: `mutation { updateResource(id: ${JSON.stringify(ny)}, data: { verification: { verifiedAt: "${forged.verifiedAt}", reviewBy: "${forged.reviewBy}" } }) { id } }` })
    expect(JSON.stringify(gql.body)).toMatch(/cannot be set here|Field "verifiedAt" is not defined|not defined by type/)
    expect(await statusOf(ny)).toBe('unverified')
    const asRead = (await editor.get(`/api/resources/${ny}?draft=true&depth=0`)).body
    expect((await editor.patch(`/api/resources/${ny}`).send({ title: 'NY item, retitled', verification: asRead.verification })).status).toBe(200)
  })
})

describe('filtering by status', () => {
  it('where[verification.status] selects what a read says, now and after time passes', async () => {
    const now = new Date()
    setNow(now)
    const tag = `filter-${Date.now()}`
    const make = (title: string, verification?: Record<string, string>) =>
      createPublished(app, { title: `${tag} ${title}`, category: 'media', jurisdictions: [places['US-CA']], ...(verification ? { verification } : {}) })
    const signed = (days: number) => ({ verifiedAt: new Date(now.getTime() - DAY).toISOString(), reviewBy: new Date(now.getTime() + days * DAY).toISOString() })
    const ids = {
      current: await make('current', signed(90)),
      due: await make('due', signed(10)),
      overdue: await make('overdue', signed(-1)),
      unverified: await make('unverified'),
      superseded: await make('superseded', signed(90)),
    }
    await make('successor', signed(90)).then((successor) => app.payload.update({ collection: 'resources', id: successor, data: { supersedes: [ids.superseded] } as never, overrideAccess: true }))

    const list = async (query: string) => {
      const res = await request(app.url).get(`/api/resources?where[title][like]=${tag}&${query}&limit=50&depth=0`)
      expect(res.status).toBe(200)
      return (res.body.docs as { id: Id; title: string; verification: { status: string } }[]).map((d) => d.title.replace(`${tag} `, '')).sort()
    }
    for (const status of ['current', 'due', 'overdue', 'unverified', 'superseded']) {
      expect(await list(`where[verification.status][equals]=${status}`)).toEqual(status === 'current' ? ['current', 'successor'] : [status])
    }
    expect(await list('where[verification.status][in]=due,overdue')).toEqual(['due', 'overdue'])
    expect(await list('where[verification.status][not_equals]=current')).toEqual(['due', 'overdue', 'superseded', 'unverified'])
    expect(await list('where[or][0][verification.status][equals]=unverified&where[or][1][verification.status][equals]=superseded')).toEqual(['superseded', 'unverified'])
    // What the list says agrees with the filter.
    const all = await request(app.url).get(`/api/resources?where[title][like]=${tag}&limit=50&depth=0`)
    for (const doc of all.body.docs) expect(doc.verification.status).toBe(doc.title.endsWith('successor') ? 'current' : doc.title.replace(`${tag} `, ''))

    // 80 days on: the current one is due, the due one overdue.
    setNow(new Date(now.getTime() + 80 * DAY))
    expect(await list('where[verification.status][equals]=overdue')).toEqual(['due', 'overdue'])
    expect(await list('where[verification.status][equals]=due')).toEqual(['current', 'successor'])

    // Sent as a POST with the method override: the same rewrite.
    const override = await request(app.url).post('/api/resources').set('X-Payload-HTTP-Method-Override', 'GET').type('form').send(`where[title][like]=${tag}&where[verification.status][equals]=unverified`)
    expect(override.status).toBe(200)
    expect(override.body.docs.map((d: { id: Id }) => d.id)).toEqual([ids.unverified])

    // GraphQL: the same filter (80 days on, as above).
    const graphql = await request(app.url).post('/api/graphql').send({ query: `{ Resources(where: { AND: [{ title: { like: "${tag}" } }, { verification__status: { in: [overdue, due] } }] }) { docs { title } } }` })
    expect(graphql.body.errors).toBeUndefined()
    expect(graphql.body.data.Resources.docs.map((d: { title: string }) => d.title.replace(`${tag} `, '')).sort()).toEqual(['current', 'due', 'overdue', 'successor'])
  })

  it('a status that does not exist, an operator that does not apply, or a sort is a 400 naming it', async () => {
    for (const query of ['where[verification.status][equals]=fresh', 'where[verification.status][like]=cur', 'where[verification.status][equals]=current,due', 'where[verification.status]=current', 'sort=verification.status']) {
      const res = await request(app.url).get(`/api/resources?${query}`)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toMatch(/verification\.status|status/)
    }
  })
})

describe('publishing a change', () => {
  async function publishedByWorkflow(title: string): Promise<Id> {
    const created = await editor.post('/api/resources').send({ title, category: 'legislation', jurisdictions: [places['US-NY']], body: body('Section 1. No civil arrest at court.'), issuedAt: '2020-04-17T00:00:00.000Z' })
    expect(created.status).toBe(201)
    await revise(created.body.doc.id, {})
    return created.body.doc.id
  }
  async function revise(id: Id, data: Record<string, unknown>, publish: Record<string, unknown> = {}, by: Agent = editor) {
    if (Object.keys(data).length) expect((await editor.patch(`/api/resources/${id}`).send(data)).status).toBe(200)
    expect((await editor.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })).status).toBe(200)
    return by.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST, ...publish })
  }

  it('a title edit keeps the sign-off; a change of substance (body, dates) clears it', async () => {
    const id = await publishedByWorkflow('Protect Our Courts Act (copy 1)')
    expect((await nyReviewer.post(`/api/resources/${id}/verify`).send({})).status).toBe(200)
    expect((await revise(id, { title: 'Protect Our Courts Act, as enacted' })).status).toBe(200)
    expect(await statusOf(id)).toBe('current')
    // The same words as the editor may serialise them again on a save (versions, direction, styles): no change.
    const reserialized = { root: { ...body('').root, direction: null, children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: null, textFormat: 0, textStyle: '', children: [{ ...text('Section 1. No civil arrest at court.'), version: 2 }] }] } }
    expect((await revise(id, { body: reserialized })).status).toBe(200)
    expect(await statusOf(id)).toBe('current')

    expect((await revise(id, { body: body('Section 1. No civil arrest at court, except with a judicial warrant.') })).status).toBe(200)
    expect(await statusOf(id)).toBe('unverified')
    expect((await publicResource(id)).verification.verifiedAt ?? null).toBeNull()

    expect((await nyReviewer.post(`/api/resources/${id}/verify`).send({})).status).toBe(200)
    expect((await revise(id, { issuedAt: '2020-04-18T00:00:00.000Z' })).status).toBe(200)
    expect(await statusOf(id)).toBe('unverified')

    // Another language's text is substance too.
    expect((await nyReviewer.post(`/api/resources/${id}/verify`).send({})).status).toBe(200)
    const es = await editor.patch(`/api/resources/${id}?locale=es`).send({ title: 'Ley Protect Our Courts', body: body('Sección 1. Ningún arresto civil en el tribunal.') })
    expect([es.status, es.body.errors]).toEqual([200, undefined])
    expect((await revise(id, {})).status).toBe(200)
    expect(await statusOf(id)).toBe('unverified')
  })

  it('a typo fix keeps the sign-off only when a legal reviewer says so', async () => {
    const id = await publishedByWorkflow('Protect Our Courts Act (copy 2)')
    expect((await nyReviewer.post(`/api/resources/${id}/verify`).send({})).status).toBe(200)
    const verifiedAt = (await publicResource(id)).verification.verifiedAt

    // An editor who is not a legal reviewer: 403, nothing published.
    const refused = await revise(id, { body: body('Section 1. No civil arrest at cuort.') }, { keepVerification: true })
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toMatch(/legal reviewer/)
    expect((await editor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST, keepVerification: 'yes' })).status).toBe(400)
    expect((await editor.post(`/api/resources/${id}/workflow`).send({ action: 'request_changes', note: 'x', keepVerification: true })).status).toBe(400)
    expect(await statusOf(id)).toBe('current')

    // An editor who is a legal reviewer keeps it; the publish event says so.
    const kept = await editorReviewer.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST, keepVerification: true })
    expect(kept.status).toBe(200)
    expect((await publicResource(id)).verification).toMatchObject({ status: 'current', verifiedAt })
    const event = await editor.get(`/api/review-events/${kept.body.event}?depth=0`)
    expect(event.body.checklist.keptVerification).toBe(true)
    // And the next publish without a change of substance keeps it too.
    expect((await revise(id, { title: 'Protect Our Courts Act (copy 2, retitled)' })).status).toBe(200)
    expect(await statusOf(id)).toBe('current')
  })

  it('archiving and publishing again keeps a sign-off that still covers the text', async () => {
    const id = await publishedByWorkflow('Protect Our Courts Act (copy 4)')
    expect((await nyReviewer.post(`/api/resources/${id}/verify`).send({})).status).toBe(200)
    expect((await editor.post(`/api/resources/${id}/workflow`).send({ action: 'archive' })).status).toBe(200)
    expect((await request(app.url).get(`/api/resources/${id}`)).status).toBe(404)
    expect((await editor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST })).status).toBe(200)
    expect(await statusOf(id)).toBe('current')
  })

  it('a revision verified while in review is published verified', async () => {
    const id = await publishedByWorkflow('Protect Our Courts Act (copy 3)')
    expect((await editor.patch(`/api/resources/${id}`).send({ body: body('Section 1, amended.') })).status).toBe(200)
    expect((await editor.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })).status).toBe(200)
    expect((await nyReviewer.post(`/api/resources/${id}/verify`).send({ note: 'Amendment checked.' })).status).toBe(200)
    // The public version is not the one verified yet.
    expect(await statusOf(id)).toBe('unverified')
    expect((await editor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST })).status).toBe(200)
    expect(await statusOf(id)).toBe('current')
  })
})

describe('every public answer carries it', () => {
  it('feeds, toolkit, search, compare (JSON and CSV), GraphQL; never who verified unless opted in', async () => {
    const now = new Date()
    setNow(now)
    const provision = (await app.payload.create({ collection: 'provisions', data: { key: 'judicial-warrant-required', name: 'A judicial warrant is required', order: 1 } as never, overrideAccess: true })).id
    const id = await createPublished(app, {
      title: 'Zanzibarian courthouse statute',
      summary: 'Signed-off statute of California.',
      category: 'legislation',
      jurisdictions: [places['US-CA']],
      provisions: [{ provision, section: '§ 1', extent: 'full' }],
    })
    const unverified = await createPublished(app, { title: 'Zanzibarian unverified guidance', category: 'policy', jurisdictions: [places['US-CA']], provisions: [{ provision, extent: 'partial' }] })
    expect((await caReviewer.post(`/api/resources/${id}/verify`).send({})).status).toBe(200)
    const expected = { status: 'current', verifiedAt: now.toISOString(), reviewBy: addMonths(now, 6).toISOString() }

    const feed = await request(app.url).get('/api/feed.json?jurisdiction=US-CA')
    const item = feed.body.items.find((i: { url: string }) => i.url.endsWith(`/resources/${id}`))
    expect(item._verification).toMatchObject(expected)
    expect(feed.body.items.find((i: { url: string }) => i.url.endsWith(`/resources/${unverified}`))._verification.status).toBe('unverified')
    const atom = await request(app.url).get('/api/feed.xml?jurisdiction=US-CA')
    expect(atom.text).toContain('scheme="urn:ice-out-of-courts:verification" term="current"')

    const toolkit = await request(app.url).get('/api/jurisdictions/US-CA/toolkit')
    expect(toolkit.status).toBe(200)
    const listed = JSON.stringify(toolkit.body)
    expect(listed).toContain(`"verification":{"status":"current","verifiedAt":"${expected.verifiedAt}","reviewBy":"${expected.reviewBy}","attribution":"Carla Public-Counsel"}`)
    expect(listed).not.toContain('verifiedBy')

    const search = await request(app.url).get('/api/search?q=Zanzibarian')
    expect(search.status).toBe(200)
    const hits = Object.fromEntries(search.body.docs.map((d: { id: string; verification: { status: string } }) => [String(d.id), d.verification.status]))
    expect(hits).toEqual({ [String(id)]: 'current', [String(unverified)]: 'unverified' })

    const compare = await request(app.url).get('/api/compare?jurisdictions=US-CA')
    expect(compare.status).toBe(200)
    const cell = compare.body.provisions.find((p: { key: string }) => p.key === 'judicial-warrant-required').cells['US-CA']
    expect(Object.fromEntries(cell.map((i: { id: Id; verification: { status: string } }) => [String(i.id), i.verification.status]))).toEqual({ [String(id)]: 'current', [String(unverified)]: 'unverified' })
    expect(JSON.stringify(compare.body)).not.toContain('verifiedBy')
    const csv = await request(app.url).get('/api/compare.csv?jurisdictions=US-CA')
    expect(csv.text).toContain('Zanzibarian courthouse statute (§ 1) {verification: current}')
    expect(csv.text).toContain('Zanzibarian unverified guidance [partial] {verification: unverified}')

    // Time passes: every answer says so (the public cache does not outlive the day).
    setNow(new Date(addMonths(now, 6).getTime() - 5 * DAY))
    const laterCell = (await request(app.url).get('/api/compare?jurisdictions=US-CA')).body.provisions.find((p: { key: string }) => p.key === 'judicial-warrant-required').cells['US-CA']
    expect(laterCell.find((i: { id: Id }) => i.id === id).verification.status).toBe('due')
    const later = await request(app.url).get('/api/feed.json?jurisdiction=US-CA')
    expect(later.body.items.find((i: { url: string }) => i.url.endsWith(`/resources/${id}`))._verification.status).toBe('due')

    const graphql = await request(app.url).post('/api/graphql').send({ query: '{ Resources(where: { title: { like: "Zanzibarian" } }) { docs { title verification { status attribution } } } }' })
    expect(graphql.body.data.Resources.docs.map((d: { verification: unknown }) => d.verification)).toEqual(expect.arrayContaining([{ status: 'due', attribution: 'Carla Public-Counsel' }, { status: 'unverified', attribution: null }]))
    // The OpenAPI document describes it: the resource schema, and the compare and toolkit answers.
    const openapi = (await request(app.url).get('/api/openapi.json')).body
    const withVerification = Object.entries(openapi.components.schemas as Record<string, { properties?: Record<string, any> }>).filter(([, schema]) => schema.properties?.verification)
    expect(withVerification.map(([name]) => name)).toEqual(expect.arrayContaining([expect.stringMatching(/^Resource/)]))
    const compareDoc = JSON.stringify(openapi.paths['/api/compare'])
    expect(compareDoc).toContain('"verification"')
    expect(JSON.stringify(openapi.paths['/api/jurisdictions/{code}/toolkit'])).toContain('"verification"')
    const asksWho = await request(app.url).post('/api/graphql').send({ query: '{ Resources { docs { verification { verifiedBy { email } } } } }' })
    expect(JSON.stringify(asksWho.body)).not.toMatch(/@example\.org/)
  })
})
