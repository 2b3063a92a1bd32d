/**
 * Found by the crash test: a `PATCH ?locale=es` wrote the Spanish text over the English one,
 * because the access check's Local API read (given the request) reset the request's locale.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.stop()
})

it('a Spanish edit through REST changes the Spanish fields and leaves the English ones', async () => {
  for (const role of ['contributor', 'editor'] as const) {
    const agent = await signIn(app, await createAccount(app, role))
    const created = await agent.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'English title', category: 'media' })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const patched = await agent.patch(`/api/resources/${id}?locale=es`).send({ title: 'Título en español' })
    expect(patched.status).toBe(200)
    expect(patched.body.doc.title).toBe('Título en español')
    const en = await app.payload.findByID({ collection: 'resources', id, draft: true, locale: 'en', overrideAccess: true })
    const es = await app.payload.findByID({ collection: 'resources', id, draft: true, locale: 'es', fallbackLocale: false, overrideAccess: true })
    expect([role, en.title, es.title]).toEqual([role, 'English title', 'Título en español'])
  }
})
