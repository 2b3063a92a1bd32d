/**
 * The admin panel works under its Content-Security-Policy and talks to nobody but the server, in
 * Chromium against the production build: the login page, the dashboard, list views, a resource's
 * edit page (rich text, both languages, an image), its versions, the review drawer and the account
 * page raise no CSP violation, no console error and no request to another host (no Gravatar: the
 * avatar is Payload's local icon). Every page's inline script carries the response's nonce.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { pngBytes } from '../helpers/content'
import { launchBrowser, problemsOf, signInToAdmin, step, type Browser } from '../helpers/browser'
import { adminApi } from '../helpers/adminApi'
import { startAdminServer, type AdminServer } from '../helpers/adminServer'

const PASSWORD = 'e2e-Password-123!'
const ADMIN = 'csp-admin-e2e@example.org'

let server: AdminServer | undefined
let browser: Browser | undefined
const ids: Record<string, string | number> = {}

const { api, login } = adminApi(() => server!.url, PASSWORD)

const richText = (text: string) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }] }] },
})

beforeAll(async () => {
  server = await startAdminServer()
  await api('/api/contributors', { method: 'POST', body: { name: 'Ada Admin', email: ADMIN, password: PASSWORD } })
  const token = await login(ADMIN)
  const form = new FormData()
  form.append('_payload', JSON.stringify({ title: 'Courthouse photo', alt: 'A courthouse' }))
  form.append('file', new Blob([new Uint8Array(pngBytes())], { type: 'image/png' }), 'courthouse.png')
  ids.image = (await api('/api/documents', { method: 'POST', token, form })).doc.id
  const resource = await api('/api/resources?draft=true', {
    method: 'POST',
    token,
    body: { title: 'Courthouse arrests memo', summary: 'English summary.', body: richText('The memo in full.'), category: 'policy', documents: [ids.image] },
  })
  ids.resource = resource.doc.id
  await api(`/api/resources/${ids.resource}?locale=es&draft=true`, { method: 'PATCH', token, body: { title: 'Memorando sobre arrestos', summary: 'Resumen.' } })
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
}, 60_000)

describe('admin panel under its Content-Security-Policy (Chromium)', () => {
  it('sends a policy with a fresh nonce that every inline script carries, and no third-party source', async () => {
    const pages = await Promise.all([0, 1].map(() => fetch(`${server!.url}/admin/login`)))
    const nonces: string[] = []
    for (const res of pages) {
      expect(res.status).toBe(200)
      const policy = res.headers.get('content-security-policy') ?? ''
      const directive = (name: string) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? ''
      const nonce = /'nonce-([^']+)'/.exec(directive('script-src'))?.[1]
      expect(nonce).toBeTruthy()
      nonces.push(nonce!)
      expect(directive('script-src')).not.toMatch(/unsafe-inline|unsafe-eval|https?:/)
      expect(directive('img-src').split(/\s+/).slice(1).sort()).toEqual(["'self'", 'blob:', 'data:'])
      expect(policy).toContain("frame-ancestors 'none'")
      expect(policy).toContain("object-src 'none'")
      const html = await res.text()
      const scripts = html.match(/<script\b[^>]*>/g) ?? []
      expect(scripts.length).toBeGreaterThan(0)
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
      expect(html).not.toMatch(/gravatar/i)
    }
    expect(nonces[0]).not.toBe(nonces[1])
    // A nonce a client sends is never the one the page's scripts get.
    const forged = await fetch(`${server!.url}/admin/login`, { headers: { 'Content-Security-Policy': "script-src 'nonce-attacker'" } })
    expect(await forged.text()).not.toContain('nonce="attacker"')
    // The API's answers load and run nothing.
    const apiAnswer = await fetch(`${server!.url}/api/resources`)
    expect(apiAnswer.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'")
  })

  it('runs the panel with no violation, no console error and no request to another host', async () => {
    const { page } = browser!
    const visit = (name: string, pathname: string, ready: string) =>
      step(page, `csp-${name}`, async () => {
        await page.goto(`${server!.url}${pathname}`)
        await page.locator(ready).first().waitFor({ state: 'visible', timeout: 60_000 })
        await page.waitForLoadState('networkidle')
      })

    await visit('login', '/admin/login', '#field-email')
    await step(page, 'csp-sign-in', () => signInToAdmin(page, server!.url, ADMIN, PASSWORD))
    await visit('dashboard', '/admin', '.dashboard')
    await visit('resources-list', '/admin/collections/resources', '.collection-list table')
    await visit('resource-edit', `/admin/collections/resources/${ids.resource}`, '.workflow-panel')
    await step(page, 'csp-review-drawer', async () => {
      await page.locator('#workflow-preview').click()
      await page.locator('.publication-preview__table tr[data-field="title"][data-locale="es"]').waitFor({ state: 'visible' })
      await page.locator('.publication-preview__drawer .drawer__header__close').first().click()
    })
    await visit('resource-versions', `/admin/collections/resources/${ids.resource}/versions`, '.versions, table')
    await visit('documents-list', '/admin/collections/documents', '.collection-list table')
    await visit('document-edit', `/admin/collections/documents/${ids.image}`, '.file-details, .upload')
    await visit('jurisdictions-list', '/admin/collections/jurisdictions', '.collection-list')
    await visit('contributors-list', '/admin/collections/contributors', '.collection-list table')
    await visit('account', '/admin/account', '#field-email')
    await step(page, 'csp-avatar', async () => {
      // Payload's own icon, drawn inline: no <img> for the avatar at all.
      const avatar = page.locator('.nav__controls a[href="/admin/account"], a[aria-label*="ccount"]').first()
      await avatar.waitFor({ state: 'attached' })
      expect(await avatar.locator('img').count()).toBe(0)
      expect(await page.content()).not.toMatch(/gravatar/i)
    })

    const found = problemsOf(page)
    expect(found.cspViolations).toEqual([])
    expect(found.foreignRequests).toEqual([])
    expect(found.consoleErrors).toEqual([])
  }, 300_000)
})
