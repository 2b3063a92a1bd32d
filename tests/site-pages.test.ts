/**
 * The public site (src/site/) through the real stack: its pages show published content only,
 * read as anonymous API callers read it. One resource in every review state, each with a unique
 * word; no page in either language may show the words of unpublished ones, and a publish,
 * unpublish or archive shows on the very next request (the page cache follows the content version).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { createWebinar } from './helpers/webinars'
import { resourcesInEveryState } from './helpers/reviewStates'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { publishThroughWorkflow } from './helpers/workflow'

let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>
let ids: Awaited<ReturnType<typeof resourcesInEveryState>>['ids']
let J: Awaited<ReturnType<typeof createJurisdictions>>
const WORD = 'Zephyrine'
const REVISION = 'Quillbrook'
const slugs: Record<string, string> = {}
const webinars = {} as Record<'published' | 'draft', Awaited<ReturnType<typeof createWebinar>>>

const HIDDEN_STATES = ['draft', 'in_review', 'changes_requested', 'archived', 'unpublished'] as const

beforeAll(async () => {
  app = await startTestApp()
  J = await createJurisdictions(app)
  editor = await signIn(app, await createAccount(app, 'editor'))
  ;({ ids } = await resourcesInEveryState(editor, { word: WORD, revisionWord: REVISION, jurisdiction: J['US-NY'] }))
  for (const [state, id] of Object.entries(ids)) {
    const doc = await app.payload.findByID({ collection: 'resources', id, draft: true, depth: 0, overrideAccess: true })
    slugs[state] = String((doc as { slug?: string }).slug)
  }
  const paragraph = (text: string) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] })
  await createPublished(app, {
    title: 'Rich item',
    slug: 'rich-item',
    category: 'social-media',
    jurisdictions: [J['US-NY']],
    issuedBy: 'Chief Judge of the State of New York',
    issuedAt: '2024-03-01T00:00:00.000Z',
    body: {
      root: {
        type: 'root', version: 1, direction: null, format: 'center', indent: 1,
        children: [
          paragraph('<img src=x onerror=alert(1)> stays text'),
          { ...paragraph('struck and underlined'), format: 'right', indent: 2, children: [{ type: 'text', version: 1, text: 'struck and underlined', format: 4 | 8, detail: 0, mode: 'normal', style: 'color: red' }] },
          { type: 'list', version: 1, listType: 'check', tag: 'ul', start: 1, direction: null, format: '', indent: 0, children: [{ type: 'listitem', version: 1, value: 1, checked: true, direction: null, format: '', indent: 0, children: [{ type: 'text', version: 1, text: 'Done', format: 0, detail: 0, mode: 'normal', style: '' }] }] },
        ],
      },
    },
    socialPosts: [{ platform: 'bluesky', text: 'Courthouses must be safe for everyone. #IceOutOfCourts' }],
  })
  webinars.published = await createWebinar(app, { title: 'Published webinar Larkspur' })
  webinars.draft = await createWebinar(app, { title: 'Draft webinar Marrowind', _status: 'draft' })
  await app.payload.update({ collection: 'jurisdictions', id: J['US-NY'], data: { protectionStatus: 'statute', protectionSummary: 'Protect Our Courts Act' } as never, overrideAccess: true })
})

afterAll(async () => {
  await app?.stop()
})

const get = (path: string) => request(app.url).get(path)

/** Every page a reader can open that could show this content, in both languages. */
const pages = () => ['/', '/jurisdictions/US-NY', '/jurisdictions/US', `/search?q=${WORD}`, `/search?q=${REVISION}`, '/webinars', '/subscribe'].flatMap((p) => [p, `/es${p === '/' ? '' : p}`])

