/**
 * The editor sees everything a publication makes public before publishing, in Chromium against
 * the production build. A campaign leader's social-media item, with sample posts and a Spanish
 * title and summary, is published; then it is revised into a policy (the form now hides the
 * posts) with a new Spanish summary (the English form never shows it). The review panel lists
 * both, Publish stays off until the editor has opened the table, and the public API then returns
 * what the table showed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { launchBrowser, signInToAdmin, step, type Browser } from '../helpers/browser'
import { adminApi } from '../helpers/adminApi'
import { startAdminServer, type AdminServer } from '../helpers/adminServer'

const PASSWORD = 'e2e-Password-123!'
const accounts = { admin: 'preview-admin-e2e@example.org', editor: 'preview-editor-e2e@example.org', leader: 'preview-leader-e2e@example.org' }
const EN = { title: 'Know your rights at the courthouse', summary: 'Share these posts before court dates.' }
const ES = { title: 'Conozca sus derechos en el juzgado', summary: 'Comparta estas publicaciones antes de las audiencias.' }
const ES_REVISED = 'Resumen revisado que el formulario en inglés no muestra.'
const POST = 'ICE has no business in our courthouses. #IceOutOfCourts'
const CHECKLIST = { personalDataCleared: true, sourcesChecked: true }

let server: AdminServer | undefined
let browser: Browser | undefined
let id: string | number = ''

const { api, login } = adminApi(() => server!.url, PASSWORD)

beforeAll(async () => {
  server = await startAdminServer()
  await api('/api/contributors', { method: 'POST', body: { name: 'Admin E2E', email: accounts.admin, password: PASSWORD } })
  const admin = await login(accounts.admin)
  // A leader works within their jurisdictions (access/withinJurisdictions.ts).
  const ny = (await api('/api/jurisdictions', { method: 'POST', token: admin, body: { name: 'New York', code: 'US-NY', type: 'state' } })).doc.id
  for (const [role, email, name] of [['editor', accounts.editor, 'Elena Editor'], ['contributor', accounts.leader, 'Luis Leader']] as const) {
    const jurisdictions = role === 'contributor' ? [ny] : []
    await api('/api/contributors', { method: 'POST', token: admin, body: { name, email, password: PASSWORD, role, status: 'active', jurisdictions } })
  }
  const leader = await login(accounts.leader)
  const editor = await login(accounts.editor)
  const workflow = (token: string, body: object) => api(`/api/resources/${id}/workflow`, { method: 'POST', token, body })

  id = (await api('/api/resources', { method: 'POST', token: leader, body: { ...EN, category: 'social-media', jurisdictions: [ny], socialPosts: [{ platform: 'x', text: POST }] } })).doc.id
  await api(`/api/resources/${id}?locale=es`, { method: 'PATCH', token: leader, body: ES })
  await workflow(leader, { action: 'submit' })
  await workflow(editor, { action: 'publish', checklist: CHECKLIST })
  // The revision: a policy now (the posts leave the form), and a new Spanish summary.
  await api(`/api/resources/${id}?locale=es`, { method: 'PATCH', token: editor, body: { summary: ES_REVISED } })
  await api(`/api/resources/${id}`, { method: 'PATCH', token: editor, body: { category: 'policy' } })
  await workflow(editor, { action: 'submit' })
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
}, 60_000)

describe('the review panel shows what will become public (Chromium)', () => {
  it('lists fields hidden in the form and the other language, and publishes only after the editor has seen them', async () => {
    const { page } = browser!
    const row = (field: string, locale: string) => page.locator(`.publication-preview__table tr[data-field="${field}"][data-locale="${locale}"]`)

    await step(page, 'preview-open-resource', async () => {
      await signInToAdmin(page, server!.url, accounts.editor, PASSWORD)
      await page.goto(`${server!.url}/admin/collections/resources/${id}`)
      await page.locator('.workflow-panel__state .review-badge[data-state="in_review"]').waitFor({ state: 'visible' })
      // The form shows English and no posts: neither the Spanish text nor the posts are in it.
      expect(await page.locator('#field-title').inputValue()).toBe(EN.title)
      expect(await page.locator('#field-socialPosts').count()).toBe(0)
      expect(await page.locator('form').first().textContent()).not.toContain(ES_REVISED)
    })

    await step(page, 'preview-sidebar-lists-changes', async () => {
      const changes = page.locator('.publication-preview__changes')
      await changes.locator('li[data-field="summary"][data-locale="es"]').waitFor({ state: 'visible' })
      await changes.locator('li[data-field="category"]').waitFor({ state: 'visible' })
    })

    await step(page, 'preview-publish-needs-the-table', async () => {
      await page.locator('input[name="checklist-personalDataCleared"]').check()
      await page.locator('input[name="checklist-sourcesChecked"]').check()
      expect(await page.locator('#workflow-publish').isDisabled()).toBe(true)
    })

    await step(page, 'preview-table', async () => {
      await page.locator('#workflow-preview').click()
      // Every language's text, each beside what is public now.
      await expect(row('title', 'es').textContent()).resolves.toContain(ES.title)
      await expect(row('summary', 'es').locator('.publication-preview__published').textContent()).resolves.toBe(ES.summary)
      await expect(row('summary', 'es').locator('.publication-preview__proposed').textContent()).resolves.toBe(ES_REVISED)
      await expect(row('summary', 'en').locator('.publication-preview__proposed').textContent()).resolves.toBe(EN.summary)
      // The posts the policy form no longer shows are still listed with their text.
      await expect(row('socialPosts', 'en').textContent()).resolves.toContain(POST)
      await expect(row('category', '').locator('.publication-preview__published').textContent()).resolves.toBe('Social media')
      await expect(row('category', '').locator('.publication-preview__proposed').textContent()).resolves.toBe('Policy')
      await page.locator('.publication-preview__drawer .drawer__header__close').first().click()
    })

    await step(page, 'preview-publish', async () => {
      const publish = page.locator('#workflow-publish')
      await page.locator('#workflow-publish:not([disabled])').waitFor({ state: 'visible' })
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/workflow'))
      await publish.click()
      expect((await answered).status()).toBe(200)
      await page.locator('.workflow-panel__state .review-badge[data-state="published"]').waitFor({ state: 'visible', timeout: 60_000 })
    })

    // What the table showed is what the public now reads.
    const es = await api(`/api/resources/${id}?locale=es`)
    expect(es).toMatchObject({ title: ES.title, summary: ES_REVISED, category: 'policy' })
  }, 300_000)
})
