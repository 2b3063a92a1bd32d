/**
 * Headless Chromium from Debian (`apt-get install -y chromium`), driven by playwright-core.
 * No test tool may download a browser: we point playwright at the system one.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { projectRoot } from '../../src/settings/paths'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const SCREENSHOTS = path.join(projectRoot, 'tests', 'e2e', 'screenshots')

const ARGS = [
  '--no-sandbox', // CI runs as root in a container
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
]

export type Browser = {
  context: BrowserContext
  page: Page
  close: () => Promise<void>
}

/**
 * A fresh browser profile per call: no cookies or storage leak from one test into another.
 * `locale` sets the browser's language (Accept-Language), which Payload's admin follows.
 */
export async function launchBrowser({ locale = 'en-US' }: { locale?: string } = {}): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH).`)
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    locale,
  })
  context.setDefaultTimeout(30_000)
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined)
      fs.rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

let serverOutput: (() => string) | undefined

/** The admin server registers its captured output, which a failed step then quotes. */
export function quoteServerOutputOnFailure(output: () => string): void {
  serverOutput = output
}

/**
 * Runs a step; when it fails, saves a screenshot named after it (tests/e2e/screenshots/,
 * git-ignored) and adds what CI cannot show otherwise: the page's toasts and the server's last output.
 */
export async function step<T>(page: Page, name: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action()
  } catch (error) {
    fs.mkdirSync(SCREENSHOTS, { recursive: true })
    const file = path.join(SCREENSHOTS, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`)
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)
    const toasts = await page.locator('[data-sonner-toast]').allTextContents().catch(() => [])
    const context = [
      `(screenshot: ${file})`,
      `(page: ${page.url()})`,
      toasts.length ? `(toasts: ${toasts.join(' | ')})` : '',
      serverOutput ? `(server output, last lines:\n${serverOutput().split('\n').slice(-40).join('\n')})` : '',
    ].filter(Boolean).join('\n')
    const failure = error as Error
    failure.message = `${failure.message}\n${context}`
    failure.stack = `${failure.stack ?? ''}\n${context}`
    throw failure
  }
}

/** Signs in through the admin panel's login form and waits for the landing page. */
export async function signInToAdmin(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`)
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(password)
  await page.locator('form button[type="submit"]').click()
  await page.waitForURL((u) => u.pathname === '/admin', { timeout: 60_000 })
}
