import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST, settle, waitForMail } from './helpers/workflow'

let app: TestApp
let editor: Awaited<ReturnType<typeof createAccount>>
let leader: Awaited<ReturnType<typeof createAccount>>
let asEditor: Awaited<ReturnType<typeof signIn>>
let asLeader: Awaited<ReturnType<typeof signIn>>

beforeAll(async () => {
  // Each transition's own email is checked here; the quiet period after a submit or withdraw
  // (which silences the next ones of the same resource) has its own file, workflow-notify-throttle.
  app = await startTestApp({ WORKFLOW_NOTIFY_QUIET_MINUTES: '0' })
  editor = await createAccount(app, 'editor', { name: 'Edna Editor' })
  leader = await createAccount(app, 'contributor', { name: 'Lee Leader' })
  asEditor = await signIn(app, editor)
  asLeader = await signIn(app, leader)
})
afterAll(async () => {
  await app?.stop()
})
beforeEach(() => app.mail.clear())

async function newDraft(title = 'Chief Judge memo') {
  const res = await asLeader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title, category: 'statement' })
  expect(res.status).toBe(201)
  return res.body.doc.id as string | number
}
const act = (agent: typeof asEditor, id: string | number, body: object) => agent.post(`/api/resources/${id}/workflow`).send(body)
const publicRead = (id: string | number) => request(app.url).get(`/api/resources/${id}`)