describe('pages show published content only', () => {
  it('the published item is on the home, jurisdiction and search pages, in both languages', async () => {
    for (const path of ['/', '/jurisdictions/US-NY', `/search?q=${WORD}`, '/es', '/es/jurisdictions/US-NY', `/es/search?q=${WORD}`]) {
      const res = await get(path)
      expect([path, res.status]).toEqual([path, 200])
      expect(res.headers['content-type']).toMatch(/^text\/html/)
      expect([path, res.text.includes(`${WORD} published item`)]).toEqual([path, true])
    }
  })

  it('no page shows a draft, an item in review, an archived or unpublished one, or a revision in review', async () => {
    for (const path of pages()) {
      const res = await get(path)
      expect([path, res.status]).toEqual([path, 200])
      for (const state of HIDDEN_STATES) expect([path, state, res.text.includes(`${WORD} ${state} item`)]).toEqual([path, state, false])
      // The search page repeats the words searched for: what must be absent is the revised title.
      expect([path, res.text.includes(`item ${REVISION}`)]).toEqual([path, false])
    }
  })

  it("an unpublished item's page is a 404, the published one's shows its published version", async () => {
    for (const state of HIDDEN_STATES) {
      for (const prefix of ['', '/es']) {
        const res = await get(`${prefix}/resources/${slugs[state]}`)
        expect([state, res.status]).toEqual([state, 404])
        expect(res.text).not.toContain(`${WORD} ${state} item`)
      }
    }
    const live = await get(`/resources/${slugs.revisedInReview}`)
    expect(live.status).toBe(200)
    expect(live.text).toContain(`${WORD} revised item`)
    expect(live.text).not.toContain(REVISION)
  })

  it('publishing, unpublishing and archiving show on the next request', async () => {
    const path = `/resources/${slugs.draft}`
    expect((await get(path)).status).toBe(404)
    await publishThroughWorkflow(editor, ids.draft)
    const published = await get(path)
    expect(published.status).toBe(200)
    expect(published.text).toContain(`${WORD} draft item`)
    expect((await get('/jurisdictions/US-NY')).text).toContain(`${WORD} draft item`)

    expect((await editor.post(`/api/resources/${ids.draft}/workflow`).send({ action: 'unpublish' })).status).toBe(200)
    expect((await get(path)).status).toBe(404)
    expect((await get('/jurisdictions/US-NY')).text).not.toContain(`${WORD} draft item`)
    expect((await get('/')).text).not.toContain(`${WORD} draft item`)

    await publishThroughWorkflow(editor, ids.draft)
    expect((await get(path)).status).toBe(200)
    expect((await editor.post(`/api/resources/${ids.draft}/workflow`).send({ action: 'archive' })).status).toBe(200)
    expect((await get(path)).status).toBe(404)
    expect((await get(`/search?q=${WORD}`)).text).not.toContain(`${WORD} draft item`)
  })

  it('a signed-in editor gets the same public page: the site never shows what only a session may read', async () => {
    const res = await editor.get('/jurisdictions/US-NY')
    expect(res.status).toBe(200)
    for (const state of HIDDEN_STATES) expect(res.text).not.toContain(`${WORD} ${state} item`)
    expect(res.text).not.toContain(REVISION)
  })
})

