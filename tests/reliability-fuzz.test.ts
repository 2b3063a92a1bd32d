/**
 * Property-based fuzzing (fast-check) of every write endpoint: random JSON bodies, as anonymous,
 * contributor and editor. Properties: never a 5xx, the server still answers, and a rejected
 * request (4xx, or GraphQL errors) leaves stored data exactly as it was.
 * Reproducible: the seed is fixed (FUZZ_SEED overrides it) and fast-check prints the seed and
 * the failing value on failure. Runs are few per property so the suite stays fast on 2 cores.
 */
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import request from 'supertest'
import { createAccount, homeJurisdiction, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar, signUp } from './helpers/webinars'
import { settle } from './helpers/workflow'

const SEED = Number(process.env.FUZZ_SEED || 20261127)
const RUNS = Number(process.env.FUZZ_RUNS || 15)
const options = { seed: SEED, numRuns: RUNS, endOnFailure: true }

let app: TestApp
type Agent = ReturnType<typeof request.agent>
const agents: Record<'anonymous' | 'contributor' | 'editor', Agent> = {} as never
const targets: Record<string, (string | number)[]> = {}
let webinarId: string | number
let slugs: string[]

/** Every stored row of every collection (and the version tables), as one hash per collection. */
async function snapshot(): Promise<Record<string, string>> {
  const parts: Record<string, string> = {}
  const digest = (text: string) => crypto.createHash('sha256').update(text).digest('hex')
  for (const slug of slugs) {
    const { docs } = await app.payload.find({ collection: slug as never, pagination: false, depth: 0, draft: true, overrideAccess: true, showHiddenFields: true, sort: 'id', locale: 'all' as never })
    parts[slug] = digest(JSON.stringify(docs))
    if ((app.payload.collections as Record<string, { config: { versions?: unknown } }>)[slug]?.config.versions) {
      parts[`${slug} versions`] = String((await app.payload.countVersions({ collection: slug as never, overrideAccess: true })).totalDocs)
    }
  }
  const { docs: jobs } = await app.payload.find({ collection: 'payload-jobs', pagination: false, depth: 0, overrideAccess: true, sort: 'id' })
  parts.jobs = JSON.stringify(jobs.map((j) => [j.id, j.taskSlug, j.processing, j.completedAt ?? null]))
  return parts
}
const changed = (before: Record<string, string>, after: Record<string, string>) => Object.keys(after).filter((k) => before[k] !== after[k])

type Answer = { status: number; body: unknown }
/** Any JSON value as the body, including bare numbers and strings (supertest would refuse those). */
const json = <T extends { set: (k: string, v: string) => T; send: (b: string) => PromiseLike<Answer> }>(req: T, body: unknown) =>
  req.set('Content-Type', 'application/json').send(JSON.stringify(body ?? null))
/** Sends one request and checks the properties; returns whether it was accepted. */
async function probe(send: () => PromiseLike<Answer>, rejected: (res: Answer) => boolean = (res) => res.status >= 400) {
  // Work an earlier accepted write started after its commit (email and webhook deliveries, which
  // delete their job rows) must not count as this request's change: wait until none is left
  // (backgroundIdle, through settle). The comparison itself stays over every stored row.
  await settle(app)
  const before = await snapshot()
  const res = await send()
  if (res.status >= 500) throw new Error(`answered ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`)
  if (rejected(res)) {
    const parts = changed(before, await snapshot())
    if (parts.length) throw new Error(`rejected with ${res.status} but stored data changed (${parts.join(', ')}): ${JSON.stringify(res.body).slice(0, 300)}`)
  } else {
    await settle(app) // let emails of an accepted write go out before the next snapshot
  }
  expect((await request(app.url).get('/healthz')).status).toBe(200)
}