describe('the review workflow through POST /api/resources/:id/workflow', () => {
  it('takes a submission from draft to published, recording every step and emailing the right people', async () => {
    const id = await newDraft()
    expect((await publicRead(id)).status).toBe(404)

    let res = await act(asLeader, id, { action: 'submit' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ action: 'submit', from: 'draft', reviewStatus: 'in_review', live: false })
    const toEditor = await waitForMail(app, (m) => m.to === editor.email && m.subject.startsWith('Submitted for review'))
    expect(toEditor.subject).toBe('Submitted for review: Chief Judge memo')
    expect(toEditor.text).toContain('Lee Leader submitted')
    expect(toEditor.text).toContain(`/admin/collections/resources/${id}`)
    expect(toEditor.text).not.toContain(leader.email)

    res = await act(asEditor, id, { action: 'request_changes', note: 'Please attach the signed PDF.' })
    expect(res.status).toBe(200)
    expect(res.body.reviewStatus).toBe('changes_requested')
    const toLeader = await waitForMail(app, (m) => m.to === leader.email && m.subject.startsWith('Changes requested'))
    expect(toLeader.text).toContain('Please attach the signed PDF.')
    expect(toLeader.text).toContain('Edna Editor')
    expect(toLeader.text).not.toContain(editor.email)

    // The owner edits while changes are requested, then resubmits.
    expect((await asLeader.patch(`/api/resources/${id}`).send({ title: 'Chief Judge memo (signed)' })).status).toBe(200)
    expect((await act(asLeader, id, { action: 'submit' })).status).toBe(200)

    res = await act(asEditor, id, { action: 'publish', checklist: CHECKLIST })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ reviewStatus: 'published', live: true })
    expect(Date.parse(res.body.publishedAt)).toBeGreaterThan(Date.now() - 60_000)
    const published = await waitForMail(app, (m) => m.to === leader.email && m.subject.startsWith('Published'))
    expect(published.text).toContain(`/admin/collections/resources/${id}`)
    expect(published.text).not.toContain('/api/')

    const pub = await publicRead(id)
    expect(pub.status).toBe(200)
    expect(pub.body).toMatchObject({ title: 'Chief Judge memo (signed)', _status: 'published' })
    expect(pub.body.owner).toBeUndefined()
    expect(pub.body.reviewStatus).toBeUndefined()

    const history = await asLeader.get(`/api/review-events?where[resource][equals]=${id}&sort=at&limit=50`)
    expect(history.status).toBe(200)
    expect(history.body.docs.map((e: { action: string; from: string; to: string }) => `${e.action}:${e.from}>${e.to}`)).toEqual([
      'submit:draft>in_review',
      'request_changes:in_review>changes_requested',
      'submit:changes_requested>in_review',
      'publish:in_review>published',
    ])
    expect(history.body.docs[1].note).toBe('Please attach the signed PDF.')
    expect(history.body.docs[3].checklist).toEqual(CHECKLIST)
    const by = history.body.docs[0].by
    expect(String(by?.id ?? by)).toBe(String(leader.id))
  })

  it('answers 400, 401, 403 and 409 as documented, changing nothing', async () => {
    const id = await newDraft()
    expect((await request(app.url).post(`/api/resources/${id}/workflow`).send({ action: 'submit' })).status).toBe(401)
    expect((await act(asLeader, id, { action: 'explode' })).status).toBe(400)
    expect((await act(asLeader, id, {})).status).toBe(400)
    expect((await act(asLeader, id, { action: 'publish', checklist: CHECKLIST })).status).toBe(403)
    expect((await act(asLeader, id, { action: 'withdraw' })).status).toBe(409)
    expect((await act(asEditor, id, { action: 'unpublish' })).status).toBe(409)
    const bad = await asLeader.post(`/api/resources/${id}/workflow`).set('Content-Type', 'application/json').send('{"action":')
    expect(bad.status).toBe(400)
    expect((await act(asEditor, 'nope-404', { action: 'submit' })).status).toBe(404)
    await act(asLeader, id, { action: 'submit' })
    expect((await act(asEditor, id, { action: 'request_changes' })).status).toBe(400)
    const noChecklist = await act(asEditor, id, { action: 'publish' })
    expect(noChecklist.status).toBe(400)
    expect(noChecklist.body.errors[0].message).toMatch(/checklist/)
    expect((await act(asEditor, id, { action: 'publish', checklist: { sourcesChecked: true } })).status).toBe(400)
    const events = await app.payload.find({ collection: 'review-events', where: { resource: { equals: id } } })
    expect(events.docs.map((e) => e.action)).toEqual(['submit'])
    expect((await publicRead(id)).status).toBe(404)
  })

  it('GET /api/resources/:id/workflow lists the actions the caller may take now', async () => {
    const id = await newDraft()
    expect((await request(app.url).get(`/api/resources/${id}/workflow`)).status).toBe(401)
    expect((await asLeader.get(`/api/resources/${id}/workflow`)).body).toMatchObject({ reviewStatus: 'draft', live: false, actions: ['submit'] })
    await act(asLeader, id, { action: 'submit' })
    const forEditor = await asEditor.get(`/api/resources/${id}/workflow`)
    expect(forEditor.body.actions).toEqual(['request_changes', 'publish', 'archive'])
    expect(Object.keys(forEditor.body.checklist)).toEqual(['personalDataCleared', 'sourcesChecked'])
    const other = await signIn(app, await createAccount(app, 'contributor'))
    expect((await other.get(`/api/resources/${id}/workflow`)).status).toBe(404)
  })

  it('lets the owner withdraw a submission, and nobody else', async () => {
    const id = await newDraft()
    await act(asLeader, id, { action: 'submit' })
    const other = await signIn(app, await createAccount(app, 'contributor'))
    expect((await act(other, id, { action: 'withdraw' })).status).toBe(404) // B cannot even see A's draft
    expect((await act(asEditor, id, { action: 'withdraw' })).status).toBe(403)
    const res = await act(asLeader, id, { action: 'withdraw' })
    expect(res.status).toBe(200)
    expect(res.body.reviewStatus).toBe('draft')
  })

  it('keeps the published version public while an edit of it waits for review', async () => {
    const id = await newDraft('Original title')
    await act(asLeader, id, { action: 'submit' })
    await act(asEditor, id, { action: 'publish', checklist: CHECKLIST })

    // An edit of published content (the owner proposing an update, or an editor) becomes a draft revision.
    const edit = await asLeader.patch(`/api/resources/${id}`).send({ title: 'Revised title' })
    expect(edit.status).toBe(200)
    expect((await publicRead(id)).body.title).toBe('Original title')
    expect((await request(app.url).get(`/api/resources/${id}?draft=true`)).body.title).toBe('Original title')
    const working = await asEditor.get(`/api/resources/${id}?draft=true`)
    expect(working.body).toMatchObject({ title: 'Revised title', reviewStatus: 'draft' })
    const list = await request(app.url).get(`/api/resources?where[id][equals]=${id}`)
    expect(list.body.docs.map((d: { title: string }) => d.title)).toEqual(['Original title'])

    // The owner continues the revision, submits it; the editor publishes it: now the public sees it.
    expect((await asLeader.patch(`/api/resources/${id}`).send({ title: 'Revised title 2' })).status).toBe(200)
    expect((await act(asLeader, id, { action: 'submit' })).status).toBe(200)
    expect((await publicRead(id)).body.title).toBe('Original title')
    expect((await act(asEditor, id, { action: 'publish', checklist: CHECKLIST })).body.live).toBe(true)
    expect((await publicRead(id)).body.title).toBe('Revised title 2')
  })

  it('takes content out of the public API on unpublish and archive', async () => {
    const id = await newDraft()
    await act(asLeader, id, { action: 'submit' })
    await act(asEditor, id, { action: 'publish', checklist: CHECKLIST })
    expect((await publicRead(id)).status).toBe(200)
    const un = await act(asEditor, id, { action: 'unpublish' })
    expect(un.body).toMatchObject({ reviewStatus: 'draft', live: false })
    expect((await publicRead(id)).status).toBe(404)
    await act(asLeader, id, { action: 'submit' })
    await act(asEditor, id, { action: 'publish', checklist: CHECKLIST })
    const ar = await act(asEditor, id, { action: 'archive' })
    expect(ar.body).toMatchObject({ reviewStatus: 'archived', live: false })
    expect((await publicRead(id)).status).toBe(404)
    expect((await request(app.url).get(`/api/resources?where[id][equals]=${id}`)).body.totalDocs).toBe(0)
    await waitForMail(app, (m) => m.to === leader.email && m.subject.startsWith('Archived'))
  })
})

