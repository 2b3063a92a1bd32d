/**
 * Every relation a caller sets points at something that caller may read (src/security/relationTargets.ts):
 * a contributor cannot attach another person's private upload (which an editor's publish would make
 * public), a draft of someone else, or a file of the wrong kind — not through REST, drafts, bulk
 * updates, GraphQL, the method override, nor any other collection they may write. Fields a category
 * hides (`shownWhen`, fields/shownWhen.ts) are stored empty, so nothing unseen is published.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import type { Field } from 'payload'
import { clearsWhenHidden } from '../fields/shownWhen'
import { forEditors } from '../src/admin/plugin'
import { invalidFields, pdfBytes, pngBytes } from './helpers/content'
import { createAccount, signIn, startTestApp, type TestApp, homeJurisdiction } from './helpers/testApp'
import { publishThroughWorkflow } from './helpers/workflow'

type Agent = Awaited<ReturnType<typeof signIn>>
type Id = string | number

let app: TestApp
let editor: Agent
let leader: Agent
let leaderId: Id
let victim: Agent
const files = {} as Record<'victimPdf' | 'victimPng' | 'ownPdf' | 'ownPng' | 'publicPdf' | 'editorPdf', { id: Id; path: string }>
let victimDraft: Id
let published: Id

async function upload(agent: Agent, title: string, kind: 'pdf' | 'png') {
  const res = await agent
    .post('/api/documents')
    .field('_payload', JSON.stringify({ title, alt: kind === 'png' ? `${title} image` : undefined }))
    .attach('file', kind === 'pdf' ? pdfBytes() : pngBytes(), { filename: `${title}.${kind}`, contentType: kind === 'pdf' ? 'application/pdf' : 'image/png' })
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`)
  return { id: res.body.doc.id as Id, path: new URL(res.body.doc.url, app.url).pathname }
}

/** The resource as stored (the latest version, drafts included), read by server code. */
const stored = async (id: Id) =>
  (await app.payload.findByID({ collection: 'resources', id, draft: true, depth: 0, overrideAccess: true })) as unknown as Record<string, unknown>

const ids = (value: unknown) => ((value ?? []) as unknown[]).map((v) => String(v && typeof v === 'object' ? (v as { id: Id }).id : v))

const newDraft = async (data: object = {}) => {
  const res = await leader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Leader draft', category: 'statement', ...data })
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc.id as Id
}

