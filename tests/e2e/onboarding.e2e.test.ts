/**
 * How a campaign leader gets in, in Chromium against the production admin build:
 * 1. the login screen links to the sign-up page; signing up there (name, email, password, states,
 *    organization) says what happens next, and makes a pending account with what was asked;
 * 2. the pending account signs in and lands on a page saying it waits for activation, in its
 *    language, with sign-out (not "This page couldn't load");
 * 3. an editor activates it; the first sign-in after that lands on "My submissions";
 * 4. "My submissions" shows the note of the latest review action only (after publication, not the
 *    older request for changes).
 * 5. the login screen, the navigation and the browser tab carry the toolkit's name and mark, not Payload's;
 * 6. an editor schedules a publication from the review panel (time zone spelled out), seen in the
 *    panel and the queue; and restores an old version, which becomes a new draft.
 * Every page visited must log no console error.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'
import { launchBrowser, problemsOf, signInToAdmin, step, type Browser } from '../helpers/browser'
import { adminApi } from '../helpers/adminApi'
import { startAdminServer, type AdminServer } from '../helpers/adminServer'

const PASSWORD = 'e2e-Password-123!'
const LEADER = { name: 'Rosa Signup', email: 'rosa-signup-e2e@example.org', password: 'Courthouse-Watch-2026!' }
const NOTE = 'Please attach the signed order.'

let server: AdminServer | undefined
let browser: Browser | undefined
let adminToken = ''
const ids: Record<string, string> = {}
/** The same ids as the API gave them (a number on SQLite, a string on MongoDB): what relationship fields take. */
const rawIds: Record<string, string | number> = {}

const { api, login } = adminApi(() => server!.url, PASSWORD)

beforeAll(async () => {
  server = await startAdminServer()
  browser = await launchBrowser()
  // The first account is the admin; then the places and the organization the sign-up offers.
  await api('/api/contributors', { method: 'POST', body: { name: 'Admin Onboarding', email: 'admin-onboarding@example.org', password: PASSWORD } })
  adminToken = await login('admin-onboarding@example.org')
  for (const [key, name, code, type] of [['ny', 'New York', 'US-NY', 'state'], ['pr', 'Puerto Rico', 'US-PR', 'territory']] as const) {
    rawIds[key] = (await api('/api/jurisdictions', { method: 'POST', token: adminToken, body: { name, code, type } })).doc.id
    ids[key] = String(rawIds[key])
  }
  ids.org = String((await api('/api/organizations', { method: 'POST', token: adminToken, body: { name: 'Courthouse Watch NY', type: 'advocacy' } })).doc.id)
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
}, 60_000)

/** Fails on any console error or uncaught exception the page logged since `from`. */
function expectNoConsoleErrors(page: Page, from: number) {
  expect(problemsOf(page).consoleErrors.slice(from)).toEqual([])
}

