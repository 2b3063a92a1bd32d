/**
 * Only http(s), mailto and relative URLs in anything a document holds: rich-text links and
 * autolinks (any url in any node), link fields and other URL fields, in every locale; read the
 * way a browser reads them. Refused on write with 400 naming the field; never served.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { pdfBytes } from './helpers/content'
import request from 'supertest'
import { isHttpUrl, isSafeLink } from '../fields/url'
import { resources as seedResources } from '../seed/data/resources'
import { unsafeLinks } from '../src/plugins/safeLinks'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'

const UNSAFE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '   javascript:alert(1)',
  '\tjavascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\r\nscript:alert(1)',
  '\u0000javascript:alert(1)',
  '\u0001 javascript:alert(1)',
  'jav\u200bascript:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  '&#0000106;avascript:alert(1)',
  'javascript&colon;alert(1)',
  '&amp;#106;avascript:alert(1)',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  ' DATA:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
]
const SAFE = ['https://example.org/a?b=c#d', 'http://example.org', 'mailto:team@example.org', '/resources/ny', '#section-2', '?page=2', 'guide/page', '//cdn.example.org/x.pdf']

describe('isSafeLink', () => {
  it.each(UNSAFE)('refuses %j', (url) => expect(isSafeLink(url)).toBe(false))
  it.each(SAFE)('accepts %j', (url) => expect(isSafeLink(url)).toBe(true))
  it('link fields (http(s) only) refuse every unsafe variant too', () => {
    for (const url of UNSAFE) expect([url, isHttpUrl(url)]).toEqual([url, false])
  })
})

describe('the seed', () => {
  it('holds no unsafe URL', () => {
    expect(unsafeLinks(seedResources)).toEqual([])
    for (const resource of seedResources) for (const link of (resource as { links?: { url: string }[] }).links ?? []) expect(isHttpUrl(link.url)).toBe(true)
  })
})

let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>
let leader: Awaited<ReturnType<typeof signIn>>
/** A file of the leader's own: an upload node may name it (a relation must point at what its author may read). */
let ownDocument: string | number = 0
beforeAll(async () => {
  app = await startTestApp()
  editor = await signIn(app, await createAccount(app, 'editor'))
  leader = await signIn(app, await createAccount(app, 'contributor'))
  ownDocument = (await leader.post('/api/documents').field('_payload', JSON.stringify({ title: 'Own file' })).attach('file', pdfBytes(), { filename: 'own.pdf', contentType: 'application/pdf' })).body.doc.id
})
afterAll(async () => {
  await app?.stop()
})

const text = (t: string) => ({ type: 'text', text: t, format: 0, detail: 0, mode: 'normal', style: '', version: 1 })
const linkNode = (url: string, type = 'link') => ({
  type,
  version: 3,
  direction: 'ltr',
  format: '',
  indent: 0,
  fields: { linkType: 'custom', url, newTab: false },
  children: [text('click here')],
})
const paragraph = (...children: object[]) => ({ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children })
const doc = (...children: object[]) => ({ root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children } })
const list = (...items: object[]) => ({
  type: 'list',
  listType: 'bullet',
  tag: 'ul',
  start: 1,
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  children: items.map((child, i) => ({ type: 'listitem', value: i + 1, version: 1, direction: 'ltr', format: '', indent: 0, children: [child] })),
})

const bodies: [string, (url: string) => object][] = [
  ['a link', (url) => doc(paragraph(text('See '), linkNode(url)))],
  ['an autolink', (url) => doc(paragraph(linkNode(url, 'autolink')))],
  ['a link inside a list', (url) => doc(list(linkNode(url)))],
  ['a url in another node', (url) => doc({ type: 'upload', version: 3, format: '', relationTo: 'documents', value: ownDocument, fields: { href: url } })],
]

describe('rich text (resources.body)', () => {
  it.each(bodies)('refuses an unsafe URL in %s, naming the field, in English and Spanish', async (_label, body) => {
    const created = await leader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Safe links', category: 'media' })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    for (const url of ['javascript:alert(1)', '&#106;avascript:alert(1)', 'java\tscript:alert(1)', ' vbscript:x', 'data:text/html,x']) {
      for (const [locale, draft] of [['en', false], ['es', false], ['en', true], ['es', true]] as const) {
        const res = await leader.patch(`/api/resources/${id}?locale=${locale}${draft ? '&draft=true' : ''}`).send({ body: body(url) })
        expect([url, locale, res.status]).toEqual([url, locale, 400])
        expect(res.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'body', message: expect.stringMatching(/http:\/\/, https:\/\/, mailto: or relative/) })])
      }
      const make = await leader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Unsafe at birth', category: 'media', body: body(url) })
      expect(make.status).toBe(400)
    }
    const stored = await app.payload.findByID({ collection: 'resources', id, locale: 'all', overrideAccess: true, draft: true })
    expect(unsafeLinks(stored)).toEqual([])
  })

  it('accepts http(s), mailto and relative links', async () => {
    for (const url of ['https://example.org/a', 'mailto:team@example.org', '/resources/ny']) {
      const res = await leader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Fine links', category: 'media', body: doc(paragraph(linkNode(url))) })
      expect([url, res.status]).toEqual([url, 201])
    }
  })

  it('never serves one that is stored anyway (a write straight to the database)', async () => {
    const created = await leader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Old content', category: 'media', body: doc(paragraph(linkNode('https://example.org'))) })
    const id = created.body.doc.id
    await app.payload.db.updateOne({
      collection: 'resources',
      id,
      data: { title: { en: 'Old content' }, body: { en: doc(paragraph(linkNode('JaVaScRiPt:alert(1)'), linkNode('https://ok.example.org'))) } },
    } as never)
    for (const res of [await editor.get(`/api/resources/${id}`), await leader.get(`/api/resources/${id}`)]) {
      expect(res.status).toBe(200)
      expect(JSON.stringify(res.body)).not.toMatch(/javascript/i)
      expect(JSON.stringify(res.body)).toContain('https://ok.example.org')
    }
    const gql = await editor.post('/api/graphql').send({ query: `{ Resource(id: ${JSON.stringify(id)}) { body } }` })
    expect(JSON.stringify(gql.body)).not.toMatch(/javascript/i)
  })
})

describe('URL fields', () => {
  it.each([
    ['resources', 'links', (url: string) => ({ title: 'Links', category: 'media', links: [{ label: 'x', url }] })],
    ['organizations', 'website', (url: string) => ({ name: 'Org', slug: `org-${Math.random().toString(36).slice(2)}`, website: url })],
  ] as const)('%s.%s refuses every unsafe variant with 400 naming the field (drafts too)', async (collection, field, data) => {
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', '&#106;avascript:alert(1)', 'vbscript:x', 'data:text/html,x']) {
      for (const query of ['', '?draft=true']) {
        const res = await editor.post(`/api/${collection}${query}`).send(data(url))
        expect([url, query, res.status]).toEqual([url, query, 400])
        expect(JSON.stringify(res.body.errors[0].data.errors)).toContain(field)
      }
    }
  })
})
