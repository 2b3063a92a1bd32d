/**
 * Smoke test of the admin panel in a real browser: the production build served by our express
 * server, Debian's Chromium through playwright-core. The first visit to an empty database
 * offers Payload's create-first-user screen; the account made there is the active admin.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { launchBrowser, step, type Browser } from '../helpers/browser'
import { startAdminServer, type AdminServer } from '../helpers/adminServer'

let server: AdminServer | undefined
let browser: Browser | undefined

beforeAll(async () => {
  // The first run builds the admin panel (about 85 s on 2 cores); later runs reuse it.
  server = await startAdminServer()
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
}, 60_000)

describe('admin panel in Chromium', () => {
  it('creates the first admin through the create-first-user screen and lands on the dashboard', async () => {
    const { page } = browser!
    const url = server!.url

    await step(page, 'open-admin', async () => {
      await page.goto(`${url}/admin`)
      await page.waitForURL((u) => u.pathname === '/admin/create-first-user', { timeout: 60_000 })
    })

    const email = `first-admin-${Date.now()}@example.org`
    const password = 'e2e-Password-123!'
    await step(page, 'create-first-user', async () => {
      await page.locator('#field-email').fill(email)
      await page.locator('#field-password').fill(password)
      await page.locator('#field-confirm-password').fill(password)
      await page.locator('#field-name').fill('First Admin')
      await page.locator('form button[type="submit"]').click()
      await page.waitForURL((u) => u.pathname === '/admin', { timeout: 60_000 })
    })

    await step(page, 'dashboard', async () => {
      const dashboard = page.locator('.dashboard')
      await dashboard.waitFor({ state: 'visible' })
      await expect(dashboard.getByText('Contributors').first().isVisible()).resolves.toBe(true)
      await expect(dashboard.getByText('Topics').first().isVisible()).resolves.toBe(true)
    })

    // The browser's session cookie is an active admin's, for the API too.
    const me = await page.request.get(`${url}/api/contributors/me`, { headers: { Origin: url } })
    expect(me.status()).toBe(200)
    const body = (await me.json()) as { user: { email: string; role: string; status: string } | null }
    expect(body.user).toMatchObject({ email, role: 'admin', status: 'active' })

    // First-register is closed once an account exists.
    await step(page, 'first-register-closed', async () => {
      await page.goto(`${url}/admin/create-first-user`)
      await page.waitForURL((u) => u.pathname !== '/admin/create-first-user')
    })
  }, 180_000)
})