/** Random JSON: anything at all, or objects whose keys are the collection's own field names. */
const jsonValue = fc.jsonValue({ maxDepth: 3 })
function bodyFor(fieldNames: string[]) {
  const key = fc.oneof(fc.constantFrom(...fieldNames, '_status', 'id', 'reviewStatus', 'role', 'password', 'email'), fc.string({ maxLength: 12 }))
  return fc.oneof(
    { weight: 1, arbitrary: jsonValue },
    { weight: 4, arbitrary: fc.dictionary(key, jsonValue, { maxKeys: 8 }) },
  )
}
const fieldsOf = (slug: string) =>
  ((app.payload.collections as Record<string, { config: { flattenedFields: unknown } }>)[slug]!.config.flattenedFields as { name: string }[]).map((f) => f.name)
const roles = fc.constantFrom('anonymous', 'contributor', 'editor') as fc.Arbitrary<keyof typeof agents>

beforeAll(async () => {
  app = await startTestApp({ REGISTRATION_RATE_LIMIT: '0', LOG_LEVEL: 'fatal' })
  slugs = Object.keys(app.payload.collections).filter((s) => !s.startsWith('payload-'))
  const contributor = await createAccount(app, 'contributor')
  const editor = await createAccount(app, 'editor')
  agents.anonymous = request.agent(app.url)
  agents.contributor = (await signIn(app, contributor)) as unknown as Agent
  agents.editor = (await signIn(app, editor)) as unknown as Agent

  // A document of each kind to update: one the contributor owns, one published, one of each other collection.
  const own = await agents.contributor.post('/api/resources').send({ jurisdictions: [await homeJurisdiction(app)], title: 'Fuzz target', category: 'media' })
  const published = await app.payload.create({ collection: 'resources', data: { title: 'Published target', category: 'media', _status: 'published', reviewStatus: 'published' } as never, overrideAccess: true })
  targets.resources = [own.body.doc.id, published.id]
  const jurisdiction = await app.payload.create({ collection: 'jurisdictions', data: { name: 'New York', code: 'US-NY', type: 'state' } as never, overrideAccess: true }).catch(() => undefined)
  if (jurisdiction) targets.jurisdictions = [jurisdiction.id]
  const topic = await app.payload.create({ collection: 'topics', data: { name: 'Courthouse arrests' } as never, overrideAccess: true }).catch(() => undefined)
  if (topic) targets.topics = [topic.id]
  webinarId = (await createWebinar(app, { capacity: 2 })).id
  targets.webinars = [webinarId]
  await request(app.url).post(`/api/webinars/${webinarId}/register`).send(signUp())
  targets['webinar-registrations'] = (await app.payload.find({ collection: 'webinar-registrations', overrideAccess: true })).docs.map((d) => d.id)
  targets.contributors = [contributor.id, editor.id]
  await settle(app)
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

describe('REST writes of every collection', () => {
  it('create: random bodies as anonymous, contributor and editor', async () => {
    await fc.assert(
      fc.asyncProperty(roles, fc.constantFrom(...slugs).chain((slug) => fc.tuple(fc.constant(slug), bodyFor(fieldsOf(slug)))), async (role, [slug, body]) => {
        await probe(() => json(agents[role].post(`/api/${slug}`), body))
      }),
      options,
    )
  }, 300_000)

  it('update: random bodies on real and random ids', async () => {
    const target = fc.constantFrom(...slugs).chain((slug) =>
      fc.tuple(fc.constant(slug), fc.oneof(fc.constantFrom(...(targets[slug] ?? ['1'])), fc.string({ maxLength: 10 })), bodyFor(fieldsOf(slug))),
    )
    await fc.assert(
      fc.asyncProperty(roles, target, async (role, [slug, id, body]) => {
        await probe(() => json(agents[role].patch(`/api/${slug}/${encodeURIComponent(String(id))}`), body))
      }),
      options,
    )
  }, 300_000)
})

describe('custom endpoints and auth', () => {
  const workflowBody = fc.oneof(
    jsonValue,
    fc.record(
      { action: fc.oneof(fc.constantFrom('submit', 'withdraw', 'request_changes', 'publish', 'unpublish', 'archive'), jsonValue), note: jsonValue, checklist: jsonValue, publishAt: jsonValue },
      { requiredKeys: [] },
    ),
  )

  it('POST /api/resources/:id/workflow', async () => {
    const id = fc.oneof(fc.constantFrom(...targets.resources!), fc.string({ maxLength: 10 }))
    await fc.assert(
      fc.asyncProperty(roles, id, workflowBody, async (role, id, body) => {
        await probe(() => json(agents[role].post(`/api/resources/${encodeURIComponent(String(id))}/workflow`), body))
      }),
      options,
    )
  }, 300_000)

  it('POST /api/webinars/:id/register, and the cancel endpoint', async () => {
    const applicant = fc.record(
      { name: fc.oneof(fc.string(), jsonValue), email: fc.oneof(fc.emailAddress(), jsonValue), consent: fc.oneof(fc.constant(true), jsonValue), interest: jsonValue, jurisdiction: jsonValue, role: jsonValue, message: jsonValue, website: jsonValue },
      { requiredKeys: [] },
    )
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(String(webinarId)), fc.string({ maxLength: 10 })), fc.oneof(applicant, jsonValue), async (id, body) => {
        await probe(() => json(request(app.url).post(`/api/webinars/${encodeURIComponent(id)}/register`), body))
      }),
      options,
    )
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.record({ token: fc.oneof(fc.string(), jsonValue) }), jsonValue), async (body) => {
        await probe(() => json(request(app.url).post('/api/webinar-registrations/cancel'), body))
      }),
      options,
    )
  }, 300_000)

  it('sign-up, login and forgot-password', async () => {
    const credentials = fc.oneof(
      jsonValue,
      fc.record({ email: fc.oneof(fc.emailAddress(), jsonValue), password: fc.oneof(fc.string(), jsonValue), name: jsonValue, role: jsonValue, status: jsonValue }, { requiredKeys: [] }),
    )
    const path = fc.constantFrom('/api/contributors', '/api/contributors/login', '/api/contributors/forgot-password', '/api/contributors/reset-password', '/api/contributors/first-register')
    await fc.assert(
      fc.asyncProperty(path, credentials, async (path, body) => {
        await probe(() => json(request(app.url).post(path).set('Origin', app.url), body))
      }),
      options,
    )
  }, 300_000)
})

