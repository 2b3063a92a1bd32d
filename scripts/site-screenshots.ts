/**
 * `npm run screenshots:site`: the README's pictures of the public site (docs/site/), remade from a
 * seeded instance: `npm start`'s server with ADMIN=off (the site needs no admin build) on a fresh
 * database and a free port, photographed in Debian's Chromium (playwright-core): the home page,
 * New York's page and a resource's page.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { launchBrowser } from '../tests/helpers/browser'
import { projectRoot } from '../src/settings/paths'
import { startScreenshotServer } from './screenshotServer'

const OUT = path.join(projectRoot, 'docs', 'site')
const SHOTS: [name: string, route: string, fullPage: boolean][] = [
  ['home', '/', false],
  ['jurisdiction', '/jurisdictions/US-NY', false],
  ['resource', '/resources/ny-protect-our-courts-act', false],
]

async function main() {
  // Ready, then seeded: the demo resource the last picture shows has a page.
  const { url, stop } = await startScreenshotServer({
    name: 'cms-site-screenshots',
    seedPassword: crypto.randomBytes(12).toString('hex'),
    env: { ADMIN: 'off' },
    ready: { route: SHOTS[2]![1], minutes: 5, failure: 'The server was not seeded within 5 minutes' },
  })
  try {
    const browser = await launchBrowser()
    try {
      fs.mkdirSync(OUT, { recursive: true })
      for (const [name, route, fullPage] of SHOTS) {
        await browser.page.goto(`${url}${route}`)
        await browser.page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage })
        console.log(`docs/site/${name}.png`)
      }
    } finally {
      await browser.close()
    }
  } finally {
    await stop()
  }
}

await main()