describe('getting in as a campaign leader', () => {
  it('signs up from the login screen, waits for activation, is activated and signs in', async () => {
    const { page } = browser!
    const url = server!.url
    const errors = problemsOf(page).consoleErrors.length

    await step(page, 'branded-login', async () => {
      await page.goto(`${url}/admin/login`)
      await expect(page.locator('.toolkit-logo').textContent()).resolves.toBe('ICE Out of Courts' + 'Campaign Toolkit')
      await expect(page.title()).resolves.toContain('ICE Out of Courts Campaign Toolkit')
      expect(await page.title()).not.toContain('Payload')
      const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''))
      expect(icons.length).toBeGreaterThan(0)
      for (const href of icons) expect(href.startsWith('data:image/svg+xml')).toBe(true)
      expect(await page.locator('.graphic-logo, [class*="payload-logo"]').count()).toBe(0)
    })

    await step(page, 'login-links-to-sign-up', async () => {
      await page.locator('#sign-up-link').click()
      await page.waitForURL((u) => u.pathname === '/admin/signup')
      await page.locator('#sign-up-form').waitFor({ state: 'visible' })
    })

    await step(page, 'sign-up', async () => {
      await page.locator('#sign-up-name').fill(LEADER.name)
      await page.locator('#sign-up-email').fill(LEADER.email)
      await page.locator('#sign-up-password').fill(LEADER.password)
      await page.locator(`input[name="jurisdictions"][value="${ids.ny}"]`).check()
      await page.locator('#sign-up-organization').selectOption(ids.org!)
      await page.locator('#sign-up-submit').click()
      await expect(page.locator('#sign-up-done').textContent()).resolves.toContain('we will email you once yours is active')
    })
    const { docs } = await api(`/api/contributors?where[email][equals]=${encodeURIComponent(LEADER.email)}&depth=0`, { token: adminToken })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ name: LEADER.name, role: 'contributor', status: 'pending', organization: expect.anything() })
    expect(String(docs[0].organization)).toBe(ids.org)
    expect(docs[0].jurisdictions.map(String)).toEqual([ids.ny])
    const leaderId = String(docs[0].id)

    await step(page, 'taken-address-answers-alike', async () => {
      await page.goto(`${url}/admin/signup`)
      await page.locator('#sign-up-name').fill('Someone Else')
      await page.locator('#sign-up-email').fill(LEADER.email)
      await page.locator('#sign-up-password').fill('Another-Strong-Phrase-77!')
      await page.locator('#sign-up-submit').click()
      await expect(page.locator('#sign-up-done').textContent()).resolves.toContain('we will email you once yours is active')
    })

    await step(page, 'pending-sign-in', async () => {
      await signInToAdmin(page, url, LEADER.email, LEADER.password)
      const box = page.locator('#account-inactive')
      await expect(box.locator('h1').textContent()).resolves.toBe('Your account is waiting for activation')
      expect(await page.locator('#my-submissions, #review-queue').count()).toBe(0)
    })

    await step(page, 'pending-sign-out', async () => {
      await page.locator('#sign-out').click()
      await page.waitForURL((u) => u.pathname === '/admin/login', { timeout: 60_000 })
    })

    await api(`/api/contributors/${leaderId}`, { method: 'PATCH', token: adminToken, body: { status: 'active' } })

    await step(page, 'first-active-sign-in', async () => {
      await signInToAdmin(page, url, LEADER.email, LEADER.password)
      await expect(page.locator('#my-submissions h1').textContent()).resolves.toBe('My submissions')
      await expect(page.locator('.toolkit-nav-brand').first().textContent()).resolves.toContain('ICE Out of Courts')
    })
    expectNoConsoleErrors(page, errors)
  })

  it('a pending account in a Spanish browser reads the waiting page in Spanish', async () => {
    await api('/api/contributors', { method: 'POST', body: { name: 'Pilar Pendiente', email: 'pilar-e2e@example.org', password: LEADER.password } })
    const spanish = await launchBrowser({ locale: 'es-ES' })
    const { page } = spanish
    try {
      await step(page, 'es-sign-up-page', async () => {
        await page.goto(`${server!.url}/admin/signup`)
        await expect(page.locator('h1').first().textContent()).resolves.toBe('Registrarse')
      })
      await step(page, 'es-branded-login', async () => {
        await page.goto(`${server!.url}/admin/login`)
        await expect(page.locator('.toolkit-logo__tagline').textContent()).resolves.toBe('Kit de herramientas de la campaña')
        await expect(page.locator('#sign-up-link').textContent()).resolves.toContain('Regístrese')
      })
      await step(page, 'es-pending', async () => {
        await signInToAdmin(page, server!.url, 'pilar-e2e@example.org', LEADER.password)
        await expect(page.locator('#account-inactive h1').textContent()).resolves.toBe('Su cuenta está pendiente de activación')
        await expect(page.locator('#sign-out').textContent()).resolves.toBe('Cerrar sesión')
      })
      expectNoConsoleErrors(page, 0)
    } finally {
      await spanish.close()
    }
  })

  it('"My submissions" shows the latest review action\'s note only', async () => {
    const { page } = browser!
    const leader = await login(LEADER.email, LEADER.password)
    const doc = (await api('/api/resources?draft=true', { method: 'POST', token: leader, body: { title: 'Memo on courthouse arrests', category: 'statement', jurisdictions: [rawIds.ny] } })).doc
    const act = (token: string, body: object) => api(`/api/resources/${doc.id}/workflow`, { method: 'POST', token, body })
    await act(leader, { action: 'submit' })
    await act(adminToken, { action: 'request_changes', note: NOTE })
    const errors = problemsOf(page).consoleErrors.length
    const item = page.locator('.my-submissions__item', { hasText: 'Memo on courthouse arrests' })
    await step(page, 'note-while-changes-requested', async () => {
      await page.goto(`${server!.url}/admin`)
      await expect(item.locator('.my-submissions__note').textContent()).resolves.toContain(NOTE)
    })
    await act(leader, { action: 'submit' })
    await act(adminToken, { action: 'publish', checklist: { personalDataCleared: true, sourcesChecked: true } })
    await step(page, 'no-stale-note-after-publication', async () => {
      await page.goto(`${server!.url}/admin`)
      await expect(item.locator('.review-badge').textContent()).resolves.toBe('Published')
      expect(await item.locator('.my-submissions__note').count()).toBe(0)
    })
    expectNoConsoleErrors(page, errors)
  })

  it('a resource shows one state, the review state, and each person only the note help that applies to them', async () => {
    const { page } = browser!
    const leader = await login(LEADER.email, LEADER.password)
    const doc = (await api('/api/resources?draft=true', { method: 'POST', token: leader, body: { title: 'Bench card for clerks', category: 'statement', jurisdictions: [rawIds.ny] } })).doc
    await api(`/api/resources/${doc.id}/workflow`, { method: 'POST', token: leader, body: { action: 'submit' } })
    const errors = problemsOf(page).consoleErrors.length
    await step(page, 'leader-sees-in-review', async () => {
      await page.goto(`${server!.url}/admin/collections/resources/${doc.id}`)
      await page.locator('.workflow-panel__state .review-badge[data-state="in_review"]').waitFor({ state: 'visible', timeout: 60_000 })
      const header = page.locator('.review-status-header')
      await expect(header.getAttribute('data-state')).resolves.toBe('in_review')
      await expect(header.textContent()).resolves.toContain('In review')
      // Payload's own draft/published status is not shown beside it.
      expect(await page.locator('.doc-controls .status:not(.review-status-header)').count()).toBe(0)
      const panel = await page.locator('.workflow-panel').textContent()
      expect(panel).not.toContain('Required when requesting changes')
      expect(panel).toContain('Optional: a word for the editors')
    })
    expectNoConsoleErrors(page, errors)

    const editor = await launchBrowser()
    try {
      await step(editor.page, 'editor-sees-note-rule', async () => {
        await signInToAdmin(editor.page, server!.url, 'admin-onboarding@example.org', PASSWORD)
        await editor.page.goto(`${server!.url}/admin/collections/resources/${doc.id}`)
        await editor.page.locator('#workflow-request_changes').waitFor({ state: 'visible', timeout: 60_000 })
        await expect(editor.page.locator('.workflow-panel').textContent()).resolves.toContain('Required when requesting changes')
        await expect(editor.page.locator('.review-status-header').getAttribute('data-state')).resolves.toBe('in_review')
      })
      expectNoConsoleErrors(editor.page, 0)
    } finally {
      await editor.close()
    }
  })

  it('an editor schedules a publication from the review panel and restores an older version as a new draft', async () => {
    const leader = await login(LEADER.email, LEADER.password)
    const doc = (await api('/api/resources?draft=true', { method: 'POST', token: leader, body: { title: 'Sheriff policy v1', category: 'policy', jurisdictions: [rawIds.ny] } })).doc
    await api(`/api/resources/${doc.id}?draft=true`, { method: 'PATCH', token: leader, body: { title: 'Sheriff policy v2' } })
    await api(`/api/resources/${doc.id}/workflow`, { method: 'POST', token: leader, body: { action: 'submit' } })
    const editor = await launchBrowser()
    const { page } = editor
    try {
      await step(page, 'schedule-from-panel', async () => {
        await signInToAdmin(page, server!.url, 'admin-onboarding@example.org', PASSWORD)
        await page.goto(`${server!.url}/admin/collections/resources/${doc.id}`)
        await page.locator('#workflow-publish').waitFor({ state: 'visible', timeout: 60_000 })
        const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)
        await expect(page.locator('.workflow-panel__schedule').textContent()).resolves.toContain(zone)
        const later = new Date(Date.now() + 3 * 86_400_000)
        const local = await page.evaluate((ms) => {
          const d = new Date(ms)
          const pad = (n: number) => String(n).padStart(2, '0')
          return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:30`
        }, later.getTime())
        await page.locator('input[name="workflow-publish-at"]').fill(local)
        await expect(page.locator('#workflow-publish').textContent()).resolves.toBe('Schedule publication')
        await page.locator('input[name="checklist-personalDataCleared"]').check()
        await page.locator('input[name="checklist-sourcesChecked"]').check()
        await page.locator('#workflow-preview').click()
        await page.locator('.publication-preview__table').first().waitFor({ state: 'visible' })
        await page.locator('.publication-preview__drawer .drawer__header__close').first().click()
        // The instant the browser's local date and time stands for (the panel reloads after the action).
        const expected = await page.evaluate((value) => new Date(value).toISOString(), local)
        const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/workflow'))
        await page.locator('#workflow-publish').click()
        const res = await answered
        expect(res.status()).toBe(200)
        expect((res.request().postDataJSON() as { publishAt: string }).publishAt).toBe(expected)
        const shown = page.locator('.workflow-panel__scheduled')
        await shown.waitFor({ state: 'visible', timeout: 60_000 })
        expect(new Date((await shown.getAttribute('data-at'))!).toISOString()).toBe(expected)
        await page.goto(`${server!.url}/admin`)
        const row = page.locator('#review-queue tbody tr', { hasText: 'Sheriff policy v2' })
        await expect(row.locator('.review-queue__scheduled').textContent()).resolves.toContain('scheduled')
      })
      // Not public yet: scheduled for later.
      expect((await fetch(`${server!.url}/api/resources/${doc.id}`)).status).toBe(404)

      await step(page, 'restore-version', async () => {
        const { docs } = await api(`/api/resources/versions?where[parent][equals]=${doc.id}&where[version.title][equals]=Sheriff%20policy%20v1&limit=1`, { token: adminToken })
        await page.goto(`${server!.url}/admin/collections/resources/${doc.id}/versions/${docs[0].id}`)
        await page.locator('.restore-version button').first().click()
        const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.includes('/api/resources/versions/'))
        await page.locator('#confirm-action').click()
        expect((await answered).status()).toBe(200)
        await page.waitForURL((u) => u.pathname === `/admin/collections/resources/${doc.id}`, { timeout: 60_000 })
      })
      const restored = await api(`/api/resources/${doc.id}?draft=true`, { token: adminToken })
      expect(restored).toMatchObject({ title: 'Sheriff policy v1', _status: 'draft' })
      expect((await fetch(`${server!.url}/api/resources/${doc.id}`)).status).toBe(404)
      expectNoConsoleErrors(page, 0)
    } finally {
      await editor.close()
    }
  }, 240_000)
})
