/**
 * Client input in queries never makes a 500 (fast-check): every collection, every field (every
 * field type: scalars, dates, numbers, checkboxes, selects, json, rich text, arrays, blocks,
 * relationships one and many, joins, polymorphic links, versions), every operator, with values of
 * every type (text, unicode, whole and decimal numbers, huge and non-finite numbers, dates valid
 * and not, ids of both databases, comma lists, bracket arrays and objects), as anonymous,
 * contributor and editor; sorts, joins, GraphQL where, ids and bytes in the URL path, links to
 * documents that do not exist and deeply nested data in writes.
 * Properties: never a 5xx, a refusal names the parameter, the server still answers, and a
 * refused write changes nothing. The seed is fixed (FUZZ_SEED overrides it).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { FlattenedField, SanitizedCollectionConfig } from 'payload'
import { validOperators } from 'payload/shared'
import * as qs from 'qs-esm'
import request from 'supertest'
import { collectionMatrix } from '../src/security/accessMatrix'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar, signUp } from './helpers/webinars'
import { publishThroughWorkflow, settle } from './helpers/workflow'

const SEED = Number(process.env.FUZZ_SEED || 20261201)
type Role = 'anonymous' | 'contributor' | 'editor'
const ROLES: Role[] = ['anonymous', 'contributor', 'editor']
type Agent = ReturnType<typeof request.agent>

let app: TestApp
const agents = {} as Record<Role, Agent>
let ownDraft: string | number

beforeAll(async () => {
  app = await startTestApp({ REGISTRATION_RATE_LIMIT: '0', LOG_LEVEL: 'fatal' })
  agents.anonymous = request.agent(app.url)
  // Rows for the queries to meet: a jurisdiction tree, a published resource and a draft, their review history, a webinar and a sign-up.
  const us = await app.payload.create({ collection: 'jurisdictions', data: { name: 'United States', code: 'US', type: 'federal' } as never })
  const ny = await app.payload.create({ collection: 'jurisdictions', data: { name: 'New York', code: 'US-NY', type: 'state', parent: us.id } as never })
  // A leader works within their jurisdictions (access/withinJurisdictions.ts): this one holds both.
  agents.contributor = await signIn(app, await createAccount(app, 'contributor', { jurisdictions: [us.id, ny.id] }))
  agents.editor = await signIn(app, await createAccount(app, 'editor'))
  const published = await agents.contributor.post('/api/resources').send({ title: 'Published', category: 'statement', jurisdictions: [ny.id], issuedAt: '2024-05-01' })
  await publishThroughWorkflow(agents.editor, published.body.doc.id)
  const draft = await agents.contributor.post('/api/resources').send({ title: 'Draft', category: 'legislation', supersedes: [published.body.doc.id], jurisdictions: [us.id] })
  ownDraft = draft.body.doc.id
  await request(app.url).post(`/api/webinars/${(await createWebinar(app)).id}/register`).send(signUp()).expect(202)
  await settle(app)
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

const up = async () => expect((await request(app.url).get('/healthz')).status).toBe(200)
const errorOf = (body: { errors?: { message: string }[] }) => body?.errors?.[0]?.message ?? ''

/** Values of every type, as a client could put them in a query. */
const HEX = [...'0123456789abcdef']
const VALUE_TYPES: Record<string, fc.Arbitrary<unknown>> = {
  text: fc.string({ maxLength: 16 }),
  unicode: fc.string({ unit: 'grapheme', maxLength: 8 }),
  whole: fc.integer().map(String),
  decimal: fc.double().map(String), // NaN, Infinity, -0, 1.7976931348623157e+308, 5e-324 included
  special: fc.constantFrom('1e400', '-1e400', '99999999999999999999', 'NaN', '', 'null', 'undefined', 'true', 'false', '0x1F', '%', "'", '"', '\\', '%00', '2024-02-30', '2024-13-01', '+275760-09-13T00:00:00Z', 'a,b', '1,', ','),
  date: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  objectId: fc.string({ unit: fc.constantFrom(...HEX), minLength: 24, maxLength: 24 }),
  list: fc.array(fc.oneof(fc.nat().map(String), fc.string({ maxLength: 4 })), { maxLength: 4 }).map((items) => items.join(',')),
  bracketArray: fc.array(fc.oneof(fc.nat().map(String), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 3 }),
  bracketObject: fc.dictionary(fc.constantFrom('x', 'equals', 'relationTo', 'value', '$gt'), fc.string({ maxLength: 4 }), { minKeys: 1, maxKeys: 2 }),
}
const TYPE_NAMES = Object.keys(VALUE_TYPES)

