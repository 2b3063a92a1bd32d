/**
 * The dashboard's review queue in Chromium against the production build: Payload's pills and
 * table, "my region" first for a regional editor, "all" for a national one, the filters, category
 * labels in the panel's language; and the category field's one-line help under each option.
 * No console errors on any page visited.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'
import { launchBrowser, problemsOf, signInToAdmin, step, type Browser } from '../helpers/browser'
import { adminApi } from '../helpers/adminApi'
import { startAdminServer, type AdminServer } from '../helpers/adminServer'

const PASSWORD = 'e2e-Password-123!'
const accounts = {
  admin: 'queue-admin-e2e@example.org',
  nyEditor: 'queue-ny-editor-e2e@example.org',
  national: 'queue-national-e2e@example.org',
  nyLeader: 'queue-ny-leader-e2e@example.org',
  caLeader: 'queue-ca-leader-e2e@example.org',
}

let server: AdminServer | undefined
let browser: Browser | undefined

const { api, login } = adminApi(() => server!.url, PASSWORD)

beforeAll(async () => {
  server = await startAdminServer()
  await api('/api/contributors', { method: 'POST', body: { name: 'Admin E2E', email: accounts.admin, password: PASSWORD } })
  const admin = await login(accounts.admin)
  const place = async (body: object) => (await api('/api/jurisdictions', { method: 'POST', token: admin, body })).doc.id
  const ny = await place({ name: 'New York', code: 'US-NY', type: 'state' })
  const kings = await place({ name: 'Kings County', code: 'US-NY-KINGS', type: 'county', parent: ny })
  const ca = await place({ name: 'California', code: 'US-CA', type: 'state' })
  const people: [string, string, string, unknown[]][] = [
    ['editor', accounts.nyEditor, 'Ned NY Editor', [ny]],
    ['editor', accounts.national, 'Nina National', []],
    ['contributor', accounts.nyLeader, 'Nora NY Leader', [ny]],
    ['contributor', accounts.caLeader, 'Carla CA Leader', [ca]],
  ]
  for (const [role, email, name, jurisdictions] of people) {
    await api('/api/contributors', { method: 'POST', token: admin, body: { name, email, password: PASSWORD, role, status: 'active', jurisdictions } })
  }
  const nyLeader = await login(accounts.nyLeader)
  const caLeader = await login(accounts.caLeader)
  const submit = async (token: string, body: object) => {
    const { id } = (await api('/api/resources', { method: 'POST', token, body })).doc
    await api(`/api/resources/${id}/workflow`, { method: 'POST', token, body: { action: 'submit' } })
    return id
  }
  await submit(nyLeader, { title: 'Kings County court rule', category: 'legal-theory', jurisdictions: [kings] })
  await submit(nyLeader, { title: 'New York court order', category: 'judicial-rule', jurisdictions: [ny] })
  const caOrder = await submit(caLeader, { title: 'California order', category: 'policy', jurisdictions: [ca] })
  const changes = await submit(nyLeader, { title: 'New York bill', category: 'legislation', jurisdictions: [ny] })
  await api(`/api/resources/${changes}/workflow`, { method: 'POST', token: admin, body: { action: 'request_changes', note: 'Add the bill number.' } })
  const nyEditorId = (await api(`/api/contributors?where[email][equals]=${encodeURIComponent(accounts.nyEditor)}`, { token: admin })).docs[0].id
  await api(`/api/resources/${caOrder}`, { method: 'PATCH', token: admin, body: { assignee: nyEditorId } })
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
}, 60_000)

const queueTitles = (page: Page) => page.locator('#review-queue table tbody td.cell-title').allTextContents()
const count = (page: Page, state: string) => page.locator(`#review-queue .review-queue__count[data-state="${state}"]`).getAttribute('data-count')
/** Follows a filter pill and waits for the queue to show it. */
async function choose(page: Page, pill: string, attribute: 'data-show' | 'data-state', value: string) {
  await page.locator(`#review-queue ${pill}`).click()
  await page.locator(`#review-queue[${attribute}="${value}"]`).waitFor({ state: 'visible' })
}

