/**
 * An API-only instance (ADMIN=off) keeps to its memory budget by default (issue 19: <= 250 MB RSS
 * under read load at 100,000 resources; docs/BENCHMARKS.md "Memory"): V8's heap may grow only 30 %
 * past what it holds live, and SQLite's page cache is 16 MB per connection. The admin-enabled
 * instance keeps V8's own growth and 64 MB. Explicit settings win.
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, jest } from '@jest/globals'
import type { Payload } from 'payload'
import { readModel } from '../src/readModel'
import { loadSettings, type Env } from '../src/settings'
import { projectRoot } from '../src/settings/paths'
import { startInstance, type Child } from './helpers/instances'
import { startTestApp } from './helpers/testApp'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-memory-'))
let instance: Child | undefined

afterAll(async () => {
  await instance?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
}, 60_000)

async function cacheSize(payload: Payload): Promise<number> {
  const client = (payload.db as unknown as { client: { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> } }).client
  const { rows } = await client.execute('PRAGMA cache_size')
  return Number(Object.values(rows[0]!)[0])
}

const base: Env = { PAYLOAD_SECRET: 'a'.repeat(32), DATA_DIR: dir }
const memory = (env: Env) => {
  const { sqliteCacheMb, heapGrowthPercent } = loadSettings({ ...base, ...env })
  return { sqliteCacheMb, heapGrowthPercent }
}

describe('memory defaults of an API-only instance', () => {
  it('depend on ADMIN: bounded for ADMIN=off, as before with the admin panel; explicit settings win', () => {
    expect(memory({ ADMIN: 'off' })).toEqual({ sqliteCacheMb: 16, heapGrowthPercent: 30 })
    expect(memory({})).toEqual({ sqliteCacheMb: 64, heapGrowthPercent: 0 })
    expect(memory({ ADMIN: 'off', SQLITE_CACHE_MB: '64', HEAP_GROWTH_PERCENT: '0' })).toEqual({ sqliteCacheMb: 64, heapGrowthPercent: 0 })
    expect(memory({ HEAP_GROWTH_PERCENT: '50' })).toEqual({ sqliteCacheMb: 64, heapGrowthPercent: 50 })
    expect(() => memory({ HEAP_GROWTH_PERCENT: 'lots' })).toThrow('HEAP_GROWTH_PERCENT must be a whole number of 0 or more, not "lots".')
  })

  it("size SQLite's page cache of an API-only app: 16 MB on its connection, once the start-up work is done", async () => {
    // The start-up work (the read model's check last) runs with SQLite's own small cache: what it
    // read at 100,000 resources otherwise filled ~30 MB of the cache for the process's whole life.
    const during: number[] = []
    const start = readModel.start.bind(readModel)
    const spy = jest.spyOn(readModel, 'start').mockImplementation(async (payload, ...rest) => {
      during.push(await cacheSize(payload))
      await start(payload, ...rest)
      during.push(await cacheSize(payload))
    })
    try {
      const app = await startTestApp({ ADMIN: 'off' })
      try {
        expect(during).toEqual([-2000, -2000]) // SQLite's default: 2,000 KiB
        expect(await cacheSize(app.payload)).toBe(-16 * 1024) // KiB
      } finally {
        await app.stop()
      }
    } finally {
      spy.mockRestore()
    }
  }, 120_000)

  it('are applied by the start path: `ADMIN=off` src/start.ts says what it runs with', async () => {
    instance = await startInstance({
      DATABASE_URI: `file:${path.join(dir, 'api.db')}`,
      DATA_DIR: dir,
      PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
      LOG_LEVEL: 'info',
    })
    const said = async () => {
      for (let i = 0; i < 40 && !/memory:/.test(instance!.output()); i++) await new Promise((resolve) => setTimeout(resolve, 250))
      return instance!.output()
    }
    expect(await said()).toContain('memory: heap growth 30 % of the live heap, SQLite page cache 16 MB per connection, public cache 32 MB')
  }, 240_000)

  it("bounds V8's heap growth from inside the running process (no node flag needed)", () => {
    // A child holds ~48 MB live while allocating garbage fast. Old generation it took: with V8's own
    // rule 3.7-4.3x the live heap on Node 24 (5x on Node 20), with 30 % 3.05x (1.9x on Node 20).
    const peakOverLive = (percent: number) => {
      const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'tests/fixtures/heapGrowth.ts', String(percent)], {
        cwd: projectRoot,
        env: { ...process.env, NODE_OPTIONS: '' },
        encoding: 'utf8',
      })
      expect(run.status).toBe(0)
      const { liveMb, peakMb } = JSON.parse(run.stdout) as { liveMb: number; peakMb: number }
      expect(liveMb).toBeGreaterThan(30)
      return peakMb / liveMb
    }
    const bounded = peakOverLive(30)
    expect(bounded).toBeLessThan(3.4)
    expect(bounded).toBeLessThan(peakOverLive(0) * 0.9)
  }, 120_000)
})