type Path = { path: string; kind: string }
const configOf = (slug: string) => app.payload.collections[slug as 'resources'].config as SanitizedCollectionConfig

/** Every path a query can name on a collection: nested fields, links and one hop through them, version fields. */
function pathsOf(config: SanitizedCollectionConfig): Path[] {
  const out: Path[] = [{ path: 'id', kind: 'id' }]
  const walk = (fields: FlattenedField[], prefix: string, top: boolean) => {
    for (const f of fields) {
      if (!('name' in f)) continue
      const p = `${prefix}${f.name}`
      const many = 'hasMany' in f && f.hasMany ? '[]' : ''
      if (f.type === 'group' || f.type === 'tab') walk(f.flattenedFields, `${p}.`, false)
      else if (f.type === 'array') out.push({ path: p, kind: 'array' }), walk(f.flattenedFields, `${p}.`, false)
      else if (f.type === 'blocks') {
        out.push({ path: p, kind: 'blocks' }, { path: `${p}.blockType`, kind: 'text' })
        for (const block of f.blocks) walk(block.flattenedFields, `${p}.`, false)
      } else if ((f.type === 'relationship' || f.type === 'upload') && Array.isArray(f.relationTo)) {
        out.push({ path: p, kind: 'polymorphic' }, { path: `${p}.value`, kind: 'id' }, { path: `${p}.relationTo`, kind: 'text' })
      } else if (f.type === 'relationship' || f.type === 'upload' || f.type === 'join') {
        const target = f.type === 'join' ? f.collection : f.relationTo
        out.push({ path: p, kind: `${f.type}${many}` }, { path: `${p}.id`, kind: `${f.type}${many}` })
        if (top && typeof target === 'string') {
          for (const sub of configOf(target).flattenedFields.filter((s) => ['text', 'date', 'number', 'select', 'relationship'].includes(s.type)).slice(0, 4)) {
            out.push({ path: `${p}.${sub.name}`, kind: `hop ${sub.type}` })
          }
        }
      } else {
        out.push({ path: p, kind: `${f.type}${many}` })
        if ('localized' in f && f.localized) out.push({ path: `${p}.es`, kind: `${f.type}${many}` })
      }
    }
  }
  walk(config.flattenedFields, '', true)
  if (config.versions) {
    out.push({ path: 'parent', kind: 'relationship' }, { path: 'latest', kind: 'checkbox' }, { path: 'version._status', kind: 'select' })
    for (const { path, kind } of [...out]) if (!['id', 'parent', 'latest'].includes(path) && !path.startsWith('version.')) out.push({ path: `version.${path}`, kind })
  }
  return out
}

const listed = () => app.payload.config.collections.filter((c) => c.endpoints !== false)
const sample = <T>(arbitrary: fc.Arbitrary<T>, seed: number) => fc.sample(arbitrary, { seed, numRuns: 1 })[0]!

async function get(role: Role, url: string, problems: string[]) {
  const res = await agents[role].get(url)
  if (res.status >= 500) problems.push(`${role} GET ${url} → ${res.status}`)
  else if (res.status === 400 && !/where|sort|joins|limit|page|depth|data|field|URL/.test(errorOf(res.body))) problems.push(`${role} GET ${url} → 400 without naming the parameter: ${errorOf(res.body)}`)
  return res
}