describe('the email each transition sends', () => {
  it('goes to the assigned editor only when there is one; withdraw tells the assignee; unpublish tells the owner', async () => {
    const other = await createAccount(app, 'editor', { name: 'Other Editor' })
    const id = await newDraft('Assigned one')
    expect((await asLeader.patch(`/api/resources/${id}`).send({ assignee: editor.id })).status).toBe(403)
    expect((await asEditor.patch(`/api/resources/${id}`).send({ assignee: editor.id })).status).toBe(200)

    const expectMail = async (action: object, who: typeof asEditor, to: string[], subject: string) => {
      app.mail.clear()
      expect((await act(who, id, action)).status).toBe(200)
      for (const address of to) await waitForMail(app, (m) => m.to === address && m.subject === subject)
      await settle(app)
      expect(app.mail.messages.map((m) => `${m.to} ${m.subject}`).sort()).toEqual(to.map((a) => `${a} ${subject}`).sort())
    }
    await expectMail({ action: 'submit' }, asLeader, [editor.email], 'Submitted for review: Assigned one')
    await expectMail({ action: 'withdraw' }, asLeader, [editor.email], 'Withdrawn from review: Assigned one')
    await expectMail({ action: 'submit' }, asLeader, [editor.email], 'Submitted for review: Assigned one')
    await expectMail({ action: 'publish', checklist: CHECKLIST }, asEditor, [leader.email], 'Published: Assigned one')
    await expectMail({ action: 'unpublish' }, asEditor, [leader.email], 'Unpublished: Assigned one')
    // Unassigned: every active editor hears of a submission, and nobody of their own action.
    await asEditor.patch(`/api/resources/${id}`).send({ assignee: null })
    await expectMail({ action: 'submit' }, asLeader, [editor.email, other.email], 'Submitted for review: Assigned one')
    const otherAgent = await signIn(app, other)
    await expectMail({ action: 'archive' }, otherAgent, [leader.email], 'Archived: Assigned one')
  })
})

