/**
 * Headless Chromium from Debian (`apt-get install -y chromium`), driven by playwright-core.
 * No test tool may download a browser: we point playwright at the system one.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Locator, type Page, type Request } from 'playwright-core'
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

/** What a page did that it must not: the step that caused it fails (see `step`). */
export type PageProblems = {
  /** Content-Security-Policy violations Chromium reported (a blocked script, style, image, frame…). */
  cspViolations: string[]
  /** Requests to any host but the server under test (a CDN, Gravatar, fonts, analytics…). */
  foreignRequests: string[]
  /** Console errors and uncaught exceptions: the CSP test requires none; other tests may expect some (a 404 page). */
  consoleErrors: string[]
}
const problems = new WeakMap<Page, PageProblems>()
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost'])

export function problemsOf(page: Page): PageProblems {
  let found = problems.get(page)
  if (!found) problems.set(page, (found = { cspViolations: [], foreignRequests: [], consoleErrors: [] }))
  return found
}

function watch(page: Page): void {
  const found = problemsOf(page)
  page.on('console', (message) => {
    const text = `${message.text()} (on ${page.url()})`
    if (/Content.Security.Policy/i.test(message.text())) found.cspViolations.push(text)
    else if (message.type() === 'error') found.consoleErrors.push(text)
  })
  page.on('pageerror', (error) => found.consoleErrors.push(`uncaught: ${error.message} (on ${page.url()})`))
  page.on('request', (request) => {
    const url = new URL(request.url())
    if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol.startsWith('ws')) && !LOCAL_HOSTS.has(url.hostname)) {
      found.foreignRequests.push(`${request.method()} ${request.url()} (from ${page.url()})`)
    }
  })
}

/**
 * A fresh browser profile per call: no cookies or storage leak from one test into another.
 * `locale` sets the browser's language (Accept-Language), which Payload's admin follows;
 * `javaScriptEnabled: false` browses as a reader without JavaScript (the public site's forms).
 */
export async function launchBrowser({ locale = 'en-US', javaScriptEnabled = true }: { locale?: string; javaScriptEnabled?: boolean } = {}): Promise<Browser> {
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
    javaScriptEnabled,
  })
  context.setDefaultTimeout(30_000)
  // Every violation reaches the console, even one a page's own code would swallow.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content-Security-Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    )
  })
  context.on('page', watch)
  const page = context.pages()[0] ?? (await context.newPage())
  if (!problems.has(page)) watch(page)
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
 * A step also fails when the page broke its Content-Security-Policy or asked another host for
 * anything while it ran.
 */
export async function step<T>(page: Page, name: string, action: () => Promise<T>): Promise<T> {
  const found = problemsOf(page)
  const before = { csp: found.cspViolations.length, foreign: found.foreignRequests.length }
  try {
    const result = await action()
    const broken = [...found.cspViolations.slice(before.csp), ...found.foreignRequests.slice(before.foreign)]
    if (broken.length) throw new Error(`The page broke its Content-Security-Policy or called another host:\n${broken.join('\n')}`)
    return result
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

/**
 * Fills a field and waits until the value holds for a second: a form still loading its state (the
 * bulk-upload drawer, right after a file is chosen) can render again and drop what was typed.
 */
export async function fillUntilItHolds(field: Locator, value: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs
  let held = 0
  while (Date.now() < until) {
    if ((await field.inputValue()) === value) {
      if (++held >= 2) return
    } else {
      held = 0
      await field.fill(value)
    }
    await field.page().waitForTimeout(500)
  }
  throw new Error(`The field did not keep "${value}" for a second within ${timeoutMs} ms.`)
}

/**
 * Fills a field of a saved document's edit form and waits until the server holds the lock that
 * change takes. The edit view sends a form-state request after each change (debounced 250 ms) and
 * that request takes the document's lock for whoever typed; sent or processed after a save and a
 * workflow action, as on a busy machine it can be, it raced the hand-over (the next person met
 * Payload's "locked by …" dialog; src/security/panelLocks.ts now refuses that lock). Taken before
 * the save, the save's update removes it, and each step meets the state it expects.
 * `waitForLoadState('networkidle')` cannot stand in for this: it resolves at once on a page that
 * was idle before, and a request the page aborted (a newer change's request aborts an older one)
 * may still be processed by the server.
 */
export async function fillDocumentField(field: Locator, value: string, timeoutMs = 30_000): Promise<void> {
  const page = field.page()
  const [, slug, id] = new URL(page.url()).pathname.match(/\/admin\/collections\/([^/]+)\/([^/]+)$/) ?? []
  if (!slug || !id || id === 'create') throw new Error(`fillDocumentField needs a saved document's edit view, not ${page.url()}`)
  const takesLock = (r: Request) =>
    r.method() === 'POST' && /"name":"form-state"/.test(r.postData() ?? '') && /"returnLockStatus":true/.test(r.postData() ?? '')
  const inFlight = new Set<Request>()
  let sent = 0
  const started = (r: Request) => takesLock(r) && (inFlight.add(r), sent++)
  const ended = (r: Request) => inFlight.delete(r)
  page.on('request', started)
  page.on('requestfinished', ended)
  page.on('requestfailed', ended)
  // Asked from the page, as the panel asks (the account reads its own locks).
  const query = `/api/payload-locked-documents?depth=0&where[document.relationTo][equals]=${slug}&where[document.value][equals]=${id}`
  const locked = () =>
    page.evaluate(async (url) => {
      const res = await fetch(url, { credentials: 'include' })
      return res.ok && ((await res.json()) as { totalDocs: number }).totalDocs > 0
    }, query)
  try {
    await field.fill(value)
    const until = Date.now() + timeoutMs
    while (!(sent > 0 && inFlight.size === 0 && (await locked()))) {
      if (Date.now() > until) throw new Error(`Filling ${field} took no lock on ${slug} ${id} within ${timeoutMs} ms (${sent} form-state requests sent).`)
      await page.waitForTimeout(100)
    }
  } finally {
    page.off('request', started)
    page.off('requestfinished', ended)
    page.off('requestfailed', ended)
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