describe('the red team’s examples', () => {
  it('each answers a 4xx naming the parameter, for every role', async () => {
    const cases: [string, string, RegExp][] = [
      ['get', '/api/resources?where[issuedAt][equals]=notadate', /^where\[issuedAt\]\[equals\] must be a date/],
      ['get', '/api/resources?where[jurisdictions][equals]=abc', /^where\[jurisdictions\]\[equals\] must be an id/],
      ['get', '/api/resources?where[id][in]=abc,def', /^where\[id\]\[in\] must be ids/],
      ['get', '/api/resources?where[title][near]=1,2', /^where\[title\]\[near\] "near" works only on a map location/],
      ['get', '/api/resources?where[summary][within]=1', /^where\[summary\]\[within\]/],
      ['get', '/api/jurisdictions?where[code][intersects]=1', /^where\[code\]\[intersects\]/],
      ['get', '/api/resources/%C3%28', /not valid percent-encoding/],
      ['post', '/api/contributors/verify/abc', /no email verification/],
      ['get', '/api/jurisdictions/versions', /keeps no versions/],
    ]
    for (const role of ROLES) {
      for (const [method, url, message] of cases) {
        const res = await agents[role][method as 'get'](url)
        expect({ role, url, status: res.status, message: errorOf(res.body) }).toEqual({ role, url, status: expect.any(Number), message: expect.stringMatching(message) })
        expect(res.status).toBeGreaterThanOrEqual(400)
        expect(res.status).toBeLessThan(500)
      }
      const deep = `{"title":"x","category":"statement","links":${'['.repeat(3000)}${']'.repeat(3000)}}`
      const nested = await agents[role].post('/api/resources').set('Content-Type', 'application/json').send(deep)
      expect([role, nested.status, errorOf(nested.body)]).toEqual([role, 400, expect.stringMatching(/^data is nested more than/)])
    }
    // Payload deletes a preference by key and its caller (a where through its polymorphic user link).
    for (const role of ['contributor', 'editor'] as const) expect((await agents[role].delete('/api/payload-preferences/no-such-key')).status).toBe(404)
    const missing = await agents.contributor.post('/api/resources').send({ title: 'x', category: 'statement', supersedes: [99999] })
    expect(missing.status).toBe(400)
    // Named by the relation check (src/security/relationTargets.ts) or the link check behind it.
    expect(missing.body.errors[0].data.errors).toEqual([{ path: 'supersedes', message: expect.stringMatching(/99999/) }])
    await up()
  })
})

describe('REST where: every collection, every field, every operator', () => {
  it('values of every type, as every role: never a 5xx', async () => {
    const problems: string[] = []
    let n = 0
    for (const config of listed()) {
      const list = config.versions ? [`/api/${config.slug}`, `/api/${config.slug}/versions`] : [`/api/${config.slug}`]
      for (const { path } of pathsOf(config)) {
        for (const operator of validOperators) {
          n += 1
          // The value type and the role turn with every probe, so each field type meets every value type and role.
          const type = TYPE_NAMES[n % TYPE_NAMES.length]!
          const value = sample(VALUE_TYPES[type]!, SEED + n)
          const url = `${list[n % list.length]}?${qs.stringify({ where: { [path]: { [operator]: value } }, limit: 1, depth: 0 })}`
          await get(ROLES[n % ROLES.length]!, url, problems)
        }
      }
    }
    expect(problems).toEqual([])
    await up()
  }, 600_000)

  it('random field type × operator × value type × role, also under and/or in any case and through the method override', async () => {
    const problems: string[] = []
    const probe = fc.record({
      config: fc.constantFrom(...listed()),
      operator: fc.constantFrom(...validOperators),
      type: fc.constantFrom(...TYPE_NAMES),
      role: fc.constantFrom(...ROLES),
      logical: fc.constantFrom(undefined, 'and', 'OR', 'Or', 'AND'),
      override: fc.boolean(),
      pick: fc.nat(),
      seed: fc.nat(),
    })
    await fc.assert(
      fc.asyncProperty(probe, async ({ config, operator, type, role, logical, override, pick, seed }) => {
        const paths = pathsOf(config)
        const { path } = paths[pick % paths.length]!
        const condition = { [path]: { [operator]: sample(VALUE_TYPES[type]!, seed) } }
        const query = qs.stringify({ where: logical ? { [logical]: [condition, { id: { exists: true } }] } : condition, limit: 1 })
        const res = override
          ? await agents[role].post(`/api/${config.slug}`).set('X-Payload-HTTP-Method-Override', 'GET').set('Content-Type', 'application/x-www-form-urlencoded').send(query)
          : await agents[role].get(`/api/${config.slug}?${query}`)
        if (res.status >= 500) problems.push(`${role} ${override ? 'POST (override GET)' : 'GET'} /api/${config.slug}?${decodeURIComponent(query)} → ${res.status}`)
      }),
      { seed: SEED, numRuns: 400 },
    )
    expect(problems).toEqual([])
    await up()
  }, 600_000)
})

