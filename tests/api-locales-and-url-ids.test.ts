/**
 * Two things Payload reads leniently, so a typo became someone else's answer or write:
 * - a `locale` (or fallback) that is not configured was read as the default locale: `?locale=fr`
 *   answered English, and a PATCH with it wrote the English text;
 * - a numeric id in the URL was read with parseFloat: `/api/topics/7x` was topic 7, for a read, an
 *   update and a delete alike.
 * Both now answer 4xx naming the problem (400 for the locale, 404 for the id) on every route that
 * reaches Payload: lists, by id, globals, custom endpoints, reads sent as a POST, writes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { publishThroughWorkflow } from './helpers/workflow'

let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>
let topic: string | number
let resource: string | number
let code: string

beforeAll(async () => {
  app = await startTestApp()
  editor = await signIn(app, await createAccount(app, 'editor'))
  topic = (await app.payload.create({ collection: 'topics', data: { name: 'Warrants', slug: 'warrants-locale-test' } })).id
  await app.payload.update({ collection: 'topics', id: topic, locale: 'es', data: { name: 'Órdenes judiciales' } })
  const home = await homeJurisdiction(app)
  code = String((await app.payload.findByID({ collection: 'jurisdictions', id: home, depth: 0 })).code)
  resource = (await editor.post('/api/resources').send({ jurisdictions: [home], title: 'Published for the id test', category: 'statement' }).expect(201)).body.doc.id
  await publishThroughWorkflow(editor, resource)
})
afterAll(async () => {
  await app?.stop()
})

const topicNames = async () => {
  const doc = await app.payload.findByID({ collection: 'topics', id: topic, locale: 'all', depth: 0 })
  return doc.name as unknown as Record<string, string>
}

describe('a locale that is not configured', () => {
  const badQueries = ['locale=fr', 'locale=EN', 'locale=es-MX', 'locale=', 'locale=en&locale=es', 'locale[0]=en', 'fallback-locale=fr', 'fallbackLocale=xx', 'fallbackLocale[0]=es&fallbackLocale[1]=fr', 'fallbackLocale[x]=en']
  const paths = () => ['/api/topics', `/api/topics/${topic}`, '/api/resources?depth=0', `/api/resources/${resource}?depth=1`, `/api/jurisdictions/${code}/toolkit`, '/api/map']

  it.each(badQueries)('?%s is a 400 naming the parameter, on every route', async (query) => {
    for (const path of paths()) {
      const res = await request(app.url).get(`${path}${path.includes('?') ? '&' : '?'}${query}`)
      expect({ path, status: res.status }).toEqual({ path, status: 400 })
      expect(res.body.errors[0].message).toMatch(/^(locale|fallback-locale|fallbackLocale) must be one of en, es/)
    }
  })

  it('answers the locales Payload knows, and its words for no fallback', async () => {
    for (const query of ['locale=en', 'locale=es', 'locale=all', 'locale=*', 'fallback-locale=none', 'fallback-locale=false', 'fallback-locale=es', 'fallbackLocale[0]=es&fallbackLocale[1]=en']) {
      const res = await request(app.url).get(`/api/topics/${topic}?${query}`)
      expect({ query, status: res.status }).toEqual({ query, status: 200 })
    }
    expect((await request(app.url).get(`/api/topics/${topic}?locale=es`)).body.name).toBe('Órdenes judiciales')
  })

  it('is refused in a read sent as a POST, as a form or as JSON', async () => {
    const form = await request(app.url).post('/api/topics').set('X-Payload-HTTP-Method-Override', 'GET').type('form').send('locale=fr&limit=1')
    expect(form.status).toBe(400)
    expect(form.body.errors[0].message).toMatch(/locale must be one of en, es, all/)
    const json = await request(app.url).post('/api/topics').set('X-HTTP-Method-Override', 'GET').send({ locale: 'fr' })
    expect(json.status).toBe(400)
  })

  it('is refused by GraphQL as an argument outside the enum', async () => {
    const res = await request(app.url).post('/api/graphql').send({ query: '{ Topics(locale: fr, limit: 1) { docs { id } } }' })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body.errors)).toMatch(/locale/)
  })

  it('refuses a write with it and leaves both languages as they were', async () => {
    const before = await topicNames()
    const res = await editor.patch(`/api/topics/${topic}?locale=fr`).send({ name: 'Overwritten' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/locale must be one of en, es, all/)
    expect(await topicNames()).toEqual(before)
    // The same write in a configured locale goes through.
    await editor.patch(`/api/topics/${topic}?locale=es`).send({ name: 'Órdenes' }).expect(200)
    expect((await topicNames()).es).toBe('Órdenes')
  })
})

describe('parameters Payload reads as true/false or as a field selection', () => {
  // Payload read these as not given (or `select[title]=maybe` as true): the answer was not the one asked for.
  it.each([
    ['draft=yes', /^draft must be true or false/],
    ['draft=true&draft=false', /^draft must be true or false/],
    ['pagination=maybe', /^pagination must be true or false/],
    ['trash=1', /^trash must be true or false/],
    ['flattenLocales=x', /^flattenLocales must be true or false/],
    ['select=title', /^select must name fields/],
    ['select[title]=maybe', /^select\[title\] must be true or false/],
    ['select[title][]=true', /^select\[title\] must be true or false/],
    ['populate=jurisdictions', /^populate must name a collection/],
    ['populate[jurisdictions]=name', /^populate\[jurisdictions\] must name fields/],
    ['populate[jurisdictions][name]=1', /^populate\[jurisdictions\]\[name\] must be true or false/],
  ])('?%s is a 400 naming it, as a query or in a read sent as a POST', async (query, message) => {
    for (const res of [
      await request(app.url).get(`/api/resources?depth=0&${query}`),
      await editor.get(`/api/topics/${topic}?${query}`),
      await request(app.url).post('/api/resources').set('X-Payload-HTTP-Method-Override', 'GET').type('form').send(query),
    ]) {
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toMatch(message)
    }
  })

  it('answers the forms Payload documents', async () => {
    for (const query of ['draft=false', 'pagination=false&limit=1', 'trash=false', 'select[title]=true', 'select[title]=false', 'select[jurisdictions][name]=true', 'populate[jurisdictions][name]=true&depth=1']) {
      const res = await request(app.url).get(`/api/resources?${query}`)
      expect({ query, status: res.status }).toEqual({ query, status: 200 })
    }
    const selected = await request(app.url).get(`/api/resources/${resource}?select[title]=true&depth=0`)
    expect(Object.keys(selected.body).sort()).toEqual(['id', 'title'])
  })
})

describe('an id in the URL as written', () => {
  const malformed = (id: string | number) => [`${id}x`, `${id}%00`, `${id}%20`, `${id}.0`, `${id}e0`, `${id}abc`, ` ${id}`.replace(' ', '%20')]

  it('is not found when it is not an id, however Payload would parse it', async () => {
    for (const id of malformed(topic)) {
      const res = await request(app.url).get(`/api/topics/${id}`)
      expect({ id, status: res.status }).toEqual({ id, status: 404 })
    }
    for (const id of malformed(resource)) {
      for (const query of ['', '?depth=0', '?depth=1&locale=es']) {
        const res = await request(app.url).get(`/api/resources/${id}${query}`)
        expect({ id, query, status: res.status }).toEqual({ id, query, status: 404 })
      }
    }
    const version = await editor.get(`/api/resources/versions?limit=1&where[parent][equals]=${resource}`)
    const versionId = version.body.docs[0].id
    expect((await editor.get(`/api/resources/versions/${versionId}`)).status).toBe(200)
    expect((await editor.get(`/api/resources/versions/${versionId}x`)).status).toBe(404)
  })

  it('still finds the document by its id, percent-encoded or not', async () => {
    expect((await request(app.url).get(`/api/topics/${topic}`)).status).toBe(200)
    const encoded = [...String(topic)].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')
    expect((await request(app.url).get(`/api/topics/${encoded}`)).body.id).toBe(topic)
  })

  it('updates and deletes nothing', async () => {
    const before = await topicNames()
    for (const id of malformed(topic)) {
      const patched = await editor.patch(`/api/topics/${id}`).send({ name: 'Changed through a typo' })
      expect({ id, status: patched.status }).toEqual({ id, status: 404 })
      const deleted = await editor.delete(`/api/topics/${id}`)
      expect({ id, status: deleted.status }).toEqual({ id, status: 404 })
    }
    expect(await topicNames()).toEqual(before)
    const resourceBefore = await app.payload.findByID({ collection: 'resources', id: resource, depth: 0 })
    expect((await editor.patch(`/api/resources/${resource}x`).send({ title: 'Changed through a typo' })).status).toBe(404)
    expect((await editor.delete(`/api/resources/${resource}x`)).status).toBe(404)
    expect(await app.payload.findByID({ collection: 'resources', id: resource, depth: 0 })).toEqual(resourceBefore)
  })
})
