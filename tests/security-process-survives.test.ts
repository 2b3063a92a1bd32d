/**
 * One request must never end a serving process. An API-only instance (ADMIN=off, the production
 * scaling path: no Next.js, so no rejection handler of Next's) gets the requests that used to
 * end it — a where or sort whose path validation started a nested validation nobody awaited
 * (Payload 3.90.1; patches/payload+3.90.1.patch) — through REST, the method override and
 * GraphQL, as anonymous, contributor and editor, and still answers /healthz without having had
 * an unhandled rejection at all. Then a rejection nobody handles is injected into it (SIGUSR2,
 * tests/helpers/injectRejection.mjs): it is logged without the address it carries, counted in
 * /metrics, and the process keeps serving.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq, QueryError, validateQueryPaths } from 'payload'
import request from 'supertest'
import { projectRoot } from '../src/settings/paths'
import { startInstance, type Child } from './helpers/instances'
import { startTestApp, type TestApp } from './helpers/testApp'

/** The red team's requests and their variants: a bad path beside a path through relationships, sorts through them. */
const RED_TEAM_QUERIES = [
  'where[jurisdictions.parent.code][equals]=US&where[zzz][equals]=1',
  'where[zzz][equals]=1&where[jurisdictions.parent.code][equals]=US',
  'where[or][0][jurisdictions.parent.parent.code][equals]=US&where[or][1][nope][like]=x',
  'where[organizations.jurisdictions.code][equals]=US-NY&where[title][nope]=1',
  'where[supersedes.owner.email][like]=example',
  'where[supersedes.jurisdictions.code][equals]=US&where[zzz][exists]=true',
  'sort=supersedes.owner.email',
  'sort=-supersedes.owner.email',
  'sort=supersedes.owner.name',
  'sort=jurisdictions.parent.code,zzz',
  'draft=true&sort=supersedes.owner.email',
  'draft=true&where[supersedes.owner.email][exists]=true&where[zzz][equals]=1',
]
const OTHER_LISTS = [
  '/api/review-events?sort=by.email',
  '/api/review-events?where[resource.supersedes.owner.email][exists]=true&where[zzz][equals]=1',
  '/api/resources/versions?sort=version.supersedes.owner.email',
  '/api/resources/versions?where[version.jurisdictions.parent.code][equals]=US&where[zzz][equals]=1',
  '/api/resources/count?where[jurisdictions.parent.code][equals]=US&where[zzz][equals]=1',
  '/api/jurisdictions?joins[resources][sort]=supersedes.owner.email',
  '/api/jurisdictions?joins[resources][where][supersedes.owner.email][exists]=true&joins[resources][where][zzz][equals]=1',
  '/api/organizations?where[jurisdictions.parent.code][equals]=US&where[zzz][equals]=1',
]
const GRAPHQL = [
  '{ Resources(sort: "supersedes.owner.email") { docs { id } } }',
  '{ Resources(sort: "-supersedes.owner.name", draft: true) { docs { id } } }',
  '{ ReviewEvents(sort: "by.email") { docs { id } } }',
  '{ versionsResources(sort: "version.supersedes.owner.email") { docs { id } } }',
  '{ Jurisdictions(limit: 2) { docs { resources(sort: "supersedes.owner.email") { docs { id } } } } }',
]

describe("Payload's where/sort path validation", () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp()
  })
  afterAll(async () => {
    await app?.stop()
  })

  // Without the patch the nested validation of `jurisdictions.parent.code` rejects after the
  // QueryError for `zzz` was thrown, with nobody listening: jest fails the test on it.
  it('rejects a bad path beside a path through two relationships once, with nothing left unhandled', async () => {
    const req = await createLocalReq({}, app.payload)
    for (const where of [
      { 'jurisdictions.parent.code': { equals: 'US' }, zzz: { equals: 1 } },
      { 'supersedes.owner.email': { exists: true } },
    ]) {
      await expect(
        validateQueryPaths({ collectionConfig: app.payload.collections.resources.config, overrideAccess: false, req, where: where as never }),
      ).rejects.toBeInstanceOf(QueryError)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  })
})

describe('an API-only process (ADMIN=off)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-survives-'))
  const password = `pw-${crypto.randomBytes(6).toString('hex')}`
  let instance: Child

  beforeAll(async () => {
    instance = await startInstance({
      DATA_DIR: dir,
      DATABASE_URI: `file:${path.join(dir, 'cms.db')}`,
      SEED_PASSWORD: password, // the demo accounts of a fresh database, as the red team had them
      JOBS_AUTORUN: 'false',
      NODE_OPTIONS: `--import=${path.join(projectRoot, 'tests/helpers/injectRejection.mjs')}`,
    })
  }, 240_000)
  afterAll(async () => {
    await instance?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }, 60_000)

  const rejections = async () => {
    const text = (await request(instance.url).get('/metrics').expect(200)).text
    return Number(/^process_unhandled_rejections_total (\d+)$/m.exec(text)?.[1])
  }
  const alive = async () => {
    expect(instance.process.exitCode).toBeNull()
    expect((await request(instance.url).get('/healthz')).status).toBe(200)
  }
  const signIn = async (email: string) => {
    const agent = request.agent(instance.url).set('Origin', instance.url)
    const res = await agent.post('/api/contributors/login').send({ email, password })
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`)
    return agent
  }

  it('answers every red-team query with a 4xx or a result, and is still up with no unhandled rejection', async () => {
    const callers = [
      ['anonymous', request.agent(instance.url)],
      ['contributor', await signIn('leader@example.org')],
      ['editor', await signIn('editor@example.org')],
    ] as const
    const answers: string[] = []
    for (const [who, agent] of callers) {
      for (const query of RED_TEAM_QUERIES) {
        answers.push(`${who} GET /api/resources?${query} → ${(await agent.get(`/api/resources?${query}`)).status}`)
        // The method override: the query in a form body, as Payload reads it.
        const overridden = await agent
          .post('/api/resources')
          .set('X-Payload-HTTP-Method-Override', 'GET')
          .set('Content-Type', 'application/x-www-form-urlencoded')
          .send(query)
        answers.push(`${who} POST (override GET) /api/resources ${query} → ${overridden.status}`)
      }
      for (const url of OTHER_LISTS) answers.push(`${who} GET ${url} → ${(await agent.get(url)).status}`)
      for (const query of GRAPHQL) answers.push(`${who} GraphQL ${query} → ${(await agent.post('/api/graphql').send({ query })).status}`)
      await alive()
    }
    expect(answers.filter((answer) => / → 5\d\d$/.test(answer))).toEqual([])
    await alive()
    expect(await rejections()).toBe(0)
  }, 120_000)

  it('logs and counts a rejection nobody handles, without personal data, and keeps serving', async () => {
    const before = await rejections()
    instance.process.kill('SIGUSR2')
    const logged = () => instance.output().split('\n').find((l) => l.includes('Unhandled promise rejection') && l.includes('injected fault'))
    for (let i = 0; i < 100 && !logged() && instance.process.exitCode === null; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await alive()
    expect(await rejections()).toBe(before + 1)
    expect(logged()).toContain('[email]')
    expect(instance.output()).not.toContain('ana.injected@example.org')
    expect((await request(instance.url).get('/api/topics?limit=1')).status).toBe(200)
  }, 60_000)
})
