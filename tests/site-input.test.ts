/**
 * Whatever a client sends to the public site's pages and forms gets a page or a clear 4xx, never a
 * 500, and changes nothing it should not: odd query strings, paths, bodies, content types, sizes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createJurisdictions } from './helpers/publicApi'
import { startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar, registrationsOf } from './helpers/webinars'

let app: TestApp
let webinar: Awaited<ReturnType<typeof createWebinar>>

beforeAll(async () => {
  app = await startTestApp({ REGISTRATION_RATE_LIMIT: '1000' })
  await createJurisdictions(app)
  webinar = await createWebinar(app)
})
afterAll(async () => {
  await app?.stop()
})

describe('odd requests to the site', () => {
  it('odd GETs answer with a page or a 4xx', async () => {
    const paths = [
      '/search?q[]=x',
      '/search?q=x&q=y',
      '/search?q=%00%01',
      '/search?q=court&page=999999',
      '/search?q=court&page=-1',
      '/search?q=court&jurisdiction=%3Cscript%3E',
      `/search?q=${'a '.repeat(100)}`,
      '/jurisdictions/%ZZ',
      '/jurisdictions/us-ny',
      `/jurisdictions/${'X'.repeat(300)}`,
      `/resources/${'a'.repeat(300)}`,
      '/resources/%E2%80%AE',
      '/compare?j=<script>',
      `/compare?${Array.from({ length: 20 }, (_, i) => `j=US-A${i}`).join('&')}`,
      '/compare?j=US-NY&j=US-NY',
      '/webinars/1e999',
      '/webinars/-1',
      `/webinars/${'9'.repeat(40)}`,
      '/webinars/cancel',
      '/webinars/cancel?token=',
      '/webinars/cancel?token[]=x',
      '/es/es',
      '/es/site.css',
    ]
    for (const path of paths) {
      const res = await request(app.url).get(path)
      expect([path, res.status < 500]).toEqual([path, true])
    }
  })

  it('odd form posts answer with a 4xx and store nothing', async () => {
    const target = `/webinars/${webinar.id}`
    const cases: [string, () => request.Test][] = [
      ['JSON body', () => request(app.url).post(target).send({ name: 'A', email: 'a@example.org', consent: true, interest: 'learn' })],
      ['no body', () => request(app.url).post(target)],
      ['multipart', () => request(app.url).post(target).field('name', 'A').field('email', 'a@example.org')],
      ['text body', () => request(app.url).post(target).set('Content-Type', 'text/plain').send('name=A')],
      ['over 16 KB', () => request(app.url).post(target).type('form').send(`name=${'a'.repeat(20_000)}&email=a@example.org`)],
      ['repeated fields', () => request(app.url).post(target).type('form').send('name=A&name=B&email=a@example.org&email=b@example.org&interest=learn')],
      ['bad percent-encoding', () => request(app.url).post(target).type('form').send('name=%E0%A4%A&email=a@example.org')],
      ['unknown webinar', () => request(app.url).post('/webinars/999999').type('form').send('name=A&email=a@example.org&consent=true&interest=learn')],
      ['cancel without token', () => request(app.url).post('/webinars/cancel').type('form').send('')],
      ['cancel with a forged token', () => request(app.url).post('/webinars/cancel').type('form').send('token=v1.forged.token')],
      ['subscribe, JSON', () => request(app.url).post('/subscribe').send({ email: 'a@example.org', frequency: 'weekly' })],
      ['subscribe, 70 places', () => request(app.url).post('/subscribe').type('form').send(`email=a@example.org&frequency=weekly&${Array.from({ length: 70 }, () => 'jurisdictions=US-NY').join('&')}`)],
    ]
    for (const [what, call] of cases) {
      const res = await call()
      expect([what, res.status >= 400 && res.status < 500]).toEqual([what, true])
    }
    expect(await registrationsOf(app, webinar.id)).toEqual([])
    const { totalDocs } = await app.payload.count({ collection: 'subscriptions', overrideAccess: true })
    expect(totalDocs).toBe(0)
  })
})
