/**
 * The review workflow as people use it, in Chromium against the production admin build:
 * 1. a campaign leader creates a resource with a Spanish title, attaches a PDF, submits it;
 * 2. an editor finds it at the top of the review queue, requests changes with a note; the
 *    leader reads the note, edits, resubmits; the editor publishes with the checklist; the
 *    public API returns it;
 * 3. the leader cannot reach editor screens by typing their URLs.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'
import { pdfBytes } from '../helpers/content'
import { fillDocumentField, fillUntilItHolds, launchBrowser, signInToAdmin, step, type Browser } from '../helpers/browser'
import { startAdminServer, type AdminServer } from '../helpers/adminServer'

const TITLE = 'Orden del Tribunal Supremo de Nueva York: protección en los juzgados'
const NOTE = 'Adjunte la orden firmada, por favor (please attach the signed order).'
const PASSWORD = 'e2e-Password-123!'

let server: AdminServer | undefined
let leader: Browser | undefined
let editor: Browser | undefined
let resourceId = ''
let adminToken = ''
const accounts = { editor: 'editor-e2e@example.org', leader: 'leader-e2e@example.org' }

async function api(pathname: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers)
  if (init.token) headers.set('Authorization', `JWT ${init.token}`)
  if (init.body) headers.set('Content-Type', 'application/json')
  return fetch(`${server!.url}${pathname}`, { ...init, headers })
}

/** The first account becomes the admin; it creates an active editor and an active campaign leader. */
async function createAccounts() {
  const admin = { name: 'Admin E2E', email: 'admin-e2e@example.org', password: PASSWORD }
  expect((await api('/api/contributors', { method: 'POST', body: JSON.stringify(admin) })).status).toBe(201)
  const login = await api('/api/contributors/login', { method: 'POST', body: JSON.stringify({ email: admin.email, password: PASSWORD }) })
  const { token } = (await login.json()) as { token: string }
  adminToken = token
  // The leader works in New York: a leader's resources name jurisdictions within theirs.
  const ny = await api('/api/jurisdictions', { method: 'POST', token, body: JSON.stringify({ name: 'New York', code: 'US-NY', type: 'state' }) })
  expect(ny.status).toBe(201)
  const nyId = ((await ny.json()) as { doc: { id: string | number } }).doc.id
  for (const [role, email] of [['editor', accounts.editor], ['contributor', accounts.leader]] as const) {
    const res = await api('/api/contributors', {
      method: 'POST',
      token,
      body: JSON.stringify({ name: role === 'editor' ? 'Elena Editor' : 'Luis Leader', email, password: PASSWORD, role, status: 'active', ...(role === 'contributor' ? { jurisdictions: [nyId] } : {}) }),
    })
    expect(res.status).toBe(201)
  }
}

const signIn = (page: Page, email: string) => signInToAdmin(page, server!.url, email, PASSWORD)

/** The review panel's current state badge, after the page (re)loaded. */
async function reviewState(page: Page): Promise<string | null> {
  const badge = page.locator('.workflow-panel__state .review-badge').first()
  await badge.waitFor({ state: 'visible' })
  return badge.getAttribute('data-state')
}

/**
 * Clicks a review button and waits for the server's answer, so that a refused transition fails
 * here with the server's reason (the panel only shows it in a toast), not as a badge that never came.
 */
async function takeAction(page: Page, action: string) {
  const answered = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/workflow'),
    { timeout: 60_000 },
  )
  await page.locator(`#workflow-${action}`).click()
  const res = await answered
  if (!res.ok()) throw new Error(`${action} was refused: ${res.status()} ${await res.text()}`)
}

/** After a transition the panel reloads the page; waits for its state badge (not the history's) to show the new state. */
async function waitForState(page: Page, state: string) {
  await page.locator(`.workflow-panel__state .review-badge[data-state="${state}"]`).waitFor({ state: 'visible', timeout: 60_000 })
}

/**
 * Picks an option of a select field by keyboard (type, Enter): a click on a react-select option
 * can miss under load (the menu re-renders under the pointer) and leave nothing selected.
 */
async function choose(page: Page, field: string, label: string) {
  const select = page.locator(`#field-${field}`)
  await select.locator('.rs__control').click()
  await select.locator('input').first().pressSequentially(label)
  await page.locator('.rs__option', { hasText: label }).first().waitFor({ state: 'visible' })
  await page.keyboard.press('Enter')
  await select.locator('.rs__single-value', { hasText: label }).waitFor({ state: 'visible' })
}