describe('sorts, joins and GraphQL', () => {
  it('every path as a sort, ascending and descending, and junk sorts', async () => {
    const problems: string[] = []
    let n = 0
    for (const config of listed()) {
      for (const { path } of [...pathsOf(config), { path: 'zzz' }, { path: 'id.zzz' }, { path: ',,' }, { path: '--id' }]) {
        n += 1
        await get(ROLES[n % ROLES.length]!, `/api/${config.slug}?sort=${encodeURIComponent(`${n % 2 ? '-' : ''}${path}`)}&limit=1`, problems)
      }
      await get(ROLES[n % ROLES.length]!, `/api/${config.slug}?sort[a]=1`, problems)
      await get(ROLES[n % ROLES.length]!, `/api/${config.slug}?sort[]=id&sort[]=-createdAt`, problems)
    }
    expect(problems).toEqual([])
    await up()
  }, 600_000)

  it('joins: where, sort, limit, page and count of every join field', async () => {
    const problems: string[] = []
    const joins = app.payload.config.collections.flatMap((c) => Object.values(c.joins ?? {}).flat().map((join) => ({ slug: c.slug, join })))
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...joins), fc.constantFrom(...ROLES), fc.constantFrom(...validOperators), fc.constantFrom(...TYPE_NAMES), fc.nat(), fc.nat(), async ({ slug, join }, role, operator, type, pick, seed) => {
        const paths = pathsOf(configOf(join.field.collection as string))
        const { path } = paths[pick % paths.length]!
        const value = sample(VALUE_TYPES[type]!, seed)
        const params = [
          { where: { [path]: { [operator]: value } } },
          { sort: `${seed % 2 ? '-' : ''}${path}` },
          { limit: value, page: value, count: value },
          { where: value, sort: value },
        ][seed % 4]
        await get(role, `/api/${slug}?${qs.stringify({ joins: { [join.joinPath]: params }, limit: 1 })}`, problems)
      }),
      { seed: SEED, numRuns: 300 },
    )
    expect(problems).toEqual([])
    await up()
  }, 600_000)

  it('GraphQL where of every list query, with values of every JSON type', async () => {
    const problems: string[] = []
    const lists = listed().filter((c) => c.graphQL !== false && collectionMatrix[c.slug])
    const jsonValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), ...(Object.values(VALUE_TYPES) as fc.Arbitrary<unknown>[]))
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...lists), fc.constantFrom(...ROLES), fc.constantFrom(...validOperators), fc.nat(), jsonValue, fc.constantFrom('AND', 'OR', undefined), async (config, role, operator, pick, value, logical) => {
        const { singular, plural } = collectionMatrix[config.slug]!.graphQL
        const paths = pathsOf(config).filter((p) => !p.path.includes('.') || p.path.endsWith('.id'))
        const field = paths[pick % paths.length]!.path.replace(/\.id$/, '')
        const condition = { [field]: { [operator]: value } }
        const res = await agents[role]
          .post('/api/graphql')
          .send({ query: `query ($where: ${singular}_where, $sort: String) { ${plural}(where: $where, sort: $sort, limit: 1) { docs { id } } }`, variables: { where: logical ? { [logical]: [condition] } : condition, sort: field } })
        if (res.status >= 500 || /Something went wrong/.test(JSON.stringify(res.body))) problems.push(`${role} ${plural}(where: ${JSON.stringify(condition)}) → ${res.status} ${errorOf(res.body)}`)
      }),
      { seed: SEED, numRuns: 300 },
    )
    expect(problems).toEqual([])
    await up()
  }, 600_000)
})

