/**
 * Titles and summaries in the feeds are plain text a contributor typed: Atom marks them
 * `type="text"` and escapes them (no `type="html"`, no CDATA a title could close with `]]>`), the
 * JSON Feed carries them as `content_text` (never `content_html`), and characters XML cannot
 * carry are dropped so one title cannot make the whole feed unreadable.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { CHECKLIST } from './helpers/workflow'

let app: TestApp

// What a stranger who signed up could type. The `]]>` twice: the first escapes, the second closes CDATA.
const TITLE = 'Know <b>your</b> rights & "A ]]> B" ]]><script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script>'
const SUMMARY = '<img src=x onerror=alert(document.cookie)> Fact sheet\u0001\u0008 for <i>families</i> ]]> '
const CLEAN_SUMMARY = SUMMARY.replace(/[\u0001\u0008]/g, '')

beforeAll(async () => {
  app = await startTestApp()
  const editor = await signIn(app, await createAccount(app, 'editor'))
  const leader = await signIn(app, await createAccount(app, 'contributor'))
  const created = await leader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: TITLE, summary: SUMMARY, category: 'campaign-material' })
  expect(created.status).toBe(201)
  const id = created.body.doc.id
  expect((await leader.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })).status).toBe(200)
  expect((await editor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST })).status).toBe(200)
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

/** The entities an XML reader decodes in text (what a feed reader shows). */
const decodeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!)

describe('Atom (/api/feed.xml)', () => {
  it.each(['/api/feed.xml', '/api/feed.xml?locale=es', '/api/feed.xml?category=campaign-material'])(
    '%s: titles and summaries are type="text", escaped, without CDATA or markup of their own',
    async (path) => {
      const res = await request(app.url).get(path)
      expect(res.status).toBe(200)
      const xml = res.text
      expect(xml).not.toContain('CDATA')
      expect(xml).not.toMatch(/type="x?html"/)
      // Nothing a contributor typed became an element.
      expect(xml).not.toMatch(/<(script|img|b|i)\b/)
      expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/)

      const entry = xml.match(/<entry>([\s\S]*?)<\/entry>/)![1]!
      const title = entry.match(/<title type="text">([^<]*)<\/title>/)
      const summary = entry.match(/<summary type="text">([^<]*)<\/summary>/)
      expect(title && decodeXml(title[1]!)).toBe(TITLE)
      expect(summary && decodeXml(summary[1]!)).toBe(CLEAN_SUMMARY)
      // The feed's own text constructs are text too.
      for (const name of ['title', 'subtitle', 'rights']) expect(xml).toMatch(new RegExp(`^    <${name} type="text">`, 'm'))
    },
  )
})

describe('JSON Feed (/api/feed.json)', () => {
  it.each(['/api/feed.json', '/api/feed.json?locale=es'])('%s: the summary is content_text and summary, never content_html', async (path) => {
    const res = await request(app.url).get(path)
    expect(res.status).toBe(200)
    const feed = JSON.parse(res.text)
    const [item] = feed.items
    expect(item.title).toBe(TITLE)
    expect(item.content_text).toBe(SUMMARY)
    expect(item.summary).toBe(SUMMARY)
    expect(res.text).not.toContain('content_html')
  })
})
