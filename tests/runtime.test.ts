/**
 * The Node.js runtime: one production line (.nvmrc) that the Dockerfile and CI use and
 * package.json's engines accept, no end-of-life line accepted, and `npm start` saying which
 * version to use on any other (scripts/check-node.mjs). Read from the files; no database.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from '@jest/globals'
import { projectRoot } from '../src/settings/paths'
import { checkNode, runtimePolicy } from '../scripts/check-node.mjs'

type Check = { ok: true } | { ok: false; stop: boolean; line: string }
const check = checkNode as (version: string, env: Record<string, string | undefined>) => Check
const read = (file: string) => fs.readFileSync(path.join(projectRoot, file), 'utf8')
const { range, production } = runtimePolicy() as { range: string; production: string }

describe('the Node.js runtime', () => {
  it('production runs one maintained LTS line that engines accept, and Node 20 (end of life) is refused', () => {
    expect(production).toMatch(/^\d+$/)
    expect(Number(production) % 2).toBe(0) // even majors are the LTS lines
    expect(check(`${production}.0.0`, {})).toEqual({ ok: true })
    expect(check('20.20.2', {})).toMatchObject({ ok: false })
    expect(check('22.12.0', {})).toEqual({ ok: true }) // Redocly CLI's floor
  })

  it('the Dockerfile builds and runs on that line, by its major-version tag', () => {
    const images = [...read('Dockerfile').matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1])
    expect(images).toEqual([`node:${production}-bookworm-slim`, `node:${production}-bookworm-slim`])
  })

  it('CI puts that line first on PATH before npm ci, and fails with the summary line without it', () => {
    const ci = read('.ci/run')
    const install = ci.indexOf('node_bin=$(bash .ci/install-node) || { echo "0 passed, 1 failed"; exit 1; }')
    expect(install).toBeGreaterThan(-1)
    expect(install).toBeLessThan(ci.indexOf('export PATH="$node_bin:$PATH"'))
    expect(ci.indexOf('export PATH="$node_bin:$PATH"')).toBeLessThan(ci.indexOf('npm ci --no-audit'))
  })

  ;(process.env.CI === 'true' ? it : it.skip)('under CI, the tests themselves run on the production line', () => {
    expect(process.versions.node.split('.')[0]).toBe(production)
  })

  it('npm start, npm run jobs and npm test check the Node first', () => {
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> }
    for (const name of ['start', 'jobs', 'test']) expect(scripts[name]).toMatch(/^node scripts\/check-node\.mjs && /)
  })

  it('on an unsupported Node: one line naming the version to use; production stops, development goes on', () => {
    for (const version of ['20.20.2', '18.20.4', '22.11.0']) {
      const prod = check(version, { NODE_ENV: 'production' })
      expect(prod).toEqual({ ok: false, stop: true, line: expect.stringContaining(`Node.js ${version} is not supported: use Node.js ${production} `) })
      expect((prod as { line: string }).line).not.toContain('\n')
      expect(check(version, {})).toMatchObject({ ok: false, stop: false })
    }
    expect(check(`${production}.1.0`, { NODE_ENV: 'production' })).toEqual({ ok: true })
  })

  it('as a script, on this Node: silent and exit 0 when supported; otherwise the line, and exit 1 in production', async () => {
    const supported = check(process.versions.node, {}).ok
    const result = await promisify(execFile)(process.execPath, ['scripts/check-node.mjs'], {
      cwd: projectRoot,
      env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'production' },
    }).then(
      ({ stderr }) => ({ code: 0, stderr }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    )
    expect(result).toEqual(supported ? { code: 0, stderr: '' } : { code: 1, stderr: expect.stringMatching(/^Node\.js \S+ is not supported: [^\n]+\n$/) })
  })
})
