/**
 * "One submit freezes every database write" (Security round 3): a contributor's rich text named a
 * webinar registration; the submit populated it inside its transaction, the registration's read
 * audit then wrote behind that transaction (a promise waiting on itself), and every write in the
 * process waited for good. The class, closed at each step:
 *  (a) rich text points only at public collections, and at documents the author may read;
 *  (b) Local API calls in hooks, endpoints, jobs and the workflow pass `req`, and say their depth;
 *  (c) a transaction held past SQLITE_TRANSACTION_LIMIT_S is rolled back and its request answers 503.
 * (d) /readyz and (e) SIGTERM are proven against a real process: security-write-freeze-process.test.ts.
 */
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq, initTransaction, type PayloadRequest } from 'payload'
import request from 'supertest'
import { runInTransactionScope, TransactionAbandoned } from '../src/db/transactionScope'
import { projectRoot } from '../src/settings/paths'
import { invalidFields, pdfBytes } from './helpers/content'
import { freePort } from './helpers/instances'
import { createAccount, signIn, startTestApp, type TestApp, homeJurisdiction } from './helpers/testApp'
import { createWebinar, signUp } from './helpers/webinars'

type Agent = Awaited<ReturnType<typeof signIn>>
type Id = string | number

const text = (t: string) => ({ type: 'text', text: t, format: 0, detail: 0, mode: 'normal', style: '', version: 1 })
const body = (...children: object[]) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [text('See:')] }, ...children] },
})
const relationship = (relationTo: string, value: Id) => ({ type: 'relationship', relationTo, value, format: '', version: 2 })
const upload = (relationTo: string, value: Id) => ({ type: 'upload', relationTo, value, fields: null, format: '', version: 3 })
const internalLink = (relationTo: string, value: Id) => ({
  type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0,
  children: [{ type: 'link', format: '', indent: 0, version: 3, direction: 'ltr', fields: { linkType: 'internal', newTab: false, doc: { relationTo, value } }, children: [text('here')] }],
})

