/**
 * The admin panel in a real browser: the production build served by our express server, Debian's
 * Chromium through playwright-core. The first visit to an empty database offers Payload's
 * create-first-user screen; the account made there is the active admin. The later scenarios
 * share that server and that admin's browser, on content seeded through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'
import { launchBrowser, signInToAdmin, step, type Browser } from '../helpers/browser'
import { adminApi } from '../helpers/adminApi'
import { startAdminServer, type AdminServer } from '../helpers/adminServer'

const PASSWORD = 'e2e-Password-123!'
const ADMIN = `first-admin-${Date.now()}@example.org`
const LEADER = 'lucia-e2e@example.org'
const NOTE = 'Falta la orden firmada (the signed order is missing).'
const TITLES = {
  changes: 'Orden administrativa del tribunal de Nueva York',
  draft: 'Proyecto de ley de California',
  published: 'ICE courthouse memo',
  edited: 'ICE courthouse memo (2025 revision)',
}

let server: AdminServer | undefined
let browser: Browser | undefined
let seeded: Awaited<ReturnType<typeof seed>> | undefined

beforeAll(async () => {
  // The first run builds the admin panel (about 85 s on 2 cores); later runs reuse it.
  server = await startAdminServer()
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
}, 60_000)

const { api, login } = adminApi(() => server!.url, PASSWORD)


/**
 * Through the API, as the first admin: two jurisdictions, an active campaign leader and a pending
 * sign-up, and three resources: the leader's in `changes_requested` (with the editors' note) and
 * in `draft`, and a published one the admin then edited (a draft newer than the public version).
 */
async function seed() {
  const admin = await login(ADMIN)
  const ny = (await api('/api/jurisdictions', { method: 'POST', token: admin, body: { name: 'New York', code: 'US-NY', type: 'state' } })).doc
  const ca = (await api('/api/jurisdictions', { method: 'POST', token: admin, body: { name: 'California', code: 'US-CA', type: 'state' } })).doc
  const account = (email: string, name: string, status: string, jurisdictions: unknown[] = []) =>
    api('/api/contributors', { method: 'POST', token: admin, body: { email, name, password: PASSWORD, role: 'contributor', status, jurisdictions } })
  // The leader works in New York and California: a leader's resources name jurisdictions within theirs.
  await account(LEADER, 'Lucía Leader', 'active', [ny.id, ca.id])
  // Pat asked for New York at sign-up: the activation screen offers it, and an activation needs one.
  const pending = (await account('pat-pending-e2e@example.org', 'Pat Pending', 'pending', [ny.id])).doc
  const leader = await login(LEADER)
  const create = async (token: string, body: object) => (await api('/api/resources?draft=true', { method: 'POST', token, body })).doc
  const workflow = (token: string, id: string | number, body: object) => api(`/api/resources/${id}/workflow`, { method: 'POST', token, body })

  const changes = await create(leader, { title: TITLES.changes, category: 'judicial-rule', jurisdictions: [ny.id] })
  await workflow(leader, changes.id, { action: 'submit' })
  await workflow(admin, changes.id, { action: 'request_changes', note: NOTE })
  const draft = await create(leader, { title: TITLES.draft, category: 'legislation', jurisdictions: [ca.id] })
  const published = await create(admin, { title: TITLES.published, category: 'policy', jurisdictions: [ny.id] })
  await workflow(admin, published.id, { action: 'submit' })
  await workflow(admin, published.id, { action: 'publish', checklist: { personalDataCleared: true, sourcesChecked: true } })
  await api(`/api/resources/${published.id}?draft=true`, { method: 'PATCH', token: admin, body: { title: TITLES.edited } })
  return { ny, ca, pending, ids: { changes: changes.id, draft: draft.id, published: published.id } }
}

/** The titles in the resources list, once the list shows exactly `count` rows. */
async function listTitles(page: Page, count: number): Promise<string[]> {
  await page.waitForFunction((n) => document.querySelectorAll('.collection-list table tbody tr').length === n, count)
  return page.locator('.collection-list table tbody tr td.cell-title').allTextContents()
}

const signIn = (page: Page, email: string) => signInToAdmin(page, server!.url, email, PASSWORD)