describe('concurrent transitions', () => {
  it('ten editors publishing and archiving one resource at once: one history entry per 200, a consistent end state', async () => {
    const id = await newDraft('Race')
    await act(asLeader, id, { action: 'submit' })
    const editors = await Promise.all(Array.from({ length: 4 }, async () => signIn(app, await createAccount(app, 'editor'))))
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        act(editors[i % editors.length]!, id, i % 2 ? { action: 'archive' } : { action: 'publish', checklist: CHECKLIST }),
      ),
    )
    const ok = results.filter((r) => r.status === 200)
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true)
    const events = await app.payload.find({ collection: 'review-events', where: { resource: { equals: id } }, sort: 'at', limit: 100 })
    expect(events.totalDocs).toBe(1 + ok.length)
    const last = events.docs[events.docs.length - 1]!
    const stored = await app.payload.findByID({ collection: 'resources', id, draft: true })
    expect(stored.reviewStatus).toBe(last.to)
    expect((await publicRead(id)).status).toBe(last.to === 'published' ? 200 : 404)
  })
})

describe('contributor sign-up and activation', () => {
  it('creates a pending contributor whatever the request says, emails editors, and activation emails the person', async () => {
    const email = 'new.leader@example.org'
    const res = await request(app.url)
      .post('/api/contributors')
      .send({ name: 'New Leader', email, password: 'a-long-password-1', role: 'admin', status: 'active' })
    expect(res.status).toBe(201)
    expect(res.body.doc).toMatchObject({ role: 'contributor', status: 'pending' })
    // The answer names no id (a taken address gets the same one: tests/security-account-enumeration.test.ts).
    const { docs } = await app.payload.find({ collection: 'contributors', where: { email: { equals: email } }, overrideAccess: true })
    const id = docs[0]!.id
    const notice = await waitForMail(app, (m) => m.to === editor.email && m.subject === 'New contributor sign-up to review')
    expect(notice.text).toContain('New Leader')
    expect(notice.text).not.toContain(email)

    // Pending: can sign in but can do nothing.
    const pending = await signIn(app, { email, password: 'a-long-password-1' })
    expect((await pending.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'x', category: 'media' })).status).toBe(403)
    expect((await pending.get('/api/review-events')).body.totalDocs ?? 0).toBe(0)

    // A contributor cannot activate anyone, nor themself; an editor can, but cannot make them an editor.
    expect((await asLeader.patch(`/api/contributors/${id}`).send({ status: 'active' })).status).toBe(403)
    expect((await pending.patch(`/api/contributors/${id}`).send({ status: 'active' })).status).toBe(403)
    expect((await asEditor.patch(`/api/contributors/${id}`).send({ role: 'editor' })).status).toBe(403)
    expect((await asEditor.patch(`/api/contributors/${id}`).send({ email: 'takeover@example.org' })).status).toBe(403)
    // Activation gives the leader the jurisdictions they work in: without any they could create nothing.
    const activated = await asEditor.patch(`/api/contributors/${id}`).send({ status: 'active', jurisdictions: [await homeJurisdiction(app)] })
    expect(activated.status).toBe(200)
    expect(activated.body.doc).toMatchObject({ status: 'active', role: 'contributor' })
    const welcome = await waitForMail(app, (m) => m.to === email && m.subject === 'Your contributor account is active')
    expect(welcome.text).toContain('New Leader')

    const active = await signIn(app, { email, password: 'a-long-password-1' })
    expect((await active.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Now I can', category: 'media' })).status).toBe(201)
  })

  it('sends no email about accounts created by server code', async () => {
    await createAccount(app, 'contributor', { status: 'pending' })
    await settle(app)
    expect(app.mail.messages).toEqual([])
  })
})