describe('the review queue on the dashboard (Chromium)', () => {
  it('a regional editor opens on "my region" and filters by assignee, scope and state', async () => {
    const { page } = browser!
    await step(page, 'queue-region', async () => {
      await signInToAdmin(page, server!.url, accounts.nyEditor, PASSWORD)
      await page.locator('#review-queue[data-show="region"][data-state="in_review"] table').waitFor({ state: 'visible' })
      // Payload's own table and pills.
      expect(await page.locator('#review-queue .table table').count()).toBe(1)
      expect(await page.locator('#review-queue a.pill').count()).toBe(6)
      expect(await queueTitles(page)).toEqual(['Kings County court rule', 'New York court order'])
      await expect(count(page, 'in_review')).resolves.toBe('2')
      await expect(count(page, 'changes_requested')).resolves.toBe('1')
      const kings = page.locator('#review-queue tbody tr', { hasText: 'Kings County court rule' })
      // The category's label, not its value; where, who submitted it, how long it has waited.
      await expect(kings.locator('td.cell-category').textContent()).resolves.toBe('Legal theory')
      await expect(kings.locator('td.cell-jurisdictions').textContent()).resolves.toBe('Kings County')
      await expect(kings.locator('td.cell-owner').textContent()).resolves.toBe('Nora NY Leader')
      await expect(kings.locator('td.cell-waiting').textContent()).resolves.toMatch(/^\d+ (min|h|d)$/)
    })

    await step(page, 'queue-all', async () => {
      await choose(page, '.review-queue__show--all', 'data-show', 'all')
      expect(await queueTitles(page)).toEqual(['Kings County court rule', 'New York court order', 'California order'])
      const ca = page.locator('#review-queue tbody tr', { hasText: 'California order' })
      await expect(ca.locator('td.cell-assignee').textContent()).resolves.toBe('Ned NY Editor')
    })

    await step(page, 'queue-mine', async () => {
      await choose(page, '.review-queue__show--mine', 'data-show', 'mine')
      expect(await queueTitles(page)).toEqual(['California order'])
    })

    await step(page, 'queue-changes-requested', async () => {
      await choose(page, '.review-queue__show--region', 'data-show', 'region')
      await choose(page, '.review-queue__state--changes_requested', 'data-state', 'changes_requested')
      expect(await queueTitles(page)).toEqual(['New York bill'])
      await choose(page, '.review-queue__state--scheduled', 'data-state', 'scheduled')
      await page.locator('#review-queue .review-queue__empty').waitFor({ state: 'visible' })
      // A row's title opens the item.
      await choose(page, '.review-queue__state--in_review', 'data-state', 'in_review')
      await page.locator('#review-queue tbody td.cell-title a', { hasText: 'New York court order' }).click()
      await page.waitForURL((u) => u.pathname.startsWith('/admin/collections/resources/'))
    })

    await step(page, 'queue-unknown-filter', async () => {
      // A filter the queue does not know opens the editor's default view, not an error page.
      await page.goto(`${server!.url}/admin?queue=everything&queueState=published`)
      await page.locator('#review-queue[data-show="region"][data-state="in_review"] table').waitFor({ state: 'visible' })
    })

    await step(page, 'queue-in-spanish', async () => {
      await page.context().addCookies([{ name: 'payload-lng', value: 'es', url: server!.url }])
      await page.goto(`${server!.url}/admin`)
      await page.locator('#review-queue table').waitFor({ state: 'visible' })
      await expect(page.locator('#review-queue .review-queue__show--region').textContent()).resolves.toBe('Mi región')
      const kings = page.locator('#review-queue tbody tr', { hasText: 'Kings County court rule' })
      await expect(kings.locator('td.cell-category').textContent()).resolves.toBe('Teoría jurídica')
      await page.context().clearCookies({ name: 'payload-lng' })
    })
    expect(problemsOf(page).consoleErrors).toEqual([])
  }, 240_000)

  it('a national editor opens on "all", with no "my region"', async () => {
    const { page } = browser!
    await step(page, 'queue-national', async () => {
      await page.context().clearCookies()
      await signInToAdmin(page, server!.url, accounts.national, PASSWORD)
      await page.locator('#review-queue[data-show="all"] table').waitFor({ state: 'visible' })
      expect(await page.locator('#review-queue .review-queue__show--region').count()).toBe(0)
      expect(await queueTitles(page)).toEqual(['Kings County court rule', 'New York court order', 'California order'])
    })
    expect(problemsOf(page).consoleErrors).toEqual([])
  }, 120_000)

  it('the category field explains each option in one line, and what the chosen one means', async () => {
    const { page } = browser!
    await step(page, 'category-help', async () => {
      if (!(await page.context().cookies()).some((c) => c.name === 'payload-token')) await signInToAdmin(page, server!.url, accounts.national, PASSWORD)
      await page.goto(`${server!.url}/admin/collections/resources/create`)
      const help = page.locator('.option-help').first()
      await help.locator('.option-help__option[data-value="legal-theory"] dd').waitFor({ state: 'visible' })
      await expect(help.locator('.option-help__option[data-value="legal-theory"] dt').textContent()).resolves.toBe('Legal theory')
      expect(await help.textContent()).not.toContain('legal-theory')
      // By keyboard (type, Enter): a click on a react-select option can miss under load.
      await page.locator('#field-category .rs__control').click()
      await page.locator('#field-category input').first().pressSequentially('Judicial rule')
      await page.locator('.rs__option', { hasText: 'Judicial rule' }).first().waitFor({ state: 'visible' })
      await page.keyboard.press('Enter')
      const chosen = help.locator('.option-help__chosen[data-value="judicial-rule"]')
      await chosen.waitFor({ state: 'visible' })
      await expect(chosen.textContent()).resolves.toContain('a court rule, administrative order or directive')
    })
    expect(problemsOf(page).consoleErrors).toEqual([])
  }, 120_000)
})
