/**
 * Working in Spanish (issue 16), in Chromium against the production admin build, with the
 * server's mail read from a real SMTP server on loopback:
 * a Spanish-language campaign leader, in a panel that speaks Spanish, writes a resource in Spanish
 * only (no English title), submits it; the English-language editor sees its Spanish title in the
 * queue, the list and the email, requests changes; the leader gets that in Spanish, resubmits;
 * the editor publishes; the leader's email says so in Spanish; the public API reads the Spanish
 * title for `?locale=en`. No page logs a console error.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'
import { adminApi } from '../helpers/adminApi'
import { startAdminServer, type AdminServer } from '../helpers/adminServer'
import { fillDocumentField, launchBrowser, problemsOf, signInToAdmin, step, type Browser } from '../helpers/browser'
import { localSmtp, type LocalSmtp } from '../helpers/smtp'

const PASSWORD = 'velvet-orbit-lantern-92x'
const TITLE = 'Guía para proteger a las personas en los juzgados'
const NOTE = 'Por favor, añada la fecha de la orden.'
const accounts = { admin: 'admin-es-e2e@example.org', editor: 'editor-es-e2e@example.org', leader: 'lider-es-e2e@example.org' }

let server: AdminServer | undefined
let smtp: LocalSmtp | undefined
let leader: Browser | undefined
let editor: Browser | undefined
let resourceId = ''

const { api, login } = adminApi(() => server!.url, PASSWORD)

beforeAll(async () => {
  smtp = await localSmtp()
  await smtp.start()
  server = await startAdminServer({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` })
  await api('/api/contributors', { method: 'POST', body: { name: 'Admin ES', email: accounts.admin, password: PASSWORD } })
  const token = await login(accounts.admin)
  const ny = (await api('/api/jurisdictions', { method: 'POST', token, body: { name: 'New York', code: 'US-NY', type: 'state' } })).doc.id
  await api('/api/contributors', { method: 'POST', token, body: { name: 'Elena Editor', email: accounts.editor, password: PASSWORD, role: 'editor', status: 'active', preferredLanguage: 'en' } })
  await api('/api/contributors', {
    method: 'POST',
    token,
    body: { name: 'Lucía Líder', email: accounts.leader, password: PASSWORD, role: 'contributor', status: 'active', jurisdictions: [ny], preferredLanguage: 'es' },
  })
  leader = await launchBrowser({ locale: 'es-ES' })
  editor = await launchBrowser({ locale: 'en-US' })
}, 900_000)

afterAll(async () => {
  await leader?.close()
  await editor?.close()
  await server?.stop()
  await smtp?.stop()
}, 60_000)

/** The first email to `address` whose subject matches, waiting for the outbox to send it. */
async function mailTo(address: string, subject: RegExp) {
  const deadline = Date.now() + 60_000
  for (;;) {
    const found = smtp!.received.find((m) => m.to.includes(address) && subject.test(m.subject))
    if (found) return found
    if (Date.now() > deadline) throw new Error(`no email to ${address} matching ${subject}; got: ${JSON.stringify(smtp!.received.map((m) => [m.to, m.subject]))}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Fails on any console error or uncaught exception the page logged since `from`. */
const expectNoConsoleErrors = (page: Page, from: number) => expect(problemsOf(page).consoleErrors.slice(from)).toEqual([])

async function takeAction(page: Page, action: string) {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/workflow'), { timeout: 60_000 })
  await page.locator(`#workflow-${action}`).click()
  const res = await answered
  if (!res.ok()) throw new Error(`${action} was refused: ${res.status()} ${await res.text()}`)
}

const waitForState = (page: Page, state: string) =>
  page.locator(`.workflow-panel__state .review-badge[data-state="${state}"]`).waitFor({ state: 'visible', timeout: 60_000 })

/** Picks an option of a select or relationship field by typing its (Spanish) label. */
async function choose(page: Page, field: string, label: string, many = false) {
  const select = page.locator(`#field-${field}`)
  await select.locator('.rs__control').click()
  await select.locator('input').first().pressSequentially(label)
  await page.locator('.rs__option', { hasText: label }).first().waitFor({ state: 'visible' })
  await page.keyboard.press('Enter')
  await select.locator(many ? '.rs__multi-value' : '.rs__single-value', { hasText: label }).waitFor({ state: 'visible' })
}

describe('a Spanish-only resource from a Spanish-language leader (Chromium)', () => {
  it('1. the leader writes it in Spanish only, in a Spanish panel, and submits it; the editor is emailed its title', async () => {
    const page = leader!.page
    const errors = problemsOf(page).consoleErrors.length
    await step(page, 'es-1-login', () => signInToAdmin(page, server!.url, accounts.leader, PASSWORD))

    await step(page, 'es-1-form', async () => {
      await page.goto(`${server!.url}/admin/collections/resources/create?locale=es`)
      // The content-language switch and the item's language field have different names.
      await page.locator('[aria-label="Idioma del contenido"]').first().waitFor({ state: 'visible' })
      await expect(page.locator('label[for="field-language"]').first().textContent()).resolves.toContain('Idiomas del documento')
      await page.locator('#field-title').fill(TITLE)
      await choose(page, 'category', 'Declaración')
      // Place names in Spanish on a Spanish screen.
      await choose(page, 'jurisdictions', 'Nueva York', true)
    })

    await step(page, 'es-1-save-and-submit', async () => {
      await page.waitForLoadState('networkidle')
      await page.locator('#action-save-draft').click()
      await page.waitForURL((u) => /\/admin\/collections\/resources\/[^/]+$/.test(u.pathname))
      await page.locator('.workflow-panel button#workflow-submit:not([disabled])').waitFor({ state: 'visible' })
      await page.waitForLoadState('networkidle')
      resourceId = new URL(page.url()).pathname.split('/').pop()!
      await takeAction(page, 'submit')
      await waitForState(page, 'in_review')
      await expect(page.locator('.workflow-panel').first().textContent()).resolves.toContain('En revisión')
    })
    expectNoConsoleErrors(page, errors)

    // Stored in Spanish only: no English title.
    const token = await login(accounts.admin)
    expect((await api(`/api/resources/${resourceId}?locale=en&fallback-locale=none&draft=true`, { token })).title ?? null).toBeNull()
    const mail = await mailTo(accounts.editor, /^Submitted for review/)
    expect(mail.subject).toBe(`Submitted for review: ${TITLE}`)
  }, 300_000)

  it('2. the English editor sees the Spanish title in the queue and the list, and requests changes; the leader is told in Spanish', async () => {
    expect(resourceId).not.toBe('')
    const page = editor!.page
    const errors = problemsOf(page).consoleErrors.length
    await step(page, 'es-2-queue', async () => {
      await signInToAdmin(page, server!.url, accounts.editor, PASSWORD)
      const row = page.locator('#review-queue tbody tr', { hasText: TITLE }).first()
      await row.waitFor({ state: 'visible' })
    })
    await step(page, 'es-2-list', async () => {
      await page.goto(`${server!.url}/admin/collections/resources`)
      await page.locator('.title-cell', { hasText: TITLE }).first().waitFor({ state: 'visible' })
      await expect(page.locator('.title-cell', { hasText: TITLE }).first().textContent()).resolves.toContain('(ES)')
    })
    await step(page, 'es-2-request-changes', async () => {
      await page.goto(`${server!.url}/admin/collections/resources/${resourceId}`)
      // No English title: the header names the item by its Spanish one (not its id), and the form says so.
      await page.locator('.title-in-other-language', { hasText: TITLE }).waitFor({ state: 'visible' })
      await page.locator('.render-title', { hasText: TITLE }).first().waitFor({ state: 'visible' })
      await page.locator('textarea[name="workflow-note"]').fill(NOTE)
      await takeAction(page, 'request_changes')
      await waitForState(page, 'changes_requested')
    })
    expectNoConsoleErrors(page, errors)
    const mail = await mailTo(accounts.leader, /^Cambios solicitados/)
    expect(mail.subject).toBe(`Cambios solicitados: ${TITLE}`)
    expect(mail.text).toContain(NOTE)
    expect(mail.text).toContain('Estado: en revisión → cambios solicitados.')
  }, 300_000)

  it('3. the leader resubmits, the editor publishes; the leader is told in Spanish; ?locale=en reads the Spanish title', async () => {
    const lp = leader!.page
    const ed = editor!.page
    const leaderErrors = problemsOf(lp).consoleErrors.length
    const editorErrors = problemsOf(ed).consoleErrors.length
    await step(lp, 'es-3-resubmit', async () => {
      await lp.goto(`${server!.url}/admin/collections/resources/${resourceId}?locale=es`)
      // The change's form-state answer arrives before the save: it takes the document's lock, which
      // must not be taken again after the hand-over (the submit's update removes it).
      await fillDocumentField(lp.locator('#field-summary'), 'Una guía para campañas, con la fecha de la orden: 2024.')
      await lp.locator('#action-save-draft').click()
      await lp.locator('.workflow-panel button#workflow-submit:not([disabled])').waitFor({ state: 'visible' })
      await takeAction(lp, 'submit')
      await waitForState(lp, 'in_review')
    })
    await step(ed, 'es-3-publish', async () => {
      await ed.goto(`${server!.url}/admin/collections/resources/${resourceId}`)
      await ed.locator('input[name="checklist-personalDataCleared"]').check()
      await ed.locator('input[name="checklist-sourcesChecked"]').check()
      await ed.locator('#workflow-preview').click()
      await ed.locator('.publication-preview__table tr[data-field="title"]', { hasText: TITLE }).first().waitFor({ state: 'visible' })
      await ed.locator('.publication-preview__drawer .drawer__header__close').first().click()
      await takeAction(ed, 'publish')
      await waitForState(ed, 'published')
    })
    expectNoConsoleErrors(lp, leaderErrors)
    expectNoConsoleErrors(ed, editorErrors)

    const mail = await mailTo(accounts.leader, /^Publicado/)
    expect(mail.subject).toBe(`Publicado: ${TITLE}`)
    expect(mail.text).toContain('publicó')
    for (const locale of ['en', 'es']) expect((await api(`/api/resources/${resourceId}?locale=${locale}`)).title).toBe(TITLE)
    // Every email the leader got was Spanish, every one the editor got English.
    const subjects = (to: string) => smtp!.received.filter((m) => m.to.includes(to)).map((m) => m.subject)
    expect(subjects(accounts.leader).every((s) => /^(Cambios solicitados|Publicado): /.test(s))).toBe(true)
    expect(subjects(accounts.editor).every((s) => /^Submitted for review: /.test(s))).toBe(true)
  }, 300_000)
})
