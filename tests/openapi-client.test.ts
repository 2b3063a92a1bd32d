/**
 * The API description makes a working typed client, as a frontend team makes one:
 * openapi-typescript generates types from GET /api/openapi.json, tsc (strict) compiles a small
 * program against them (tests/fixtures/frontend.mts, openapi-fetch), and the compiled program
 * runs against the app and reads what the types promised.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { projectRoot } from '../src/settings/paths'
import { createJurisdictions, createPublished } from './helpers/publicApi'
import { startTestApp, type TestApp } from './helpers/testApp'

// Async only: the app these commands call runs in this process.
const run = (args: string[], cwd: string) =>
  promisify(execFile)(process.execPath, args, { cwd, env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 16 * 1024 * 1024 }).catch(
    (error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`${args.map((a) => path.basename(a)).join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? error.message}`)
    },
  )
const bin = (...parts: string[]) => path.join(projectRoot, 'node_modules', ...parts)

let app: TestApp
let dir: string
const ids: Record<string, string | number> = {}

beforeAll(async () => {
  app = await startTestApp()
  const J = await createJurisdictions(app)
  await app.payload.update({ collection: 'jurisdictions', id: J['US-NY'], data: { protectionStatus: 'statute' } as never, overrideAccess: true })
  ids.ny = await createPublished(app, { title: 'Protect Our Courts Act', summary: 'New York courthouse statute.', jurisdictions: [J['US-NY']] })
  await app.payload.update({ collection: 'resources', id: ids.ny, locale: 'es', data: { title: 'Ley de Protección de Nuestros Tribunales' } as never, overrideAccess: true })
  ids.ca = await createPublished(app, { title: 'California courthouse bill', jurisdictions: [J['US-CA']] })
  ids.draft = (await app.payload.create({ collection: 'resources', data: { title: 'Unpublished draft', category: 'legislation' } as never, overrideAccess: true })).id
  // Under node_modules/ so the program resolves openapi-fetch from the project's packages.
  fs.mkdirSync(bin('.cache'), { recursive: true })
  dir = fs.mkdtempSync(bin('.cache', 'openapi-client-'))
}, 120_000)
afterAll(async () => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
  await app?.stop()
})

describe('a typed client generated from GET /api/openapi.json', () => {
  it('generates, compiles in strict mode, and reads what its types say', async () => {
    await run([bin('openapi-typescript', 'bin', 'cli.js'), `${app.url}/api/openapi.json`, '--output', 'api.ts'], dir)
    fs.copyFileSync(path.join(projectRoot, 'tests', 'fixtures', 'frontend.mts'), path.join(dir, 'frontend.mts'))
    const tsconfig = {
      compilerOptions: {
        strict: true, noUncheckedIndexedAccess: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler',
        lib: ['ES2023', 'DOM'], types: ['node'], typeRoots: [bin('@types')], outDir: 'out',
        // The generated api.ts is checked; the packages' own declarations are not ours to check.
        skipLibCheck: true,
      },
      files: ['frontend.mts'],
    }
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig))
    await run([bin('typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], dir)

    const { stdout } = await run([path.join(dir, 'out', 'frontend.mjs'), app.url, String(ids.ca), String(ids.draft)], dir)
    expect(JSON.parse(stdout)).toEqual({
      titles: ['California courthouse bill', 'Ley de Protección de Nuestros Tribunales'],
      one: { status: 200, title: 'California courthouse bill', published: 'published' },
      draft: { status: 404, message: 'Not Found' },
      search: { status: 200, titles: expect.arrayContaining(['California courthouse bill', 'Protect Our Courts Act']) },
      map: expect.arrayContaining(['US-CA:unknown', 'US-NY:statute']),
      badQuery: { status: 400, message: expect.stringMatching(/\bq\b/) },
    })
  }, 120_000)
})
