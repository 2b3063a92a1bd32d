import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { backupSqlite } from '../src/db/backup'
import { startTestApp, type TestApp } from './helpers/testApp'

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-backup-test-'))
let live: TestApp | undefined
let restored: TestApp | undefined
afterAll(async () => {
  await live?.stop()
  await restored?.stop()
  fs.rmSync(folder, { recursive: true, force: true })
})

describe('npm run backup on SQLite', () => {
  it('copies the live database while the server runs, and the copy restores', async () => {
    const file = path.join(folder, 'live.db')
    live = await startTestApp({ DATABASE_URI: `file:${file}` })
    const before = await request(live.url).get('/healthz')
    expect(before.status).toBe(200)
    await live.payload.create({ collection: 'topics', data: { name: 'Before the backup', slug: 'before-backup' } })

    // Writes keep going while the copy is taken.
    const writing = Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        live!.payload.create({ collection: 'topics', data: { name: `During ${i}`, slug: `during-${i}` } }),
      ),
    )
    const copy = await backupSqlite(file, path.join(folder, 'backups'))
    await writing
    await live.payload.create({ collection: 'topics', data: { name: 'After the backup', slug: 'after-backup' } })
    await live.stop()
    live = undefined

    expect(path.basename(copy)).toMatch(/^cms-\d{4}-\d\d-\d\dT.*\.db$/)
    // Restore = start the server on the copy (docs/DEPLOYMENT.md).
    restored = await startTestApp({ DATABASE_URI: `file:${copy}` })
    const kept = await request(restored.url).get('/api/topics?where[slug][equals]=before-backup')
    expect(kept.body.docs.map((d: { name: string }) => d.name)).toEqual(['Before the backup'])
    const later = await request(restored.url).get('/api/topics?where[slug][equals]=after-backup')
    expect(later.body.totalDocs).toBe(0)
    // Each concurrent write is either wholly in the copy or wholly absent.
    const during = await restored.payload.find({ collection: 'topics', where: { slug: { like: 'during-' } }, limit: 20 })
    for (const doc of during.docs) expect(doc.name).toBe(`During ${doc.slug!.slice('during-'.length)}`)
  })

  it('refuses a missing database file with a clear message', async () => {
    await expect(backupSqlite(path.join(folder, 'nope.db'), folder)).rejects.toThrow(/No SQLite database at/)
  })
})
