/**
 * `npm run screenshots:site`: the README's pictures of the public site (docs/site/), remade from a
 * seeded instance: `npm start`'s server with ADMIN=off (the site needs no admin build) on a fresh
 * database and a free port, photographed in Debian's Chromium (playwright-core): the home page,
 * New York's page and a resource's page.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { launchBrowser } from '../tests/helpers/browser'
import { freePort } from '../tests/helpers/instances'
import { projectRoot } from '../src/settings/paths'

const OUT = path.join(projectRoot, 'docs', 'site')
const SHOTS: [name: string, route: string, fullPage: boolean][] = [
  ['home', '/', false],
  ['jurisdiction', '/jurisdictions/US-NY', false],
  ['resource', '/resources/ny-protect-our-courts-act', false],
]

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-site-screenshots-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/start.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      ADMIN: 'off',
      DATA_DIR: dataDir,
      DATABASE_URI: `file:${path.join(dataDir, 'cms.db')}`,
      PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
      SERVER_URL: url,
      PORT: String(port),
      SEED_PASSWORD: crypto.randomBytes(12).toString('hex'),
      JOBS_AUTORUN: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  try {
    const deadline = Date.now() + 5 * 60_000
    // Ready, then seeded: the demo resource the last picture shows has a page.
    while (!(await fetch(`${url}${SHOTS[2]![1]}`).then((r) => r.ok, () => false))) {
      if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode})`)
      if (Date.now() > deadline) throw new Error('The server was not seeded within 5 minutes')
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
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
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
