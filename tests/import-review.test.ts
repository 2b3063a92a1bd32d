/**
 * `npm run import` goes through review (issue 15): it runs as an account (`--as`, required),
 * puts every item in review with a review event naming the importer, publishes only for an
 * editor or admin inside their region with the checklist confirmed, and scopes a contributor
 * to their jurisdictions as REST does. Through the import function against the test app's
 * database, and the CLI itself for its exit codes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import request from 'supertest'
import { ImportError, importResources } from '../src/bulk/importFile'
import { insertResources } from '../src/bulk/resources'
import { projectRoot } from '../src/settings/paths'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

type Id = string | number
let app: TestApp
let places: Record<'US-NY' | 'US-NY-KINGS' | 'US-TX', Id>
let admin: { id: Id; email: string }
let nationalEditor: { id: Id; email: string; password: string }
let nyEditor: { id: Id; email: string }
let nyLeader: { id: Id; email: string; password: string }

beforeAll(async () => {
  app = await startTestApp()
  const make = (code: string, name: string, type: string, parent?: Id) =>
    app.payload.create({ collection: 'jurisdictions', data: { code, name, type, parent } as never, overrideAccess: true }).then((d) => d.id)
  const ny = await make('US-NY', 'New York', 'state')
  places = { 'US-NY': ny, 'US-NY-KINGS': await make('US-NY-KINGS', 'Kings County', 'county', ny), 'US-TX': await make('US-TX', 'Texas', 'state') }
  admin = await createAccount(app, 'admin')
  nationalEditor = await createAccount(app, 'editor')
  nyEditor = await createAccount(app, 'editor', { jurisdictions: [ny] })
  nyLeader = await createAccount(app, 'contributor', { jurisdictions: [ny] })
})
afterAll(async () => {
  await app?.stop()
})

let counter = 0
const file = (...rows: Record<string, unknown>[]) => JSON.stringify(rows.map((row) => ({ title: `Imported item ${++counter}`, category: 'policy', ...row })))
const count = async () => (await app.payload.count({ collection: 'resources', overrideAccess: true })).totalDocs
const eventsOf = async (id: Id) =>
  (await app.payload.find({ collection: 'review-events', where: { resource: { equals: id } }, sort: 'createdAt', depth: 0, overrideAccess: true })).docs
const problemsOf = async (promise: Promise<unknown>) => {
  const before = await count()
  const error = await promise.catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ImportError)
  expect(await count()).toBe(before) // nothing written
  return (error as ImportError).problems.join('\n')
}

describe('who imports', () => {
  it('refuses an import without --as, or as an unknown, pending or suspended account, writing nothing', async () => {
    const rows = file({ jurisdictions: ['US-NY'] })
    expect(await problemsOf(importResources(app.payload, 'a.json', rows, {}))).toMatch(/--as <email> is required/)
    expect(await problemsOf(importResources(app.payload, 'a.json', rows, { as: 'nobody@example.org' }))).toMatch(/nobody@example.org: no account has this email/)
    const suspended = await createAccount(app, 'editor', { status: 'suspended' })
    expect(await problemsOf(importResources(app.payload, 'a.json', rows, { as: suspended.email }))).toMatch(/is suspended; only an active account may import/)
    const pending = await createAccount(app, 'contributor', { status: 'pending', jurisdictions: [places['US-NY']] })
    expect(await problemsOf(importResources(app.payload, 'a.json', rows, { as: pending.email }))).toMatch(/is pending/)
  })
})

describe('into review by default', () => {
  it('puts every item in review, owned by the importer, with a submit event naming them; nothing public', async () => {
    const { ids } = await importResources(app.payload, 'batch.json', file({ jurisdictions: ['US-TX'] }, { jurisdictions: 'US-NY' }), { as: nationalEditor.email.toUpperCase() })
    expect(ids).toHaveLength(2)
    const editor = await signIn(app, nationalEditor)
    for (const id of ids) {
      expect((await request(app.url).get(`/api/resources/${id}`)).status).toBe(404)
      const doc = await editor.get(`/api/resources/${id}?depth=0`)
      expect(doc.body).toMatchObject({ reviewStatus: 'in_review', _status: 'draft', owner: nationalEditor.id })
      const events = await eventsOf(id)
      expect(events).toHaveLength(1)
      expect(events[0]).toMatchObject({ action: 'submit', from: 'draft', to: 'in_review', by: nationalEditor.id, emailed: false })
      expect(events[0]!.note).toContain('batch.json')
      // The review history through REST, as the panel shows it.
      const history = await editor.get(`/api/review-events?where[resource][equals]=${id}&depth=0`)
      expect(history.body.docs.map((e: { action: string }) => e.action)).toEqual(['submit'])
    }
    // The queue's workflow takes it from there: an editor publishes it.
    const state = await editor.get(`/api/resources/${ids[0]}/workflow`)
    expect(state.body.actions).toContain('publish')
  })

  it('refuses a row asking to be published without --publish', async () => {
    const problems = await problemsOf(importResources(app.payload, 'p.json', file({ jurisdictions: ['US-NY'], status: 'published' }), { as: nationalEditor.email }))
    expect(problems).toMatch(/record 1, status: "published" needs --publish/)
  })

  it('writes the review events on both bulk paths (SQLite fast path and the adapter)', async () => {
    const record = {
      slug: `adapter-path-${counter++}`,
      title: { en: 'Adapter path' },
      category: 'policy',
      jurisdictions: [places['US-NY']],
      reviewStatus: 'in_review' as const,
      owner: nyLeader.id,
      events: [{ action: 'submit' as const, from: 'draft' as const, to: 'in_review' as const, by: nyLeader.id, note: 'Imported (test).' }],
    }
    for (const viaAdapter of [false, true]) {
      const [id] = await insertResources(app.payload, [{ ...record, slug: `${record.slug}-${viaAdapter}` }], { viaAdapter })
      expect(await eventsOf(id!)).toEqual([expect.objectContaining({ action: 'submit', by: nyLeader.id, resourceOwner: nyLeader.id, note: 'Imported (test).', emailed: false })])
    }
  })
})

describe('a contributor importing', () => {
  it('imports resources of their jurisdictions (counties within them too) into review, as theirs', async () => {
    const { ids } = await importResources(app.payload, 'mine.csv', `title,category,jurisdictions\nNY rule,policy,US-NY\nKings rule,policy,US-NY-KINGS\n`, { as: nyLeader.email })
    const leader = await signIn(app, nyLeader)
    for (const id of ids) {
      const doc = await leader.get(`/api/resources/${id}?depth=0`)
      expect(doc.body).toMatchObject({ reviewStatus: 'in_review', owner: nyLeader.id })
      // Theirs to withdraw, as if they had submitted it.
      expect((await leader.get(`/api/resources/${id}/workflow`)).body.actions).toEqual(['withdraw'])
    }
  })

  it('is refused, naming the jurisdiction, for anything outside theirs (nothing written)', async () => {
    const problems = await problemsOf(
      importResources(app.payload, 'x.json', file({ jurisdictions: ['US-NY'] }, { jurisdictions: ['US-NY', 'US-TX'] }), { as: nyLeader.email }),
    )
    expect(problems).toMatch(/record 2, jurisdictions: Texas \(US-TX\) is not one of your jurisdictions/)
    expect(problems).not.toContain('record 1')
  })

  it('may not publish, whatever they confirm', async () => {
    const problems = await problemsOf(importResources(app.payload, 'x.json', file({ jurisdictions: ['US-NY'] }), { as: nyLeader.email, publish: true, confirmChecklist: true }))
    expect(problems).toMatch(/--publish needs an editor's or admin's account: .* is a contributor/)
  })
})

describe('--publish', () => {
  it('needs the checklist confirmed on the command line', async () => {
    const problems = await problemsOf(importResources(app.payload, 'x.json', file({ jurisdictions: ['US-TX'] }), { as: nationalEditor.email, publish: true }))
    expect(problems).toMatch(/--publish needs --confirm-checklist/)
    expect(problems).toContain('Sources, citations and links are checked')
  })

  it('publishes for a national editor or an admin, recording submit and publish with the checklist', async () => {
    for (const account of [nationalEditor, admin]) {
      const { ids } = await importResources(app.payload, 'pub.json', file({ jurisdictions: ['US-TX'] }), { as: account.email, publish: true, confirmChecklist: true })
      const pub = await request(app.url).get(`/api/resources/${ids[0]}`)
      expect(pub.status).toBe(200)
      const events = await eventsOf(ids[0]!)
      expect(events.map((e) => [e.action, e.by])).toEqual([
        ['submit', account.id],
        ['publish', account.id],
      ])
      expect(events[1]!.checklist).toEqual({ personalDataCleared: true, sourcesChecked: true })
      expect(events[1]!.note).toMatch(/--confirm-checklist/)
    }
  })

  it('publishes for a regional editor inside their region only (a county within it counts), naming what is outside', async () => {
    const { ids } = await importResources(app.payload, 'ny.json', file({ jurisdictions: ['US-NY-KINGS'] }), { as: nyEditor.email, publish: true, confirmChecklist: true })
    expect((await request(app.url).get(`/api/resources/${ids[0]}`)).status).toBe(200)
    const problems = await problemsOf(
      importResources(app.payload, 'tx.json', file({ jurisdictions: ['US-NY'] }, { jurisdictions: ['US-TX'] }), { as: nyEditor.email, publish: true, confirmChecklist: true }),
    )
    expect(problems).toMatch(/record 2, jurisdictions: Texas \(US-TX\) is outside your region/)
    // Into review, a regional editor may import anything (as on REST, where editors create anywhere).
    const review = await importResources(app.payload, 'tx.json', file({ jurisdictions: ['US-TX'] }), { as: nyEditor.email })
    expect((await eventsOf(review.ids[0]!))[0]).toMatchObject({ action: 'submit', by: nyEditor.id })
  })
})

describe('the CLI', () => {
  const run = promisify(execFile)
  const cli = (args: string[], env: Record<string, string> = {}) =>
    run(path.join(projectRoot, 'node_modules/.bin/tsx'), ['--conditions=production', 'scripts/import.ts', ...args], { cwd: projectRoot, env: { ...process.env, NODE_OPTIONS: '', ...env } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    )

  it('exits non-zero, saying --as is required, without it', async () => {
    const result = await cli(['resources.json'])
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/--as <email> is required/)
  })

  it('imports into review as the named account, and exits non-zero for an unknown one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cli-'))
    const input = path.join(dir, 'cli.json')
    fs.writeFileSync(input, file({ jurisdictions: ['US-NY'], slug: 'imported-by-the-cli' }))
    const config = app.payload.db as unknown as { clientConfig: { url: string } }
    const env = { DATABASE_URI: config.clientConfig.url, DATA_DIR: path.dirname(config.clientConfig.url.replace(/^file:/, '')), PAYLOAD_SECRET: app.payload.secret, NODE_ENV: 'test', JOBS_AUTORUN: 'false', LOG_LEVEL: 'warn' }
    const unknown = await cli([input, '--as', 'nobody@example.org'], env)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/no account has this email/)
    const ok = await cli([input, '--as', nyLeader.email], env)
    expect(ok.stdout).toMatch(/Imported 1 resources \(in review/)
    const found = await app.payload.find({ collection: 'resources', where: { slug: { equals: 'imported-by-the-cli' } }, draft: true, depth: 0, overrideAccess: true })
    expect(found.docs[0]).toMatchObject({ reviewStatus: 'in_review', owner: nyLeader.id })
    expect((await eventsOf(found.docs[0]!.id))[0]).toMatchObject({ action: 'submit', by: nyLeader.id })
    fs.rmSync(dir, { recursive: true, force: true })
  }, 120_000)
})