describe('rich text, and a submit, through the real stack', () => {
  let app: TestApp
  let editor: Agent
  let leader: Agent
  let leaderAccount: { id: Id; email: string; password: string }
  let victim: Agent
  let registration: Id
  let victimFile: Id
  let victimDraft: Id
  let editorId: Id

  beforeAll(async () => {
    app = await startTestApp()
    const editorAccount = await createAccount(app, 'editor')
    editorId = editorAccount.id
    editor = await signIn(app, editorAccount)
    leaderAccount = await createAccount(app, 'contributor')
    leader = await signIn(app, leaderAccount)
    victim = await signIn(app, await createAccount(app, 'contributor'))
    const webinar = await createWebinar(app)
    expect((await request(app.url).post(`/api/webinars/${webinar.id}/register`).send(signUp())).status).toBe(202)
    registration = (await app.payload.find({ collection: 'webinar-registrations', depth: 0, overrideAccess: true, context: { skipAudit: true } })).docs[0]!.id
    const file = await victim.post('/api/documents').field('_payload', JSON.stringify({ title: 'Private affidavit' })).attach('file', pdfBytes(), { filename: 'affidavit.pdf', contentType: 'application/pdf' })
    victimFile = file.body.doc.id
    victimDraft = (await victim.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Victim draft', category: 'statement' })).body.doc.id
  }, 120_000)
  afterAll(async () => {
    await app?.stop()
  })

  const count = async () => (await app.payload.count({ collection: 'resources', overrideAccess: true })).totalDocs

  it('(a) refuses the issue’s body: a relationship node to a webinar registration, naming the field; nothing is stored', async () => {
    const before = await count()
    const res = await leader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Innocent', category: 'statement', body: body(relationship('webinar-registrations', registration)) })
    expect(res.status).toBe(400)
    expect(invalidFields(res)).toEqual(['body'])
    expect(JSON.stringify(res.body)).toContain(`webinar-registrations ${registration}: this field may not point at webinar-registrations`)
    expect(await count()).toBe(before)
  })

  it('(a) refuses every private collection and anything the author may not read, in any node, on drafts and over GraphQL', async () => {
    const id = (await leader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Mine', category: 'statement' })).body.doc.id
    const refused = [
      relationship('contributors', editorId),
      relationship('registration-audit', 1),
      relationship('payload-jobs', 1),
      relationship('payload-locked-documents', 1),
      relationship('payload-preferences', 1),
      relationship('resources', victimDraft),
      upload('documents', victimFile),
      upload('webinar-registrations', registration),
      internalLink('webinar-registrations', registration),
      internalLink('contributors', editorId),
      internalLink('resources', victimDraft),
    ]
    for (const node of refused) {
      for (const path of [`/api/resources/${id}`, `/api/resources/${id}?draft=true`]) {
        const res = await leader.patch(path).send({ body: body(node) })
        expect({ node, path, status: res.status, fields: invalidFields(res) }).toEqual({ node, path, status: 400, fields: ['body'] })
      }
    }
    const graphql = await leader.post('/api/graphql').send({
      query: 'mutation ($body: JSON) { createResource(data: { title: "Via GraphQL", category: statement, body: $body }) { id } }',
      variables: { body: body(relationship('webinar-registrations', registration)) },
    })
    expect(graphql.body.errors?.[0]?.message).toMatch(/body/)
    const stored = await app.payload.findByID({ collection: 'resources', id, draft: true, depth: 0, overrideAccess: true })
    expect(stored.body ?? null).toBeNull()
  })

  it('(a) accepts what the author may read: a published resource, their own file, a link to a jurisdiction', async () => {
    const file = (await leader.post('/api/documents').field('_payload', JSON.stringify({ title: 'Own memo' })).attach('file', pdfBytes(), { filename: 'memo.pdf', contentType: 'application/pdf' })).body.doc.id
    const jurisdiction = (await app.payload.find({ collection: 'jurisdictions', limit: 1, depth: 0, overrideAccess: true })).docs[0]?.id
    const published = (await editor.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Public memo', category: 'policy' })).body.doc.id
    await editor.post(`/api/resources/${published}/workflow`).send({ action: 'submit' })
    expect((await editor.post(`/api/resources/${published}/workflow`).send({ action: 'publish', checklist: { personalDataCleared: true, sourcesChecked: true } })).status).toBe(200)
    const nodes = [relationship('resources', published), upload('documents', file), ...(jurisdiction ? [internalLink('jurisdictions', jurisdiction)] : [])]
    const res = await leader.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Linked', category: 'statement', body: body(...nodes) })
    expect(res.status).toBe(201)
  })

  it('(b) a submit of a resource whose stored text names a registration (written before this fix) answers, and writes go on', async () => {
    // Stored the way older code could (before drafts were validated): written below every hook and check.
    const legacy = await app.payload.create({
      collection: 'resources',
      data: { title: 'Legacy text', category: 'statement', owner: leaderAccount.id, jurisdictions: [await homeJurisdiction(app)] } as never,
      draft: true,
      depth: 0,
      overrideAccess: true,
    })
    const latest = (await app.payload.findVersions({ collection: 'resources', where: { parent: { equals: legacy.id } }, sort: '-updatedAt', limit: 1, locale: 'all', depth: 0, overrideAccess: true })).docs[0]!
    const legacyBody = body(relationship('webinar-registrations', registration))
    await app.payload.db.updateVersion({
      collection: 'resources',
      id: latest.id,
      versionData: { ...latest, version: { ...(latest.version as object), body: { en: legacyBody } } } as never,
    } as never)
    const audits = (await app.payload.count({ collection: 'registration-audit', overrideAccess: true })).totalDocs
    const submitted = await leader.post(`/api/resources/${legacy.id}/workflow`).send({ action: 'submit' }).timeout(20_000)
    // It answers: refused, naming the body (drafts are validated now: the stored text may not name a
    // registration), or accepted; either way at once, and every other write goes on.
    expect([200, 400]).toContain(submitted.status)
    if (submitted.status === 400) expect(JSON.stringify(submitted.body)).toMatch(/body|Body/)
    expect((await request(app.url).post('/api/contributors/login').send({ email: leaderAccount.email, password: leaderAccount.password })).status).toBe(200)
    const events = await app.payload.find({ collection: 'review-events', where: { resource: { equals: legacy.id } }, depth: 0, overrideAccess: true })
    expect(events.docs.map((e) => e.action)).toEqual(submitted.status === 200 ? ['submit'] : [])
    // Nobody read the registration: it was never populated into anything.
    expect((await app.payload.count({ collection: 'registration-audit', overrideAccess: true })).totalDocs).toBe(audits)
  })
})

describe('(b) Local API calls in hooks, endpoints, jobs and the workflow', () => {
  /**
   * Read from the sources: every `payload.<operation>(…)` in server code that runs inside a request,
   * a hook or a job passes `req` (so its writes join the caller's transaction instead of waiting
   * behind it) and states its `depth` (0 unless it needs populated documents). Exceptions are
   * listed with their reason.
   */
  const ROOTS = ['collections', 'fields', 'access', 'src/workflow', 'src/jobs', 'src/search', 'src/webinars', 'src/webhooks', 'src/email', 'src/endpoints', 'src/feeds', 'src/security', 'src/compare', 'src/verification']
  const WITHOUT_REQ: Record<string, string> = {
    'collections/Documents/access.ts': 'a read whose list a GraphQL request’s page cap must not cut short; runs no hooks that write',
    'src/endpoints/map.ts': 'a public read whose list the API’s page cap must not cut short; no transaction is open',
    'src/feeds/index.ts': 'a public read of the places under a state, whose list the API’s page cap must not cut short; no transaction is open',
    'src/webinars/registrations.ts': 'runs its own transactions (one per registration and its email), never inside a caller’s',
    'src/webinars/emails.ts': 'queues a retry after a failed send, outside any transaction',
    'src/search/sync.ts:reindexIfStale': 'at start, before any request',
    'src/search/sync.ts:isStale': 'at start, before any request',
    'src/search/reindexLock.ts': 'the start’s rebuild lock: its own rows, at start, before any request',
    'src/search/reindexJurisdiction.ts:reindexNaming': 'a job’s batches after the rename committed: each resource is re-indexed in a transaction of its own, there is no caller’s to join',
    'src/search/backends.ts': 'the search endpoint’s reads, outside any transaction; the backend is made once per process, not per request',
  }
  const OPERATION = /\bpayload\.(create|update|delete|find|findByID|findVersions|duplicate|restoreVersion|count|countVersions|jobs\.queue)\(/g

  function calls(): { where: string; file: string; operation: string; args: string; fn: string }[] {
    const files: string[] = []
    const visit = (entry: string) => {
      const full = path.join(projectRoot, entry)
      if (fs.statSync(full).isDirectory()) for (const child of fs.readdirSync(full)) visit(path.join(entry, child))
      else if (/\.tsx?$/.test(entry)) files.push(entry)
    }
    ROOTS.forEach(visit)
    return files.flatMap((file) => {
      const source = fs.readFileSync(path.join(projectRoot, file), 'utf8')
      const functions = [...source.matchAll(/^(?:export )?(?:async )?(?:function (\w+)|const (\w+)\s*[:=])/gm)]
      return [...source.matchAll(OPERATION)].map((match) => {
        const start = match.index! + match[0].length
        let open = 1
        let end = start
        while (open && end < source.length) {
          const c = source[end++]
          if (c === '(') open++
          else if (c === ')') open--
        }
        const enclosing = functions.filter((f) => f.index! < match.index!).pop()
        const line = source.slice(0, match.index).split('\n').length
        return { where: `${file}:${line}`, file, operation: match[1]!, args: source.slice(start, end - 1), fn: enclosing?.[1] ?? enclosing?.[2] ?? '' }
      })
    })
  }

  it('finds the calls it checks', () => {
    expect(calls().length).toBeGreaterThan(40)
  })

  it('pass req, or are a listed exception', () => {
    const missing = calls()
      .filter((c) => !/\breq\b/.test(c.args.replace(/\/\/.*$/gm, '')))
      .filter((c) => !WITHOUT_REQ[c.file] && !WITHOUT_REQ[`${c.file}:${c.fn}`])
    expect(missing.map((c) => `${c.where} payload.${c.operation}`)).toEqual([])
  })

  it('state their depth (writes and reads alike)', () => {
    const missing = calls().filter((c) => !['count', 'countVersions', 'jobs.queue'].includes(c.operation) && !/\bdepth\b/.test(c.args))
    expect(missing.map((c) => `${c.where} payload.${c.operation}`)).toEqual([])
  })
})

describe('(c) a transaction held past the limit', () => {
  let app: TestApp
  let silent: net.Server
  const sockets = new Set<net.Socket>()
  const lines: string[] = []

  beforeAll(async () => {
    // A mail server that accepts connections and never says a word: forgot-password sends its
    // email inside its transaction, so it holds the write lock until the greeting times out (8 s,
    // well past the 2 s limit; short, so that nothing is left running when the file ends).
    const port = await freePort()
    silent = net.createServer((socket) => {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
    })
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve))
    app = await startTestApp(
      { SMTP_URL: `smtp://127.0.0.1:${port}?greetingTimeout=8000&connectionTimeout=8000`, SQLITE_TRANSACTION_LIMIT_S: '2', LOG_LEVEL: 'warn' },
      { logDestination: { write: (line: string) => lines.push(line) } },
    )
  }, 120_000)
  afterAll(async () => {
    // The rolled-back forgot-password's own code still waits for the greeting: let it give up first.
    while (sockets.size) await new Promise((resolve) => setTimeout(resolve, 100))
    await app?.stop()
    await new Promise((resolve) => silent?.close(resolve))
  }, 30_000)

  it('is rolled back: its writes are gone, its next statement fails with the reason, its scope is told, and other writes go on', async () => {
    const req = (await createLocalReq({}, app.payload)) as PayloadRequest
    let abandoned: TransactionAbandoned | undefined
    await runInTransactionScope({ abandoned: (error) => (abandoned = error) }, async () => {
      await initTransaction(req)
      await app.payload.create({ collection: 'topics', data: { name: 'Never committed', slug: 'never-committed' } as never, depth: 0, req })
    })
    // Meanwhile, a write outside it waits for the lock, then goes through.
    const other = app.payload.create({ collection: 'topics', data: { name: 'Written after', slug: 'written-after' } as never, depth: 0 })
    expect((await other).slug).toBe('written-after')
    expect(abandoned).toBeInstanceOf(TransactionAbandoned)
    expect(abandoned!.message).toMatch(/open for more than 2 s .* rolled back/)
    const late = app.payload.create({ collection: 'topics', data: { name: 'Too late', slug: 'too-late' } as never, depth: 0, req })
    const failure = await late.then(() => undefined, (error: Error & { cause?: Error }) => error)
    expect(failure?.cause ?? failure).toBeInstanceOf(TransactionAbandoned)
    const slugs = (await app.payload.find({ collection: 'topics', depth: 0, pagination: false, overrideAccess: true })).docs.map((t) => t.slug)
    expect(slugs).toContain('written-after')
    expect(slugs).not.toContain('never-committed')
    expect(slugs).not.toContain('too-late')
    expect(lines.join('')).toContain('SQLite transaction rolled back')
  }, 60_000)

  it('answers its request 503 with the reason, and a login waiting behind it succeeds', async () => {
    const account = await createAccount(app, 'contributor')
    const stuck = request(app.url).post('/api/contributors/forgot-password').send({ email: account.email }).timeout(30_000)
    const login = new Promise((resolve) => setTimeout(resolve, 300)).then(() =>
      request(app.url).post('/api/contributors/login').send({ email: account.email, password: account.password }).timeout(30_000),
    )
    const [forgot, signedIn] = await Promise.all([stuck, login])
    expect(forgot.status).toBe(503)
    expect(forgot.body.errors[0].message).toMatch(/^Not saved: the transaction was open for more than 2 s/)
    expect(signedIn.status).toBe(200)
    const stored = await app.payload.findByID({ collection: 'contributors', id: account.id, depth: 0, overrideAccess: true, showHiddenFields: true })
    expect((stored as { resetPasswordToken?: string | null }).resetPasswordToken ?? null).toBeNull()
  }, 60_000)
})
