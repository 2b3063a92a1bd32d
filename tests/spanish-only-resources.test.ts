/**
 * Issue 16: a resource written in Spanish only (no English title) saved and was submitted, then
 * the editor saw it as "27" in the email subject and publishing failed with "The following field
 * is invalid: Title". A resource needs a title in at least one language, and every reader gets
 * their language or, failing that, the other one: both ways, for every localized field, through
 * REST and GraphQL, lists and single documents.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST, settle, waitForMail } from './helpers/workflow'

let app: TestApp
let leader: Awaited<ReturnType<typeof signIn>>
let editor: Awaited<ReturnType<typeof signIn>>
let editorEmail: string
let spanishId: string | number
let englishId: string | number

const SPANISH = { title: 'Guía para cortes sin ICE', summary: 'Resumen en español.', issuedBy: 'Corte Suprema' }
const ENGLISH = { title: 'Courts without ICE guide', summary: 'An English summary.', issuedBy: 'Supreme Court' }

beforeAll(async () => {
  app = await startTestApp()
  const editorAccount = await createAccount(app, 'editor')
  editorEmail = editorAccount.email
  editor = await signIn(app, editorAccount)
  leader = await signIn(app, await createAccount(app, 'contributor'))
  const jurisdictions = [await homeJurisdiction(app)]
  const created = await leader.post('/api/resources?locale=es').send({ ...SPANISH, category: 'statement', jurisdictions, links: [{ label: 'Texto oficial', url: 'https://example.org/texto' }] })
  expect(created.status).toBe(201)
  spanishId = created.body.doc.id
  const english = await leader.post('/api/resources?locale=en').send({ ...ENGLISH, category: 'statement', jurisdictions })
  expect(english.status).toBe(201)
  englishId = english.body.doc.id
})
afterAll(async () => {
  await app?.stop()
})

const workflow = (agent: typeof leader, id: string | number, body: object) => agent.post(`/api/resources/${id}/workflow`).send(body)

describe('a Spanish-only resource', () => {
  it('is submitted, the editor’s email names its Spanish title, and it publishes', async () => {
    app.mail.clear()
    expect((await workflow(leader, spanishId, { action: 'submit' })).status).toBe(200)
    const mail = await waitForMail(app, (m) => m.to === editorEmail)
    expect(mail.subject).toContain(SPANISH.title)
    expect(mail.text).toContain(SPANISH.title)
    const published = await workflow(editor, spanishId, { action: 'publish', checklist: CHECKLIST })
    expect([published.status, published.body]).toEqual([200, expect.anything()])
    await settle(app)
    // Also the English one, for the es → en direction.
    expect((await workflow(leader, englishId, { action: 'submit' })).status).toBe(200)
    expect((await workflow(editor, englishId, { action: 'publish', checklist: CHECKLIST })).status).toBe(200)
    await settle(app)
  })

  it.each([
    ['en', SPANISH, () => spanishId],
    ['es', ENGLISH, () => englishId],
  ] as const)('REST ?locale=%s falls back to the other language, by id and in lists', async (locale, expected, id) => {
    const one = await request(app.url).get(`/api/resources/${id()}?locale=${locale}`)
    expect(one.status).toBe(200)
    expect([one.body.title, one.body.summary, one.body.issuedBy]).toEqual([expected.title, expected.summary, expected.issuedBy])
    const list = await request(app.url).get(`/api/resources?locale=${locale}&where[id][equals]=${id()}`)
    expect(list.body.docs.map((d: { title: string }) => d.title)).toEqual([expected.title])
  })

  it('REST without a locale (English) shows the Spanish title and the Spanish link label', async () => {
    const res = await request(app.url).get(`/api/resources/${spanishId}`)
    expect(res.body.title).toBe(SPANISH.title)
    expect(res.body.links[0].label).toBe('Texto oficial')
  })

  it.each([
    ['en', SPANISH, () => spanishId],
    ['es', ENGLISH, () => englishId],
  ] as const)('GraphQL locale: %s falls back to the other language, by id and in lists', async (locale, expected, id) => {
    const query = `{ Resource(id: ${JSON.stringify(id())}, locale: ${locale}) { title summary } Resources(locale: ${locale}, where: { id: { equals: ${JSON.stringify(id())} } }) { docs { title } } }`
    const res = await request(app.url).post('/api/graphql').send({ query })
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.Resource).toEqual({ title: expected.title, summary: expected.summary })
    expect(res.body.data.Resources.docs).toEqual([{ title: expected.title }])
  })

  it('GraphQL over a ?locale=es request, asking for English, still falls back', async () => {
    const query = `{ Resource(id: ${JSON.stringify(spanishId)}, locale: en) { title } }`
    const res = await request(app.url).post('/api/graphql?locale=es').send({ query })
    expect(res.body.data.Resource.title).toBe(SPANISH.title)
  })

  it('search: found by its Spanish words with locale=en, and the English one with locale=es', async () => {
    const en = await request(app.url).get('/api/search?q=cortes&locale=en')
    expect(en.body.docs.map((d: { id: unknown; title: string }) => [String(d.id), d.title])).toEqual([[String(spanishId), SPANISH.title]])
    const es = await request(app.url).get('/api/search?q=courts&locale=es')
    expect(es.body.docs.map((d: { id: unknown; title: string }) => [String(d.id), d.title])).toEqual([[String(englishId), ENGLISH.title]])
  })

  it('fallback-locale=none still shows what is stored in that language only', async () => {
    const res = await request(app.url).get(`/api/resources/${spanishId}?locale=en&fallback-locale=none`)
    expect(res.body.title ?? null).toBeNull()
  })
})

describe('a title in at least one language', () => {
  it('a resource with no title in any language is refused: 400 naming title', async () => {
    for (const locale of ['en', 'es']) {
      const res = await leader.post(`/api/resources?locale=${locale}`).send({ category: 'statement', jurisdictions: [await homeJurisdiction(app)] })
      expect([locale, res.status]).toEqual([locale, 400])
      expect(res.body.errors[0].data.errors[0].path).toBe('title')
    }
  })

  it('emptying the only title is refused and leaves it stored; emptying one of two is fine', async () => {
    const draft = await leader.post('/api/resources?locale=es').send({ title: 'Sólo en español', category: 'statement', jurisdictions: [await homeJurisdiction(app)] })
    const id = draft.body.doc.id
    const refused = await leader.patch(`/api/resources/${id}?locale=es`).send({ title: '' })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors[0].path).toBe('title')
    const stored = await app.payload.findByID({ collection: 'resources', id, draft: true, locale: 'es', overrideAccess: true })
    expect(stored.title).toBe('Sólo en español')
    expect((await leader.patch(`/api/resources/${id}?locale=en`).send({ title: 'Only in English' })).status).toBe(200)
    expect((await leader.patch(`/api/resources/${id}?locale=es`).send({ title: '' })).status).toBe(200)
  })

  it('a link needs a label in one language: a Spanish-only label is enough, none is a 400', async () => {
    const jurisdictions = [await homeJurisdiction(app)]
    const ok = await leader.post('/api/resources?locale=es').send({ title: 'Con enlace', category: 'statement', jurisdictions, links: [{ label: 'Enlace', url: 'https://example.org' }] })
    expect(ok.status).toBe(201)
    const none = await leader.post('/api/resources?locale=es').send({ title: 'Sin etiqueta', category: 'statement', jurisdictions, links: [{ url: 'https://example.org' }] })
    expect(none.status).toBe(400)
    expect(none.body.errors[0].data.errors[0].path).toBe('links.0.label')
  })
})
