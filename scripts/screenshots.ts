/**
 * `npm run screenshots`: remakes the pictures of docs/GUIDE.md and docs/GUIDE.es.md from a seeded
 * instance, so they can follow the panel when it changes. It starts `npm start`'s server on a
 * fresh database and a free port (demo content and accounts), puts one submission in review and one
 * with changes requested, then photographs what a campaign leader and an editor see, in English
 * (docs/guide/en/) and Spanish (docs/guide/es/), in Debian's Chromium (playwright-core).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { launchBrowser, signInToAdmin } from '../tests/helpers/browser'
import { projectRoot } from '../src/settings/paths'
import { startScreenshotServer } from './screenshotServer'

const PASSWORD = crypto.randomBytes(12).toString('hex')
const OUT = path.join(projectRoot, 'docs', 'guide')

/** A signed-in API client for one demo account (REST, as a frontend or the panel would call it). */
async function apiAs(url: string, email: string) {
  const login = await fetch(`${url}/api/contributors/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) })
  if (!login.ok) throw new Error(`Sign-in of ${email} failed: ${login.status}`)
  const { token } = (await login.json()) as { token: string }
  return async (method: string, route: string, body?: unknown) => {
    const res = await fetch(`${url}${route}`, { method, headers: { 'content-type': 'application/json', authorization: `JWT ${token}` }, body: body ? JSON.stringify(body) : undefined })
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`)
    return res.json() as Promise<Record<string, any>>
  }
}

/** The scene: a submission waiting for review, one sent back with a note, a pending sign-up. */
async function prepare(url: string) {
  const leader = await apiAs(url, 'leader@example.org')
  const editor = await apiAs(url, 'editor@example.org')
  const ny = (await leader('GET', '/api/jurisdictions?where[code][equals]=US-NY&depth=0')).docs[0].id
  const create = async (title: string, summary: string) =>
    (await leader('POST', '/api/resources', { title, summary, category: 'campaign-material', section: 'building-a-statewide-campaign', jurisdictions: [ny] })).doc.id
  const inReview = await create('Sample letter to county court administrators', 'A template letter asking court administrators to adopt a judicial-warrant rule.')
  await leader('POST', `/api/resources/${inReview}/workflow`, { action: 'submit' })
  const sentBack = await create('Courthouse watch report, spring', 'What volunteers saw at three courthouses over six weeks.')
  await leader('POST', `/api/resources/${sentBack}/workflow`, { action: 'submit' })
  await editor('POST', `/api/resources/${sentBack}/workflow`, { action: 'request_changes', note: 'Please add the dates of the observations and remove the names of the people arrested.' })
  await fetch(`${url}/api/contributors`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'new.leader@example.org', password: crypto.randomBytes(12).toString('hex'), name: 'New Campaign Leader' }),
  })
  return { inReview, sentBack }
}

async function shoot(page: Page, dir: string, name: string) {
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.waitForTimeout(500) // fonts and transitions settle
  await page.screenshot({ path: path.join(dir, `${name}.png`) })
  console.log(`  ${path.relative(projectRoot, path.join(dir, `${name}.png`))}`)
}

const server = await startScreenshotServer({
  name: 'cms-screenshots',
  seedPassword: PASSWORD,
  // The first start may build the admin panel.
  ready: { route: '/readyz', minutes: 15, failure: 'The server did not start within 15 minutes' },
})
try {
  const { inReview, sentBack } = await prepare(server.url)
  for (const language of ['en', 'es'] as const) {
    const dir = path.join(OUT, language)
    fs.mkdirSync(dir, { recursive: true })
    const leader = await launchBrowser({ locale: language === 'es' ? 'es-ES' : 'en-US' })
    try {
      await leader.page.goto(`${server.url}/admin/login`)
      await shoot(leader.page, dir, 'login')
      await signInToAdmin(leader.page, server.url, 'leader@example.org', PASSWORD)
      await shoot(leader.page, dir, 'leader-home')
      await leader.page.goto(`${server.url}/admin/collections/resources/create`)
      await shoot(leader.page, dir, 'leader-new-resource')
      await leader.page.goto(`${server.url}/admin/collections/resources/${sentBack}`)
      await shoot(leader.page, dir, 'leader-changes-requested')
    } finally {
      await leader.close()
    }
    const editor = await launchBrowser({ locale: language === 'es' ? 'es-ES' : 'en-US' })
    try {
      await signInToAdmin(editor.page, server.url, 'editor@example.org', PASSWORD)
      await shoot(editor.page, dir, 'editor-dashboard')
      await editor.page.goto(`${server.url}/admin/collections/resources/${inReview}`)
      await shoot(editor.page, dir, 'editor-review-panel')
      await editor.page.goto(`${server.url}/admin/collections/resources`)
      await shoot(editor.page, dir, 'editor-resources-list')
      await editor.page.goto(`${server.url}/admin/compare?jurisdictions=US-NY,US-NJ,US-WA`)
      await editor.page.locator('#compare-matrix').waitFor({ state: 'visible' })
      await shoot(editor.page, dir, 'compare')
    } finally {
      await editor.close()
    }
  }
} finally {
  await server.stop()
}
process.exit(0)