beforeAll(async () => {
  app = await startTestApp()
  editor = await signIn(app, await createAccount(app, 'editor'))
  const leaderAccount = await createAccount(app, 'contributor')
  leaderId = leaderAccount.id
  leader = await signIn(app, leaderAccount)
  victim = await signIn(app, await createAccount(app, 'contributor'))
  files.victimPdf = await upload(victim, 'victim-affidavit', 'pdf')
  files.victimPng = await upload(victim, 'victim-photo', 'png')
  files.ownPdf = await upload(leader, 'own-letter', 'pdf')
  files.ownPng = await upload(leader, 'own-graphic', 'png')
  files.publicPdf = await upload(editor, 'public-memo', 'pdf')
  files.editorPdf = await upload(editor, 'editor-notes', 'pdf')
  victimDraft = (await victim.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Victim draft', category: 'statement' })).body.doc.id
  published = (await editor.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Published memo', category: 'statement', documents: [files.publicPdf.id] })).body.doc.id
  await publishThroughWorkflow(editor, published)
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

describe('a contributor may link only what they may read', () => {
  it('refuses another person’s private file on create, naming the field, and stores nothing', async () => {
    const before = (await app.payload.count({ collection: 'resources', overrideAccess: true })).totalDocs
    const res = await leader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Grab', category: 'statement', documents: [files.ownPdf.id, files.victimPdf.id] })
    expect(res.status).toBe(400)
    expect(invalidFields(res)).toEqual(['documents'])
    expect(JSON.stringify(res.body)).toContain(`documents ${files.victimPdf.id}: does not exist or you may not read it`)
    expect((await app.payload.count({ collection: 'resources', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('refuses it on update, on a draft save (which skips Payload’s validation), and through the method-override header', async () => {
    const id = await newDraft({ documents: [files.ownPdf.id] })
    for (const path of [`/api/resources/${id}`, `/api/resources/${id}?draft=true`]) {
      const res = await leader.patch(path).send({ documents: [files.ownPdf.id, files.victimPdf.id] })
      expect(res.status).toBe(400)
      expect(invalidFields(res)).toEqual(['documents'])
    }
    const overridden = await leader.post('/api/resources').set('X-Payload-HTTP-Method-Override', 'PATCH').send({ title: 'Override', category: 'statement', documents: [files.victimPng.id] })
    expect(overridden.status).toBe(400)
    expect(ids((await stored(id)).documents)).toEqual([String(files.ownPdf.id)])
  })

  it('refuses it through GraphQL, and bulk updates (refused to contributors) check each resource too', async () => {
    const id = await newDraft({ documents: [files.ownPdf.id] })
    const graphql = await leader.post('/api/graphql').send({
      query: 'mutation ($id: Int!, $docs: [Int]) { updateResource(id: $id, draft: true, data: { documents: $docs }) { id } }',
      variables: { id: Number(id), docs: [Number(files.victimPdf.id)] },
    })
    expect(graphql.body.errors?.[0]?.message).toMatch(/documents/)
    const created = await leader.post('/api/graphql').send({
      query: 'mutation ($docs: [Int]) { createResource(data: { title: "GraphQL grab", category: statement, documents: $docs }) { id } }',
      variables: { docs: [Number(files.victimPdf.id)] },
    })
    expect(created.body.errors?.[0]?.message).toMatch(/documents/)
    expect((await leader.patch(`/api/resources?where[id][equals]=${id}`).send({ documents: [files.victimPdf.id] })).status).toBe(403)
    expect(ids((await stored(id)).documents)).toEqual([String(files.ownPdf.id)])

    // An editor's bulk update goes through the same checks: graphics must be images.
    const posts = (await editor.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Editor posts', category: 'social-media' })).body.doc.id
    const bulk = await editor.patch(`/api/resources?where[id][in]=${posts}`).send({ graphics: [files.editorPdf.id] })
    expect(bulk.status).toBe(400)
    expect(JSON.stringify(bulk.body)).toContain('The following field is invalid: graphics')
    expect(ids((await stored(posts)).graphics)).toEqual([])
  })

  it('accepts their own files and files already public, and a published resource; refuses someone else’s draft', async () => {
    const id = await newDraft({ documents: [files.ownPdf.id, files.publicPdf.id], supersedes: [published] })
    expect(ids((await stored(id)).documents)).toEqual([String(files.ownPdf.id), String(files.publicPdf.id)])
    const res = await leader.patch(`/api/resources/${id}`).send({ supersedes: [published, victimDraft] })
    expect(res.status).toBe(400)
    expect(invalidFields(res)).toEqual(['supersedes'])
  })

  it('refuses ids that cannot exist, and another person’s draft in Payload’s edit locks', async () => {
    const id = await newDraft()
    expect((await leader.patch(`/api/resources/${id}`).send({ documents: [999999] })).status).toBe(400)
    // Payload's own collections too: an edit lock names a document the caller may read.
    const lock = (value: Id) => leader.post('/api/payload-locked-documents').send({ document: { relationTo: 'resources', value }, user: { relationTo: 'contributors', value: leaderId } })
    const own = await lock(id)
    expect(own.status).toBe(201)
    // Refused by the lock guard first (src/security/lockGuard.ts: 403, only what one may edit), and
    // by the relation check were the guard not there (400 naming `document`).
    const foreign = await lock(victimDraft)
    expect([403, 400]).toContain(foreign.status)
    // A bulk update of their own lock, pointing it at the other draft: refused the same way.
    const moved = await leader.patch(`/api/payload-locked-documents?where[id][equals]=${own.body.doc.id}`).send({ document: { relationTo: 'resources', value: victimDraft } })
    expect([403, 400]).toContain(moved.status)
    const stored = await app.payload.findByID({ collection: 'payload-locked-documents', id: own.body.doc.id, depth: 0, overrideAccess: true })
    expect(String((stored.document as { value: unknown }).value)).toBe(String(id))
  })

  it('keeps a file an editor attached when the contributor saves the resource again', async () => {
    const id = await newDraft({ documents: [files.ownPdf.id] })
    expect((await editor.patch(`/api/resources/${id}`).send({ documents: [files.ownPdf.id, files.editorPdf.id] })).status).toBe(200)
    const current = (await leader.get(`/api/resources/${id}?draft=true&depth=0`)).body
    const saved = await leader.patch(`/api/resources/${id}`).send({ ...current, title: 'Leader draft, edited' })
    expect(saved.status).toBe(200)
    expect(ids((await stored(id)).documents)).toEqual([String(files.ownPdf.id), String(files.editorPdf.id)])
  })

  it('after submit and publish, the other person’s files are still private', async () => {
    const id = await newDraft({ documents: [files.ownPdf.id] })
    await leader.patch(`/api/resources/${id}?draft=true`).send({ documents: [files.victimPdf.id] }) // refused (above)
    await publishThroughWorkflow(editor, id)
    const anon = request(app.url)
    expect((await anon.get(`/api/documents/${files.ownPdf.id}`)).status).toBe(200)
    for (const file of [files.victimPdf, files.victimPng]) {
      expect((await anon.get(`/api/documents/${file.id}`)).status).toBe(404)
      expect((await anon.get(file.path)).status).toBe(403)
    }
  })
})

describe('graphics: images only, and only on social-media resources', () => {
  it('accepts the contributor’s own image; refuses a PDF and another person’s image', async () => {
    const ok = await leader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Posts', category: 'social-media', graphics: [files.ownPng.id] })
    expect(ok.status).toBe(201)
    expect(ids((await stored(ok.body.doc.id)).graphics)).toEqual([String(files.ownPng.id)])
    const pdf = await leader.patch(`/api/resources/${ok.body.doc.id}?draft=true`).send({ graphics: [files.ownPdf.id] })
    expect(pdf.status).toBe(400)
    expect(JSON.stringify(pdf.body)).toContain('Graphics must be images')
    const foreign = await leader.patch(`/api/resources/${ok.body.doc.id}`).send({ graphics: [files.victimPng.id] })
    expect(foreign.status).toBe(400)
    expect(invalidFields(foreign)).toEqual(['graphics'])
    expect(ids((await stored(ok.body.doc.id)).graphics)).toEqual([String(files.ownPng.id)])
  })

  it('stores fields a category hides empty: graphics and posts outside social media, bill details outside legislation', async () => {
    const res = await leader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], 
      title: 'A letter',
      category: 'statement',
      graphics: [files.ownPng.id],
      socialPosts: [{ platform: 'x', text: 'Hidden post' }],
      billNumber: 'A-1',
    })
    expect(res.status).toBe(201)
    const doc = await stored(res.body.doc.id)
    expect(ids(doc.graphics)).toEqual([])
    expect(doc.socialPosts ?? []).toEqual([])
    expect(doc.billNumber ?? null).toBeNull()

    // A request naming only the hidden field (no category in it) is judged by the stored category.
    const patched = await leader.patch(`/api/resources/${res.body.doc.id}?draft=true`).send({ graphics: [files.victimPdf.id] })
    expect(patched.status).toBe(200)
    expect(ids((await stored(res.body.doc.id)).graphics)).toEqual([])
  })

  it('leaving social media clears the graphics, so the publish carries none', async () => {
    const id = (await leader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Posts then letter', category: 'social-media', graphics: [files.ownPng.id] })).body.doc.id
    expect((await leader.patch(`/api/resources/${id}`).send({ category: 'statement' })).status).toBe(200)
    await publishThroughWorkflow(editor, id)
    const live = (await request(app.url).get(`/api/resources/${id}?depth=0`)).body
    expect(ids(live.graphics)).toEqual([])
    expect((await request(app.url).get(`/api/documents/${files.ownPng.id}`)).status).toBe(404)
  })
})

/** Fields only server code writes (a hook drops what a request sends): contributors.pendingEmail (hooks/deferEmailChange). */
const SERVER_SET = new Set(['contributors.pendingEmail'])

describe('every field a condition hides', () => {
  it('is either hidden from contributors only (forEditors) or stored empty when hidden (shownWhen)', () => {
    const unguarded: string[] = []
    const visit = (fields: Field[], where: string) => {
      for (const field of fields) {
        const name = 'name' in field ? `${where}.${field.name}` : `${where}.(${field.type})`
        const condition = field.admin?.condition
        // Never stored (virtual), or set by server code only: nothing hidden can be sent into them.
        const unwritable = ('virtual' in field && field.virtual === true) || SERVER_SET.has(name)
        if (condition && condition !== forEditors && !clearsWhenHidden(condition) && !unwritable) unguarded.push(name)
        if ('fields' in field && Array.isArray(field.fields)) visit(field.fields, name)
        if (field.type === 'tabs') for (const tab of field.tabs) visit(tab.fields, name)
        if (field.type === 'blocks') for (const block of field.blocks ?? []) visit(block.fields, `${name}.${block.slug}`)
      }
    }
    // Payload's jobs queue: written by the server alone (no API caller may create or update a job).
    const serverOnly = new Set(['payload-jobs'])
    for (const collection of app.payload.config.collections) if (!serverOnly.has(collection.slug)) visit(collection.fields, collection.slug)
    expect(unguarded).toEqual([])
  })
})
