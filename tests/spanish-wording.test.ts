/**
 * Issue 16, Spanish wording: the content-language switch read "Idioma: English" while "Idioma"
 * also labelled a resource's language field; place names were English on Spanish screens; the
 * Spanish help of "Supersedes" said the reverse of what it means. Config checks (the sanitized
 * config, as the panel gets it) and jurisdiction names through REST and GraphQL.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { initI18n, type I18n } from '@payloadcms/translations'
import { getTranslation } from '@payloadcms/translations'
import type { Field } from 'payload'
import request from 'supertest'
import { createPublished } from './helpers/publicApi'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
let es: I18n
let ids: Record<string, string | number>

beforeAll(async () => {
  app = await startTestApp()
  es = await initI18n({ config: app.payload.config.i18n as never, context: 'client', language: 'es' })
  ids = {}
  for (const [code, name, type] of [
    ['US-NY', 'New York', 'state'],
    ['US-DC', 'District of Columbia', 'district'],
    ['US-PR', 'Puerto Rico', 'territory'],
    ['US-NJ', 'New Jersey State', 'state'], // renamed by an editor: shown as written
  ] as const) {
    ids[code] = (await app.payload.create({ collection: 'jurisdictions', data: { code, name, type } as never, overrideAccess: true })).id
  }
})
afterAll(async () => {
  await app?.stop()
})

const spanishLabel = (fields: Field[], name: string) => {
  const field = fields.find((f) => 'name' in f && f.name === name) as { label?: unknown; admin?: { description?: unknown } }
  return { label: getTranslation(field.label as never, es), description: getTranslation(field.admin?.description as never, es) }
}

describe('wording', () => {
  it('the content-language switch and the language fields have different Spanish names', () => {
    const switchLabel = es.t('general:locale' as never)
    expect(switchLabel).toBe('Idioma del contenido')
    const fieldLabels = ['resources', 'documents'].map((slug) => spanishLabel(app.payload.collections[slug as 'resources'].config.fields, 'language').label)
    expect(fieldLabels).toEqual(['Idiomas del documento', 'Idioma del archivo'])
    expect(fieldLabels).not.toContain(switchLabel)
  })

  it('"Supersedes" in Spanish: this item replaces the earlier one (the earlier memo is the one revoked)', () => {
    const { label, description } = spanishLabel(app.payload.collections.resources.config.fields.flatMap((f) => ('fields' in f ? f.fields : [f])), 'supersedes')
    expect(label).toBe('Reemplaza a')
    expect(description).toContain('el memorando anterior que queda revocado por él')
    expect(description).not.toMatch(/que (un nuevo memorando )?revoca un/)
  })
})

describe('jurisdiction names on Spanish screens', () => {
  const names = (docs: { code: string; name: string }[]) => Object.fromEntries(docs.map((d) => [d.code, d.name]))

  it('REST ?locale=es gives the Spanish names where they differ, by id and in lists; English otherwise', async () => {
    const list = await request(app.url).get('/api/jurisdictions?locale=es&limit=50')
    expect(names(list.body.docs)).toMatchObject({ 'US-NY': 'Nueva York', 'US-DC': 'Distrito de Columbia', 'US-PR': 'Puerto Rico', 'US-NJ': 'New Jersey State' })
    expect((await request(app.url).get(`/api/jurisdictions/${ids['US-DC']}?locale=es`)).body.name).toBe('Distrito de Columbia')
    const english = await request(app.url).get('/api/jurisdictions?limit=50').set('Accept-Language', 'es')
    expect(names(english.body.docs)).toMatchObject({ 'US-NY': 'New York', 'US-DC': 'District of Columbia' })
  })

  it('GraphQL locale: es, and a resource’s populated jurisdictions', async () => {
    const res = await request(app.url).post('/api/graphql').send({ query: '{ Jurisdictions(locale: es, limit: 50) { docs { code name } } }' })
    expect(names(res.body.data.Jurisdictions.docs)).toMatchObject({ 'US-NY': 'Nueva York', 'US-DC': 'Distrito de Columbia' })
    const id = await createPublished(app, { title: 'Ley', jurisdictions: [ids['US-DC']] })
    expect((await request(app.url).get(`/api/resources/${id}?locale=es&depth=1`)).body.jurisdictions[0].name).toBe('Distrito de Columbia')
  })

  it('a signed-in person whose panel is in Spanish reads Spanish names whatever content locale the picker asks', async () => {
    const editor = await signIn(app, await createAccount(app, 'editor'))
    const res = await editor.get('/api/jurisdictions?locale=en&limit=50').set('Accept-Language', 'es')
    expect(names(res.body.docs)).toMatchObject({ 'US-NY': 'Nueva York' })
  })

  it('a search by name finds the Spanish name too (the picker on a Spanish screen), accents and case aside', async () => {
    const codes = async (query: string) => (await request(app.url).get(`/api/jurisdictions?${query}&limit=50`)).body.docs.map((d: { code: string }) => d.code).sort()
    expect(await codes('where[name][like]=Nueva%20York')).toEqual(['US-NY'])
    expect(await codes('where[and][0][name][like]=distrito&where[and][1][type][equals]=district')).toEqual(['US-DC'])
    expect(await codes('where[or][0][name][contains]=DISTRITO')).toEqual(['US-DC'])
    expect(await codes('where[name][like]=York')).toEqual(['US-NY'])
    expect(await codes('where[name][like]=nueva%20jersey')).toEqual(['US-NJ']) // the place, whatever its stored name
    // As the picker asks: its title field only, by the method override, the panel's language in Accept-Language.
    const editor = await signIn(app, await createAccount(app, 'editor'))
    const picked = await editor.post('/api/jurisdictions').set('X-Payload-HTTP-Method-Override', 'GET').set('Accept-Language', 'es').type('form')
      .send('depth=0&locale=en&select[name]=true&where[and][0][name][like]=Nueva%20York')
    expect(picked.body.docs.map((d: { name: string }) => d.name)).toEqual(['Nueva York'])
  })

  it('saving a Spanish screen’s form keeps the stored English name', async () => {
    const editor = await signIn(app, await createAccount(app, 'editor'))
    const res = await editor.patch(`/api/jurisdictions/${ids['US-NY']}?locale=es`).set('Accept-Language', 'es').send({ name: 'Nueva York', protectionSummary: 'Ley de protección.' })
    expect(res.status).toBe(200)
    const stored = await app.payload.findByID({ collection: 'jurisdictions', id: ids['US-NY']!, locale: 'en', overrideAccess: true })
    expect(stored.name).toBe('New York')
  })
})
