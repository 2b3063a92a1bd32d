/**
 * Every API update of a resource is saved as a draft (collections/Resources/hooks/guardOperations),
 * and Payload skips field validation for drafts unless the collection asks for it: a contributor's
 * PATCH stored a `javascript:` link, a 400-character title, a made-up category. Drafts are now
 * validated like everything else (resources and webinars), through REST and GraphQL, and a
 * refused update leaves the stored document as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, signIn, startTestApp, type TestApp, homeJurisdiction } from './helpers/testApp'
import { createWebinar } from './helpers/webinars'
import { publishThroughWorkflow } from './helpers/workflow'

let app: TestApp
let contributor: ReturnType<typeof request.agent>
let editor: ReturnType<typeof request.agent>
let draftId: string | number
let publishedId: string | number

const stored = async (id: string | number) => JSON.stringify(await app.payload.findByID({ collection: 'resources', id, draft: true, depth: 0, overrideAccess: true }))

beforeAll(async () => {
  app = await startTestApp()
  contributor = await signIn(app, await createAccount(app, 'contributor'))
  editor = await signIn(app, await createAccount(app, 'editor'))
  draftId = (await contributor.post('/api/resources').send({ title: 'A draft', category: 'statement', jurisdictions: [await homeJurisdiction(app)] })).body.doc.id
  publishedId = (await contributor.post('/api/resources').send({ title: 'Published', category: 'statement', jurisdictions: [await homeJurisdiction(app)] })).body.doc.id
  await publishThroughWorkflow(editor, publishedId)
})
afterAll(async () => {
  await app?.stop()
})

const INVALID: [string, Record<string, unknown>][] = [
  ['links.0.url', { links: [{ label: 'Click', url: 'javascript:alert(document.cookie)' }] }],
  ['title', { title: 'x'.repeat(301) }],
  ['category', { category: 'not-a-category' }],
  ['summary', { summary: 'x'.repeat(1501) }],
  ['language', { language: ['xx'] }],
]

describe('updates saved as drafts are validated', () => {
  it.each(INVALID)('REST PATCH with an invalid %s: 400 naming it, nothing stored (own draft, and a revision of a published resource)', async (path, data) => {
    for (const [agent, id] of [
      [contributor, draftId],
      [editor, publishedId],
    ] as const) {
      const before = await stored(id)
      const res = await agent.patch(`/api/resources/${id}`).send(data)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].data.errors.map((e: { path: string }) => e.path)).toContain(path)
      expect(await stored(id)).toBe(before)
    }
  })

  it('a draft create is validated too (?draft=true)', async () => {
    const res = await contributor.post('/api/resources?draft=true').send({ title: 'x', category: 'statement', jurisdictions: [await homeJurisdiction(app)], links: [{ label: 'x', url: 'data:text/html,<script>alert(1)</script>' }] })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].path).toBe('links.0.url')
  })

  it('GraphQL update: refused, nothing stored', async () => {
    const before = await stored(draftId)
    const res = await contributor
      .post('/api/graphql')
      .send({ query: `mutation { updateResource(id: ${JSON.stringify(draftId)}, data: { links: [{ label: "x", url: "javascript:alert(1)" }] }) { id } }` })
    expect(res.body.errors?.[0]?.message).toMatch(/invalid/i)
    expect(await stored(draftId)).toBe(before)
  })

  it('a valid update still goes through as a draft', async () => {
    const res = await contributor.patch(`/api/resources/${draftId}`).send({ title: 'A better draft', links: [{ label: 'Docket', url: 'https://example.org/docket' }] })
    expect(res.status).toBe(200)
    expect(res.body.doc.title).toBe('A better draft')
  })

  it('webinars: an editor’s draft with a join link that is not http(s) is refused', async () => {
    const webinar = await createWebinar(app)
    const res = await editor.patch(`/api/webinars/${webinar.id}?draft=true`).send({ joinUrl: 'javascript:alert(1)' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].path).toBe('joinUrl')
  })
})