describe('the pages', () => {
  it('a resource page renders its rich text as text, its issuer and date, and its posts to copy', async () => {
    for (const prefix of ['', '/es']) {
      const res = await get(`${prefix}/resources/rich-item`)
      expect(res.status).toBe(200)
      expect(res.text).toContain('&lt;img src=x onerror=alert(1)&gt; stays text')
      expect(res.text).not.toContain('<img src=x')
      // No inline style: the page's policy would block it (and the browser report a violation).
      expect(res.text).toContain('<u><s>struck and underlined</s></u>')
      expect(res.text).not.toMatch(/\sstyle=/)
      expect(res.text).toContain('Chief Judge of the State of New York')
      expect(res.text).toContain('Courthouses must be safe for everyone. #IceOutOfCourts</textarea>')
    }
    expect((await get('/resources/rich-item')).text).toContain('March 1, 2024')
  })

  it('a resource page says whether a lawyer checked it, and until when, in both languages', async () => {
    const id = await createPublished(app, { slug: 'site-verified', title: 'Site verified statute', jurisdictions: [J['US-NY']] })
    expect((await request(app.url).get('/resources/site-verified')).text).toContain('Not yet checked by a lawyer.')
    const reviewer = await signIn(app, await createAccount(app, 'editor', { name: 'Lena Lawyer', legalReviewer: true }))
    expect((await reviewer.post(`/api/resources/${id}/verify`).send({ reviewBy: '2099-06-30T12:00:00.000Z' })).status).toBe(200)
    const en = (await request(app.url).get('/resources/site-verified')).text
    expect(en).toContain('Checked by a lawyer on')
    expect(en).toContain('next review by')
    expect(en).not.toContain('Lena Lawyer') // no public attribution unless the reviewer opted in
    expect((await request(app.url).get('/es/resources/site-verified')).text).toContain('Revisado por un/a abogado/a el')
  })

  it('webinars: the published one is listed with its sign-up form, the draft is not', async () => {
    for (const prefix of ['', '/es']) {
      const list = await get(`${prefix}/webinars`)
      expect(list.text).toContain('Published webinar Larkspur')
      expect(list.text).not.toContain('Marrowind')
      expect((await get(prefix || '/')).text).toContain('Published webinar Larkspur')
      const page = await get(`${prefix}/webinars/${webinars.published.id}`)
      expect(page.status).toBe(200)
      expect(page.text).toContain(`action="${prefix}/webinars/${webinars.published.id}" method="post"`)
      expect(page.text).not.toContain('meet.example.org')
      expect((await get(`${prefix}/webinars/${webinars.draft.id}`)).status).toBe(404)
    }
  })

  it('set lang per language, carry the strict policy, set no cookie, and are cached like public reads', async () => {
    for (const [path, lang] of [['/', 'en'], ['/es', 'es'], ['/es/', 'es'], ['/jurisdictions/US-NY', 'en'], ['/es/jurisdictions/US-NY', 'es']] as const) {
      const res = await get(path)
      expect(res.status).toBe(200)
      expect(res.text).toMatch(new RegExp(`^<!doctype html><html lang="${lang}">`))
      expect(res.headers['set-cookie']).toBeUndefined()
      expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/)
      expect(res.headers['content-security-policy']).not.toMatch(/script-src/)
      expect(res.headers['cache-control']).toMatch(/^public/)
      expect(res.text).not.toMatch(/<script/i)
      expect(res.text).not.toMatch(/(src|href|action)="(https?:)?\/\/(?!127\.0\.0\.1)/)
      expect(Buffer.byteLength(res.text)).toBeLessThan(100 * 1024)
      const again = await get(path).set('If-None-Match', res.headers.etag!)
      expect(again.status).toBe(304)
    }
  })

  it('the map links every state it shows to its page, and lists them in a table', async () => {
    const res = await get('/')
    expect(res.text).toMatch(/<svg[^>]*role="group"/)
    expect(res.text).toContain('<a href="/jurisdictions/US-NY"><title>New York: Statute</title>')
    expect(res.text).toMatch(/<th scope="row"><a href="\/jurisdictions\/US-NY">New York<\/a><\/th><td>Statute<\/td>/)
    expect((await get('/es')).text).toContain('<a href="/es/jurisdictions/US-NY"><title>New York: Ley</title>')
  })

  it('an unknown jurisdiction, resource or webinar is a 404 page', async () => {
    for (const path of ['/jurisdictions/US-ZZ', '/resources/no-such-item', '/webinars/999999', '/webinars/not-an-id', '/es/resources/nope']) {
      const res = await get(path)
      expect([path, res.status]).toEqual([path, 404])
      expect(res.headers['content-type']).toMatch(/^text\/html/)
      expect(res.headers['cache-control']).toBe('no-store')
    }
  })

  it('a bad search is a 400 page naming the problem, not a 500', async () => {
    const res = await get(`/search?q=${'x'.repeat(500)}`)
    expect(res.status).toBe(400)
    expect(res.text).toContain('too long')
  })

  it('the stylesheet is one small file', async () => {
    const res = await get('/site.css')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/css/)
    expect(res.text.length).toBeLessThan(20 * 1024)
  })
})