/** Adds one value to a hasMany relationship field (its chosen values are multi-value chips). */
async function chooseOneOfMany(page: Page, field: string, label: string) {
  const select = page.locator(`#field-${field}`)
  await select.locator('.rs__control').click()
  await select.locator('input').first().pressSequentially(label)
  await page.locator('.rs__option', { hasText: label }).first().waitFor({ state: 'visible' })
  await page.keyboard.press('Enter')
  await select.locator('.rs__multi-value', { hasText: label }).waitFor({ state: 'visible' })
}

/** The stored working copy (the latest draft), as an admin reads it. */
async function storedDraft(id: string): Promise<Record<string, unknown>> {
  const res = await api(`/api/resources/${id}?draft=true&depth=0`, { token: adminToken })
  expect(res.status).toBe(200)
  return (await res.json()) as Record<string, unknown>
}

async function saveDraft(page: Page) {
  await page.locator('#action-save-draft').click()
  await page.waitForURL((u) => /\/admin\/collections\/resources\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/create'))
  // Saved: the review buttons are enabled again (they are disabled while the form has unsaved changes).
  await page.locator('.workflow-panel button#workflow-submit:not([disabled])').waitFor({ state: 'visible' })
}

beforeAll(async () => {
  // The first run builds the admin panel (90–170 s on 2 cores); later runs reuse the build.
  server = await startAdminServer()
  await createAccounts()
  leader = await launchBrowser()
  editor = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await leader?.close()
  await editor?.close()
  await server?.stop()
}, 60_000)

describe('review workflow in the admin panel (Chromium)', () => {
  it('1. a campaign leader creates a resource with a Spanish title and a PDF, submits it, and sees it in review', async () => {
    const page = leader!.page
    await step(page, '1-login', () => signIn(page, accounts.leader))

    await step(page, '1-dashboard', async () => {
      await page.locator('#my-submissions').waitFor({ state: 'visible' })
      expect(await page.locator('#review-queue').count()).toBe(0)
      await page.locator('#my-submissions a', { hasText: /New resource|Nuevo recurso/ }).click()
      await page.waitForURL((u) => u.pathname === '/admin/collections/resources/create')
    })

    await step(page, '1-form', async () => {
      await page.locator('#field-title').fill(TITLE)
      // Editor-only fields and actions are not in a contributor's form at all.
      for (const id of ['#field-owner', '#field-assignee', '#field-reviewStatus', '#field-publishAt', '#field-publishedAt', '#field-slug']) {
        expect(await page.locator(id).count()).toBe(0)
      }
      expect(await page.locator('#action-save').count()).toBe(0)
      await choose(page, 'category', 'Judicial rule')
      await chooseOneOfMany(page, 'jurisdictions', 'New York')
    })

    await step(page, '1-attach-pdf', async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-pdf-')), 'orden-firmada.pdf')
      fs.writeFileSync(file, pdfBytes())
      // "Create New" opens Payload's bulk-upload drawer ("Add files"), which asks for the file.
      await page.locator('.upload__createNewToggler', { hasText: 'Create New' }).first().click()
      const chooser = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: 'Select a file' }).click()
      await (await chooser).setFiles(file)
      // The drawer's own title field: before the drawer renders, `.last()` was the resource's title.
      await fillUntilItHolds(page.locator('.bulk-upload--file-manager [id="field-title"]'), 'Orden firmada')
      await page.locator('.bulk-upload--actions-bar__buttons button', { hasText: /^Save$/ }).filter({ visible: true }).first().click()
      // The card shows the stored name: random, with the content's extension (the uploaded name is the record's originalFilename).
      await page.locator('.upload', { hasText: /[0-9a-f]{32}\.pdf/ }).first().waitFor({ state: 'visible' })
    })

    await step(page, '1-save-and-submit', async () => {
      await saveDraft(page)
      resourceId = page.url().split('/').pop()!.split('?')[0]!
      // What the form showed is what was stored (a lost selection would only surface at publish).
      expect(await storedDraft(resourceId)).toMatchObject({ title: TITLE, category: 'judicial-rule' })
      expect(await reviewState(page)).toBe('draft')
      expect(await page.locator('#workflow-publish').count()).toBe(0)
      await takeAction(page, 'submit')
      await waitForState(page, 'in_review')
      await expect(page.locator('.workflow-panel').first().textContent()).resolves.toContain('In review')
    })

    // Not public while in review.
    expect((await api(`/api/resources/${resourceId}`)).status).toBe(404)
  }, 240_000)

  it('2. editor requests changes, the leader reads the note and resubmits, the editor publishes; the public API has it', async () => {
    expect(resourceId).not.toBe('')
    const ed = editor!.page
    const lp = leader!.page

    await step(ed, '2-editor-queue', async () => {
      await signIn(ed, accounts.editor)
      const first = ed.locator('#review-queue tbody tr').first()
      await first.waitFor({ state: 'visible' })
      await expect(first.textContent()).resolves.toContain(TITLE)
      await expect(first.textContent()).resolves.toContain('Luis Leader')
      await first.locator('a').click()
      await ed.waitForURL((u) => u.pathname === `/admin/collections/resources/${resourceId}`)
    })

    await step(ed, '2-request-changes', async () => {
      expect(await reviewState(ed)).toBe('in_review')
      await ed.locator('textarea[name="workflow-note"]').fill(NOTE)
      await takeAction(ed, 'request_changes')
      await waitForState(ed, 'changes_requested')
      await ed.locator('.workflow-history__note', { hasText: NOTE }).waitFor({ state: 'visible' })
    })

    await step(lp, '2-leader-reads-note', async () => {
      await lp.goto(`${server!.url}/admin`)
      const item = lp.locator('.my-submissions__item', { hasText: TITLE })
      await item.locator('.my-submissions__note', { hasText: NOTE }).waitFor({ state: 'visible' })
      await expect(item.locator('.review-badge').getAttribute('data-state')).resolves.toBe('changes_requested')
      await item.locator('a').first().click()
      await lp.waitForURL((u) => u.pathname === `/admin/collections/resources/${resourceId}`)
    })

    await step(lp, '2-leader-edits-and-resubmits', async () => {
      await fillDocumentField(lp.locator('#field-summary'), 'Orden que prohíbe los arrestos civiles en los juzgados sin orden judicial. Firmada.')
      await saveDraft(lp)
      expect(await storedDraft(resourceId)).toMatchObject({ category: 'judicial-rule', summary: expect.stringContaining('Firmada.') })
      await takeAction(lp, 'submit')
      await waitForState(lp, 'in_review')
    })

    await step(ed, '2-editor-publishes', async () => {
      await ed.reload()
      expect(await reviewState(ed)).toBe('in_review')
      const publish = ed.locator('#workflow-publish')
      expect(await publish.isDisabled()).toBe(true) // the checklist is not confirmed yet
      await ed.locator('input[name="checklist-personalDataCleared"]').check()
      await ed.locator('input[name="checklist-sourcesChecked"]').check()
      expect(await publish.isDisabled()).toBe(true) // nor has the editor seen what becomes public
      await ed.locator('#workflow-preview').click()
      await ed.locator('.publication-preview__table tr[data-field="title"]', { hasText: TITLE }).first().waitFor({ state: 'visible' })
      await ed.locator('.publication-preview__drawer .drawer__header__close').first().click()
      await takeAction(ed, 'publish')
      await waitForState(ed, 'published')
    })

    const res = await api(`/api/resources/${resourceId}?depth=1`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { title: string; documents: { title: string; url: string }[] }
    expect(body.title).toBe(TITLE)
    expect(body.documents.map((d) => d.title)).toEqual(['Orden firmada'])
    // The attached PDF became public with the resource.
    expect((await api(body.documents[0]!.url.replace(/^https?:\/\/[^/]+/, ''))).status).toBe(200)
  }, 300_000)

  it('3. a campaign leader cannot reach editor screens by typing their URLs', async () => {
    const page = leader!.page
    for (const screen of ['contributors', 'review-events', 'webinar-registrations', 'registration-audit']) {
      await step(page, `3-${screen}`, async () => {
        const response = await page.goto(`${server!.url}/admin/collections/${screen}`)
        // Payload answers a hidden collection's route with its not-found page.
        expect(response?.status()).toBe(404)
        await page.locator('.not-found').waitFor({ state: 'visible' })
        expect(await page.locator('.collection-list, table').count()).toBe(0)
        // Nothing about anyone else reaches the page, not even in Next's serialized payload.
        const html = await page.content()
        for (const other of [accounts.editor, 'Elena Editor', 'admin-e2e@example.org']) expect(html).not.toContain(other)
      })
    }
    await step(page, '3-nav', async () => {
      await page.goto(`${server!.url}/admin`)
      const nav = page.locator('nav')
      await expect(nav.first().textContent()).resolves.not.toMatch(/Review events|Webinar registrations|Contributors/)
    })
  }, 120_000)
})