describe('GraphQL mutations', () => {
  type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null }
  const typeString = (t: TypeRef): string => (t.kind === 'NON_NULL' ? `${typeString(t.ofType!)}!` : t.kind === 'LIST' ? `[${typeString(t.ofType!)}]` : t.name!)
  const baseKind = (t: TypeRef): string => (t.ofType ? baseKind(t.ofType) : t.kind)

  it('every mutation with random variables, as anonymous and contributor', async () => {
    const ref = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }'
    const introspection = await agents.editor.post('/api/graphql').send({ query: `{ __schema { mutationType { fields { name type { ${ref} } args { name type { ${ref} } } } } } }` })
    const mutations = introspection.body.data.__schema.mutationType.fields as { name: string; type: TypeRef; args: { name: string; type: TypeRef }[] }[]
    expect(mutations.length).toBeGreaterThan(20)
    const documents = mutations.map((m) => {
      const vars = m.args.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ')
      const args = m.args.map((a) => `${a.name}: $${a.name}`).join(', ')
      const selection = ['OBJECT', 'INTERFACE', 'UNION'].includes(baseKind(m.type)) ? ' { __typename }' : ''
      return { names: m.args.map((a) => a.name), query: `mutation${vars ? `(${vars})` : ''} { ${m.name}${args ? `(${args})` : ''}${selection} }` }
    })
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('anonymous', 'contributor') as fc.Arbitrary<keyof typeof agents>, fc.constantFrom(...documents), fc.dictionary(fc.string({ maxLength: 8 }), jsonValue, { maxKeys: 3 }), fc.array(jsonValue, { minLength: 4, maxLength: 4 }), async (role, doc, extra, values) => {
        const variables = Object.fromEntries(doc.names.map((name, i) => [name, values[i % values.length]]))
        await probe(
          () => agents[role].post('/api/graphql').set('Origin', app.url).send({ query: doc.query, variables: { ...extra, ...variables } }),
          (res) => res.status >= 400 || Boolean((res.body as { errors?: unknown[] })?.errors?.length),
        )
      }),
      { ...options, numRuns: RUNS * 2 },
    )
  }, 300_000)
})