describe('admin panel in Chromium', () => {
  it('creates the first admin through the create-first-user screen and lands on the dashboard', async () => {
    const { page } = browser!
    const url = server!.url

    await step(page, 'open-admin', async () => {
      await page.goto(`${url}/admin`)
      await page.waitForURL((u) => u.pathname === '/admin/create-first-user', { timeout: 60_000 })
    })

    await step(page, 'create-first-user', async () => {
      await page.locator('#field-email').fill(ADMIN)
      await page.locator('#field-password').fill(PASSWORD)
      await page.locator('#field-confirm-password').fill(PASSWORD)
      await page.locator('#field-name').fill('First Admin')
      await page.locator('form button[type="submit"]').click()
      await page.waitForURL((u) => u.pathname === '/admin', { timeout: 60_000 })
    })

    await step(page, 'dashboard', async () => {
      const dashboard = page.locator('.dashboard')
      await dashboard.waitFor({ state: 'visible' })
      await page.locator('#review-queue').waitFor({ state: 'visible' })
      await expect(dashboard.getByText('Contributors').first().isVisible()).resolves.toBe(true)
      await expect(dashboard.getByText('Topics').first().isVisible()).resolves.toBe(true)
    })

    // The browser's session cookie is an active admin's, for the API too.
    const me = await page.request.get(`${url}/api/contributors/me`, { headers: { Origin: url } })
    expect(me.status()).toBe(200)
    const body = (await me.json()) as { user: { email: string; role: string; status: string } | null }
    expect(body.user).toMatchObject({ email: ADMIN, role: 'admin', status: 'active' })

    // First-register is closed once an account exists.
    await step(page, 'first-register-closed', async () => {
      await page.goto(`${url}/admin/create-first-user`)
      await page.waitForURL((u) => u.pathname !== '/admin/create-first-user')
    })

    seeded = await seed()
  }, 180_000)

  it('the resources list shows status badges and filters by review status, jurisdiction and category', async () => {
    const { page } = browser!
    await step(page, 'list-badges', async () => {
      await page.goto(`${server!.url}/admin/collections/resources`)
      expect((await listTitles(page, 3)).sort()).toEqual([TITLES.edited, TITLES.draft, TITLES.changes].sort())
      const badge = (title: string) => page.locator('tbody tr', { hasText: title }).locator('.cell-reviewStatus .review-badge')
      await expect(badge(TITLES.changes).getAttribute('data-state')).resolves.toBe('changes_requested')
      await expect(badge(TITLES.changes).textContent()).resolves.toBe('Changes requested')
      await expect(badge(TITLES.draft).getAttribute('data-state')).resolves.toBe('draft')
    })
    const filter = async (field: string, value: string, expected: string[]) => {
      await page.locator(`select[name="filter-${field}"]`).selectOption(value)
      expect(await listTitles(page, expected.length)).toEqual(expected)
      // The bar reads its choice back from the list's query (which Payload hands back normalised).
      expect(await page.locator(`select[name="filter-${field}"]`).inputValue()).toBe(value)
      // The filter lives in the list's own query: the URL carries it, so a reload keeps it.
      if (value) expect(decodeURIComponent(page.url())).toContain(`[${field}]`)
    }
    await step(page, 'list-filter-status', () => filter('reviewStatus', 'changes_requested', [TITLES.changes]))
    await step(page, 'list-filter-status-reset', () => filter('reviewStatus', '', [TITLES.edited, TITLES.draft, TITLES.changes]))
    await step(page, 'list-filter-jurisdiction', () => filter('jurisdictions', String(seeded!.ca.id), [TITLES.draft]))
    await step(page, 'list-filter-category', async () => {
      await page.locator('select[name="filter-jurisdictions"]').selectOption('')
      await listTitles(page, 3)
      await filter('category', 'policy', [TITLES.edited])
    })
  }, 120_000)

  it('a resource edited after publication links to the diff against the published version', async () => {
    const { page } = browser!
    const id = seeded!.ids.published
    await step(page, 'version-diff', async () => {
      await page.goto(`${server!.url}/admin/collections/resources/${id}`)
      const compare = page.locator('.workflow-panel a', { hasText: 'Compare with the published version' })
      await compare.first().click()
      await page.waitForURL((u) => u.pathname.startsWith(`/admin/collections/resources/${id}/versions/`) && u.searchParams.has('versionFrom'))
      const view = page.locator('.view-version')
      await view.waitFor({ state: 'visible' })
      // Payload's diff shows the published title beside the edited one.
      await view.getByText(TITLES.edited).first().waitFor({ state: 'visible' })
      await view.getByText(TITLES.published, { exact: true }).first().waitFor({ state: 'visible' })
    })
  }, 60_000)

  it('an editor activates a pending sign-up from the dashboard', async () => {
    const { page } = browser!
    await step(page, 'activate', async () => {
      await page.goto(`${server!.url}/admin`)
      const row = page.locator('#pending-accounts li', { hasText: 'Pat Pending' })
      await row.getByRole('button', { name: 'Activate' }).click()
      await row.getByText('Activated').waitFor({ state: 'visible' })
    })
    const token = await login(ADMIN)
    expect((await api(`/api/contributors/${seeded!.pending.id}`, { token })).status).toBe('active')
    await step(page, 'activate-gone', async () => {
      await page.reload()
      await page.locator('#pending-accounts').waitFor({ state: 'visible' })
      expect(await page.locator('#pending-accounts li', { hasText: 'Pat Pending' }).count()).toBe(0)
    })
  }, 60_000)

  it('a Spanish-speaking campaign leader lands on "Mis envíos" and works in Spanish, and so does an editor', async () => {
    const spanish = await launchBrowser({ locale: 'es-ES' })
    const { page } = spanish
    try {
      await step(page, 'es-login', () => signIn(page, LEADER))
      await step(page, 'es-my-submissions', async () => {
        const mine = page.locator('#my-submissions')
        await expect(mine.locator('h1').textContent()).resolves.toBe('Mis envíos')
        // Their own view, not Payload's dashboard of collections nor the editors' panels.
        expect(await page.locator('.modular-dashboard, #review-queue, #pending-accounts').count()).toBe(0)
        const changes = mine.locator('.my-submissions__item', { hasText: TITLES.changes })
        await expect(changes.locator('.review-badge').textContent()).resolves.toBe('Cambios solicitados')
        await expect(changes.locator('.my-submissions__note').textContent()).resolves.toContain(NOTE)
        const draft = mine.locator('.my-submissions__item', { hasText: TITLES.draft })
        await expect(draft.locator('.review-badge').textContent()).resolves.toBe('Borrador')
        expect(await mine.locator('.my-submissions__item').count()).toBe(2) // not the admin's resource
      })
      await step(page, 'es-list', async () => {
        await page.goto(`${server!.url}/admin/collections/resources`)
        await page.locator('h1', { hasText: 'Recursos' }).first().waitFor({ state: 'visible' })
        const head = await page.locator('.collection-list table thead').textContent()
        expect(head).toContain('Título')
        expect(head).toContain('Estado de revisión')
        await expect(page.locator('.resource-filters').textContent()).resolves.toContain('Jurisdicción')
      })
      await step(page, 'es-new-resource', async () => {
        await page.goto(`${server!.url}/admin`)
        await page.locator('#my-submissions a', { hasText: 'Nuevo recurso' }).click()
        await page.waitForURL((u) => u.pathname === '/admin/collections/resources/create')
        const form = page.locator('form')
        await form.locator('label[for="field-title"]', { hasText: 'Título' }).waitFor({ state: 'visible' })
        await form.locator('label[for="field-summary"]', { hasText: 'Resumen' }).waitFor({ state: 'visible' })
        // Plain-language help, in Spanish, under the fields a campaign leader fills.
        await form.getByText(/^El nombre del documento tal como se conoce\. En inglés, en español o en ambos/).waitFor({ state: 'visible' })
        await form.getByText(/Adjunte el documento \(PDF, Word o una imagen\)/).waitFor({ state: 'visible' })
        await form.getByText('Dónde se ubica entre las nueve secciones del kit de herramientas publicado.').waitFor({ state: 'visible' })
        // Payload's own strings in Spanish too.
        await page.locator('#action-save-draft', { hasText: 'Guardar borrador' }).waitFor({ state: 'visible' })
        await page.locator('#field-category .rs__control').click()
        await page.locator('.rs__option', { hasText: 'Norma judicial' }).first().waitFor({ state: 'visible' })
      })
      await step(page, 'es-editor-list', async () => {
        // An editor in Spanish: the editors' collections are translated too (tests/adminLabels.test.ts covers every field).
        await spanish.context.clearCookies()
        await signIn(page, ADMIN)
        await page.goto(`${server!.url}/admin/collections/jurisdictions`)
        await page.locator('h1', { hasText: 'Jurisdicciones' }).first().waitFor({ state: 'visible' })
        const head = await page.locator('.collection-list table thead').textContent()
        expect(head).toContain('Código')
        expect(head).toContain('Estado de la protección')
      })
    } finally {
      await spanish.close()
    }
  }, 120_000)

  it('editors and leaders compare jurisdictions provision by provision, in both languages, and export CSV', async () => {
    const admin = await login(ADMIN)
    const provision = (await api('/api/provisions', { method: 'POST', token: admin, body: { key: 'judicial-warrant-required', name: 'A judicial warrant is required', order: 1 } })).doc
    await api(`/api/provisions/${provision.id}?locale=es`, { method: 'PATCH', token: admin, body: { name: 'Se requiere una orden judicial' } })
    const rule = (await api('/api/resources?draft=true', { method: 'POST', token: admin, body: { title: 'NY warrant rule', category: 'judicial-rule', jurisdictions: [seeded!.ny.id], provisions: [{ provision: provision.id, section: 'Rule 1', extent: 'full' }] } })).doc
    await api(`/api/resources/${rule.id}/workflow`, { method: 'POST', token: admin, body: { action: 'submit' } })
    await api(`/api/resources/${rule.id}/workflow`, { method: 'POST', token: admin, body: { action: 'publish', checklist: { personalDataCleared: true, sourcesChecked: true } } })

    const { page } = browser!
    await step(page, 'compare-editor', async () => {
      await page.goto(`${server!.url}/admin`)
      // The navigation (a drawer, closed at this width) links to the screen.
      await expect(page.locator('#nav-compare').getAttribute('href')).resolves.toBe('/admin/compare')
      await page.goto(`${server!.url}/admin/compare`)
      await page.locator('h1', { hasText: 'Compare' }).waitFor({ state: 'visible' })
      await page.goto(`${server!.url}/admin/compare?jurisdictions=US-NY,US-CA`)
      const row = page.locator('#compare-matrix tr[data-provision="judicial-warrant-required"]')
      await row.locator('td[data-jurisdiction="US-NY"] a', { hasText: 'NY warrant rule' }).waitFor({ state: 'visible' })
      await expect(row.locator('td[data-jurisdiction="US-NY"]').textContent()).resolves.toContain('Rule 1')
      await expect(row.locator('td[data-jurisdiction="US-CA"]').textContent()).resolves.toBe('—')
      const csv = await page.locator('#compare-csv').getAttribute('href')
      expect(csv).toContain('/api/compare.csv?jurisdictions=US-NY%2CUS-CA')
      const download = await page.request.get(`${server!.url}${csv}`)
      expect(download.headers()['content-type']).toMatch(/^text\/csv/)
      expect(await download.text()).toContain('"NY warrant rule (Rule 1) {verification: unverified}"')
    })

    const spanish = await launchBrowser({ locale: 'es-ES' })
    try {
      await step(spanish.page, 'compare-leader-es', async () => {
        await signIn(spanish.page, LEADER)
        await spanish.page.goto(`${server!.url}/admin/compare?jurisdictions=US-NY`)
        await spanish.page.locator('h1', { hasText: 'Comparar' }).waitFor({ state: 'visible' })
        const row = spanish.page.locator('#compare-matrix tr[data-provision="judicial-warrant-required"]')
        await row.locator('td', { hasText: 'Se requiere una orden judicial' }).waitFor({ state: 'visible' })
        await row.locator('td[data-jurisdiction="US-NY"] a', { hasText: 'NY warrant rule' }).waitFor({ state: 'visible' })
      })
    } finally {
      await spanish.close()
    }
  }, 120_000)
})