describe('the URL path and writes', () => {
  it('ids and bytes in the path, on every collection and method', async () => {
    const problems: string[] = []
    const segment = fc.oneof(
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
      fc.constantFrom('%C3%28', '%E0%A4%A', '%', '%%', '%FF', '%C0%AF', '..%2F..%2Fetc', '1e400', '99999999999999999999', '-1', '0x10', 'null'),
      VALUE_TYPES.objectId! as fc.Arbitrary<string>,
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...listed().map((c) => c.slug)), segment, fc.constantFrom('', '/versions', '/versions/', '/verify/', '/count/'), fc.constantFrom('get', 'patch', 'delete', 'post'), fc.constantFrom(...ROLES), async (slug, id, prefix, method, role) => {
        const url = `/api/${slug}${prefix.endsWith('/') ? prefix : `${prefix}/`}${id}`
        const res = await agents[role][method](url).set('Content-Type', 'application/json').send('{}')
        if (res.status >= 500) problems.push(`${role} ${method.toUpperCase()} ${url} → ${res.status}`)
      }),
      { seed: SEED, numRuns: 300 },
    )
    expect(problems).toEqual([])
    await up()
  }, 600_000)

  it('links to documents that do not exist, and data nested past any sense, change nothing', async () => {
    const problems: string[] = []
    const before = async () => JSON.stringify((await app.payload.find({ collection: 'resources', draft: true, depth: 0, pagination: false, sort: 'id', overrideAccess: true })).docs)
    const link = fc.oneof(fc.constantFrom(99999, '99999', 0, -1, 1.5, 'abc', '', null, true, 1e400, '1e400'), VALUE_TYPES.objectId!, fc.record({ relationTo: fc.constantFrom('resources', 'nope'), value: fc.constantFrom(99999, 'x') }), fc.jsonValue({ maxDepth: 2 }))
    const field = fc.constantFrom('supersedes', 'jurisdictions', 'organizations', 'topics', 'documents', 'graphics', 'owner', 'assignee')
    // JSON text nested `depth` deep (objects and arrays in turn), into a json-like spot of the body.
    const nested = (depth: number, into: string) => `{"title":"x","category":"statement","${into}":${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}}`
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROLES), fc.boolean(), field, fc.oneof(link, fc.array(link, { maxLength: 3 })), fc.integer({ min: 60, max: 5000 }), fc.nat(), async (role, update, name, value, depth, seed) => {
        const stored = await before()
        const body = seed % 3 === 0 ? nested(depth, ['links', 'body', name][seed % 2]!) : JSON.stringify({ title: 'x', category: name === 'graphics' ? 'social-media' : 'statement', [name]: value })
        const send = update ? agents[role].patch(`/api/resources/${ownDraft}`) : agents[role].post(`/api/resources${seed % 2 ? '?draft=true' : ''}`)
        const res = await send.set('Content-Type', 'application/json').send(body)
        if (res.status >= 500) problems.push(`${role} ${update ? 'PATCH' : 'POST'} ${body.slice(0, 200)} → ${res.status}`)
        if (res.status >= 400 && (await before()) !== stored) problems.push(`${role} refused with ${res.status} but resources changed: ${body.slice(0, 200)}`)
        if (res.status < 300 && !update) await app.payload.delete({ collection: 'resources', id: res.body.doc.id, overrideAccess: true })
      }),
      { seed: SEED, numRuns: 120 },
    )
    expect(problems).toEqual([])
    await up()
  }, 600_000)
})
