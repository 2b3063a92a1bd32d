/**
 * The public site in Chromium: every page type in both languages passes axe-core's WCAG 2.1 A
 * and AA rules, has its landmarks, one h1 and the right `lang`, starts with a skip link for
 * keyboard users, and loads nothing from another host and breaks no rule of its
 * Content-Security-Policy (step() fails on either). The webinar sign-up works with JavaScript off
 * and its confirmation email arrives. The site needs no admin build: the app runs in this process
 * (tests/helpers/testApp.ts), so its mail transport is at hand.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'
import { projectRoot } from '../../src/settings/paths'
import { launchBrowser, step, type Browser } from '../helpers/browser'
import { createJurisdictions, createPublished } from '../helpers/publicApi'
import { startTestApp, type TestApp } from '../helpers/testApp'
import { createWebinar } from '../helpers/webinars'
import { waitForMail } from '../helpers/workflow'

const AXE = fs.readFileSync(path.join(projectRoot, 'node_modules/axe-core/axe.min.js'), 'utf8')
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

let app: TestApp
let browser: Browser | undefined
let webinarId: string | number

const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' })
const block = (type: string, children: object[], extra: object = {}) => ({ type, version: 1, direction: 'ltr', format: '', indent: 0, children, ...extra })

beforeAll(async () => {
  app = await startTestApp({ REGISTRATION_RATE_LIMIT: '100' })
  const J = await createJurisdictions(app)
  await app.payload.update({ collection: 'jurisdictions', id: J['US-NY'], data: { protectionStatus: 'statute', protectionSummary: 'Protect Our Courts Act', warrantStandard: 'judicial-warrant' } as never, overrideAccess: true })
  await app.payload.update({ collection: 'jurisdictions', id: J['US-CA'], data: { protectionStatus: 'campaign-active' } as never, overrideAccess: true })
  const body = {
    root: block('root', [
      block('heading', [text('What the law says')], { tag: 'h2' }),
      block('paragraph', [{ ...text('Underlined, struck: '), format: 4 | 8 }, text('Civil arrests are barred at courthouses. '), block('link', [text('Read the act')], { fields: { url: 'https://example.org/act', linkType: 'custom', newTab: false } })]),
      block('list', [block('listitem', [text('Parties')], { value: 1 }), block('listitem', [text('Witnesses')], { value: 2 })], { listType: 'bullet', tag: 'ul', start: 1 }),
    ]),
  }
  await createPublished(app, {
    title: 'Protect Our Courts Act',
    slug: 'protect-our-courts-act',
    summary: 'New York law against civil arrests at courthouses.',
    category: 'legislation',
    section: 'researching-legal-solutions',
    jurisdictions: [J['US-NY']],
    issuedBy: 'New York State Legislature',
    issuedAt: '2020-12-15T00:00:00.000Z',
    body,
  })
  await createPublished(app, {
    title: 'Sample posts',
    slug: 'sample-posts',
    category: 'social-media',
    jurisdictions: [J['US']],
    socialPosts: [{ platform: 'bluesky', text: 'Courthouses must be safe for everyone. #IceOutOfCourts' }],
  })
  webinarId = (await createWebinar(app, { title: 'Building a statewide campaign' })).id
  browser = await launchBrowser()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await app?.stop()
}, 60_000)

async function axeViolations(page: Page) {
  // Evaluated through the DevTools protocol, which the page's policy (no script at all) does not govern.
  await page.evaluate(AXE)
  return page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } })
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  }, WCAG)
}

const PAGES = (): [string, string][] => [
  ['home', '/'],
  ['jurisdiction', '/jurisdictions/US-NY'],
  ['resource', '/resources/protect-our-courts-act'],
  ['resource with posts', '/resources/sample-posts'],
  ['search', '/search?q=courts'],
  ['webinars', '/webinars'],
  ['webinar', `/webinars/${webinarId}`],
  ['subscribe', '/subscribe'],
  ['compare', '/compare?j=US-NY&j=US-CA'],
  ['not found', '/resources/no-such-item'],
]

describe('the public site in Chromium', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`every page type in ${lang} passes axe (WCAG 2.1 A/AA), has its landmarks, lang and a skip link, and calls no other host`, async () => {
      const page = browser!.page
      for (const [name, pathname] of PAGES()) {
        const url = `${app.url}${lang === 'es' ? `/es${pathname === '/' ? '' : pathname}` : pathname}`
        await step(page, `site-${lang}-${name}`, async () => {
          await page.goto(url)
          expect([name, await page.locator('html').getAttribute('lang')]).toEqual([name, lang])
          expect([name, await axeViolations(page)]).toEqual([name, []])
          for (const landmark of ['banner', 'main', 'contentinfo']) expect([name, landmark, await page.getByRole(landmark as 'main').count()]).toEqual([name, landmark, 1])
          expect([name, await page.locator('h1').count()]).toEqual([name, 1])
          await page.keyboard.press('Tab')
          expect([name, await page.evaluate(() => document.activeElement?.getAttribute('href'))]).toEqual([name, '#content'])
        })
      }
    }, 180_000)
  }

  it('the map: each state is a link a keyboard reaches, named by its name and status', async () => {
    const page = browser!.page
    await step(page, 'site-map', async () => {
      await page.goto(`${app.url}/`)
      const ny = page.getByRole('link', { name: 'New York: Statute' })
      await ny.focus()
      await page.keyboard.press('Enter')
      await page.waitForURL(`${app.url}/jurisdictions/US-NY`)
      expect(await page.locator('h1').textContent()).toBe('New York')
    })
  })
})

describe('without JavaScript', () => {
  let noScript: Browser | undefined
  beforeAll(async () => {
    noScript = await launchBrowser({ javaScriptEnabled: false })
  })
  afterAll(async () => {
    await noScript?.close()
  })

  it('a reader signs up for a webinar with the plain form and the confirmation email arrives', async () => {
    const page = noScript!.page
    const address = 'no-script-reader@example.org'
    await step(page, 'site-no-js-signup', async () => {
      await page.goto(`${app.url}/es/webinars/${webinarId}`)
      await page.getByLabel('Su nombre').fill('Rosa Reader')
      await page.getByLabel('Correo electrónico').fill(address)
      await page.getByLabel('Estado (opcional)').selectOption('US-NY')
      await page.getByLabel('Aprender más').check()
      await page.locator('#consent').check()
      await page.getByRole('button', { name: 'Inscribirse' }).click()
      await page.waitForLoadState()
      expect(await page.locator('h1').textContent()).toBe('Gracias')
    })
    const mail = await waitForMail(app, (m) => m.to === address)
    expect(mail.subject).toBeTruthy()
  })
})
