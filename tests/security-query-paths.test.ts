/**
 * A query path (where, sort, joins; REST, the method override and GraphQL) may only read fields
 * the caller can read, and only pass through collections the caller can read in full: the red
 * team ordered their own drafts by `supersedes.owner.email` and binary-searched other people's
 * addresses. Every relationship, upload and join of every collection is walked one and two hops
 * deep, as anonymous, contributor and editor; the expectation comes from the access matrix
 * (src/security/accessMatrix.ts). And `AND`/`OR` in any case reach every guard the way Payload
 * runs them (they slipped past the ownership guard and the registration audit).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { FlattenedField, SanitizedCollectionConfig } from 'payload'
import request from 'supertest'
import { collectionMatrix } from '../src/security/accessMatrix'
import { createAccount, signIn, startTestApp, type TestApp, homeJurisdiction } from './helpers/testApp'
import { createWebinar, signUp } from './helpers/webinars'
import { publishThroughWorkflow } from './helpers/workflow'

type Agent = ReturnType<typeof request.agent>
type Role = 'anonymous' | 'contributor' | 'editor'
type Id = string | number

let app: TestApp
const agents = {} as Record<Role, Agent>
let attacker: { id: Id }
let victims: { id: Id; email: string; published: Id }[]
let webinarId: Id

beforeAll(async () => {
  app = await startTestApp({ REGISTRATION_RATE_LIMIT: '0' })
  const editorAccount = await createAccount(app, 'editor')
  agents.editor = await signIn(app, editorAccount)
  agents.anonymous = request.agent(app.url)
  const attackerAccount = await createAccount(app, 'contributor')
  attacker = attackerAccount
  agents.contributor = await signIn(app, attackerAccount)
  // Two other contributors, each with a published resource; the attacker's drafts supersede them.
  victims = []
  for (const email of ['aaron.victim@example.org', 'zoe.victim@example.org']) {
    const account = { ...(await createAccount(app, 'contributor', { email })), email }
    const created = await (await signIn(app, account)).post('/api/resources').send({ title: `Published by ${email}`, category: 'statement', jurisdictions: [await homeJurisdiction(app)] })
    await publishThroughWorkflow(agents.editor, created.body.doc.id)
    victims.push({ id: account.id, email, published: created.body.doc.id })
  }
  for (const victim of victims) {
    const draft = await agents.contributor.post('/api/resources').send({ title: `Draft replacing ${victim.email}`, category: 'statement', supersedes: [victim.published], jurisdictions: [await homeJurisdiction(app)] })
    expect(draft.status).toBe(201)
  }
  // A jurisdiction the resources name, so that its join field has rows to sort.
  const place = await app.payload.create({ collection: 'jurisdictions', data: { name: 'New York', code: 'US-NY', type: 'state' } as never })
  for (const victim of victims) await app.payload.update({ collection: 'resources', id: victim.published, data: { jurisdictions: [place.id] } as never })
  webinarId = (await createWebinar(app)).id
  await request(app.url).post(`/api/webinars/${webinarId}/register`).send(signUp()).expect(202)
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

const errorOf = (body: { errors?: { message: string }[] }) => body.errors?.[0]?.message ?? ''

describe('the red team’s requests', () => {
  it('refuses a contributor’s sorts and filters through other people’s accounts, naming the parameter', async () => {
    const cases: [string, RegExp][] = [
      ['/api/resources?draft=true&sort=supersedes.owner.email', /^sort: "supersedes\.owner\.email" refused/],
      ['/api/resources?sort=-supersedes.owner.email', /^sort: "supersedes\.owner\.email" refused/],
      ['/api/resources?sort=supersedes.owner.name', /^sort: "supersedes\.owner\.name" refused/],
      ['/api/review-events?sort=by.email', /^sort: "by\.email" refused/],
      ['/api/resources?where[supersedes.owner.email][like]=aaron', /^where\[supersedes\.owner\.email\] refused/],
      ['/api/resources?where[supersedes.owner.email][exists]=true', /^where\[supersedes\.owner\.email\] refused/],
      ['/api/resources?joins[supersededBy][sort]=owner.email', /^joins\[supersededBy\]\[sort\]: "owner\.email"/],
      [`/api/jurisdictions?joins[resources][where][owner][equals]=${0}`, /^joins\[resources\]\[where\]\[owner\] refused/],
    ]
    for (const [url, message] of cases) {
      const res = await agents.contributor.get(url.replace('=0', `=${victims[0]!.id}`))
      expect({ url, status: res.status, message: errorOf(res.body) }).toEqual({ url, status: 400, message: expect.stringMatching(message) })
      expect(res.text).not.toContain('victim@example.org')
    }
  })

  it('refuses the same sorts through GraphQL, its join fields and versions', async () => {
    for (const query of [
      '{ Resources(draft: true, sort: "supersedes.owner.email") { docs { id } } }',
      '{ ReviewEvents(sort: "by.email") { docs { id } } }',
      '{ versionsResources(sort: "version.owner") { docs { id } } }',
      '{ Jurisdictions(limit: 5) { docs { resources(sort: "-owner") { docs { id } } } } }',
    ]) {
      const res = await agents.contributor.post('/api/graphql').send({ query })
      expect({ query, error: errorOf(res.body) }).toEqual({ query, error: expect.stringMatching(/refused/) })
    }
  })

  it('lets an editor sort and filter through accounts (they read every account)', async () => {
    const res = await agents.editor.get('/api/resources?draft=true&sort=supersedes.owner.email&where[supersedes.owner.email][like]=victim&limit=10')
    expect(res.status).toBe(200)
    expect(res.body.docs.map((d: { title: string }) => d.title)).toEqual(victims.map((v) => `Draft replacing ${v.email}`))
  })
})

/** Read access with no filter, as the access matrix states it. */
const readsWhole = (role: Role, slug: string) => {
  const level = collectionMatrix[slug]?.read
  return level === 'anyone' || (role === 'editor' && level !== undefined && !['nobody', 'admins'].includes(level))
}
const guarded = (field: FlattenedField) => Boolean(('access' in field && field.access?.read) || field.custom?.queryAccess || ('hidden' in field && field.hidden))
const DATA_TYPES = new Set(['text', 'textarea', 'email', 'number', 'date', 'checkbox', 'select', 'code', 'radio', 'relationship', 'upload'])

type Probe = { path: string; hops: string[]; guarded: boolean; throughJoin: boolean }

/** Paths one and two hops deep through every relationship, upload and join of a collection. */
function probesOf(config: SanitizedCollectionConfig): Probe[] {
  const collection = (slug: string) => app.payload.collections[slug as 'resources'].config
  const targetOf = (f: FlattenedField): unknown => (f.type === 'relationship' || f.type === 'upload' ? f.relationTo : f.type === 'join' ? f.collection : undefined)
  const links = (fields: FlattenedField[]) =>
    fields.filter((f) => typeof targetOf(f) === 'string').map((field) => ({ field, target: targetOf(field) as string }))
  const probes: Probe[] = []
  for (const { field, target } of links(config.flattenedFields)) {
    const targetFields = collection(target).flattenedFields.filter((f) => DATA_TYPES.has(f.type) && !('virtual' in f && f.virtual))
    const join = field.type === 'join'
    // Every field with a read rule of its own, and a few without (they all answer alike).
    const subfields = [...targetFields.filter(guarded), ...targetFields.filter((f) => !guarded(f)).slice(0, 3)]
    for (const sub of subfields) probes.push({ path: `${field.name}.${sub.name}`, hops: [target], guarded: guarded(field) || guarded(sub), throughJoin: join })
    for (const { field: next, target: second } of links(targetFields)) {
      probes.push({ path: `${field.name}.${next.name}.createdAt`, hops: [target, second], guarded: guarded(field) || guarded(next), throughJoin: join })
    }
  }
  return probes
}

describe('every path through a relationship, as every role', () => {
  const roles: Role[] = ['anonymous', 'contributor', 'editor']
  const expectation = (role: Role, probe: Probe) =>
    probe.hops.some((slug) => !readsWhole(role, slug)) || (probe.guarded && role !== 'editor') ? 'refused' : probe.guarded ? 'either' : 'allowed'

  it('REST where and sort: refused (400, naming the parameter) unless every collection on the way is read in full', async () => {
    const wrong: string[] = []
    for (const config of app.payload.config.collections.filter((c) => c.endpoints !== false)) {
      for (const probe of probesOf(config)) {
        for (const role of roles) {
          const expected = expectation(role, probe)
          for (const [url, named] of [
            [`/api/${config.slug}?sort=-${probe.path}&limit=1`, `sort: "${probe.path}" refused`],
            [`/api/${config.slug}?where[${probe.path}][exists]=true&limit=1`, `where[${probe.path}] refused`],
          ] as const) {
            const res = await agents[role].get(url)
            const refused = res.status === 400 && errorOf(res.body).startsWith(named)
            if (res.status >= 500 || (expected === 'refused' && !refused) || (expected === 'allowed' && (refused || ![200, 403].includes(res.status)))) {
              wrong.push(`${role} ${url} → ${res.status} ${errorOf(res.body)} (expected ${expected})`)
            }
          }
        }
      }
    }
    expect(wrong).toEqual([])
  }, 300_000)

  it('GraphQL sort: the same answer', async () => {
    const wrong: string[] = []
    for (const config of app.payload.config.collections.filter((c) => c.graphQL !== false)) {
      const plural = collectionMatrix[config.slug]?.graphQL.plural
      if (!plural) continue
      for (const probe of probesOf(config)) {
        for (const role of roles) {
          const expected = expectation(role, probe)
          const res = await agents[role].post('/api/graphql').send({ query: `{ ${plural}(sort: "${probe.path}", limit: 1) { docs { id } } }` })
          if (/Cannot query field/.test(errorOf(res.body))) break // no such list query (e.g. hidden from GraphQL)
          const refused = errorOf(res.body).startsWith(`sort: "${probe.path}" refused`)
          if (res.status >= 500 || (expected === 'refused' && !refused) || (expected === 'allowed' && refused)) {
            wrong.push(`${role} ${plural}(sort: "${probe.path}") → ${res.status} ${errorOf(res.body)} (expected ${expected})`)
          }
        }
      }
    }
    expect(wrong).toEqual([])
  }, 300_000)

  it('joins: the joined collection’s own rows are filtered by its access, a path beyond it is not; a join is sorted by its own fields', async () => {
    const wrong: string[] = []
    for (const config of app.payload.config.collections) {
      for (const join of Object.values(config.joins ?? {}).flat()) {
        const target = app.payload.collections[join.field.collection as 'resources'].config
        for (const probe of probesOf(target)) {
          for (const role of roles) {
            const expected = expectation(role, probe)
            const where = await agents[role].get(`/api/${config.slug}?limit=1&joins[${join.joinPath}][where][${probe.path}][exists]=true`)
            const refused = where.status === 400 && errorOf(where.body).startsWith(`joins[${join.joinPath}][where][${probe.path}]`)
            // Through a second join is beyond the SQL adapters: refused for everyone.
            const expectedHere = probe.throughJoin ? 'refused' : expected
            if (where.status >= 500 || (expectedHere === 'refused' && !refused) || (expectedHere === 'allowed' && where.status !== 200)) {
              wrong.push(`${role} ${config.slug} joins[${join.joinPath}][where][${probe.path}] → ${where.status} ${errorOf(where.body)} (expected ${expected})`)
            }
            const sort = await agents[role].get(`/api/${config.slug}?limit=1&joins[${join.joinPath}][sort]=${probe.path}`)
            if (sort.status !== 400 || !errorOf(sort.body).startsWith(`joins[${join.joinPath}][sort]: "${probe.path}"`)) {
              wrong.push(`${role} ${config.slug} joins[${join.joinPath}][sort]=${probe.path} → ${sort.status} ${errorOf(sort.body)} (expected 400)`)
            }
          }
        }
      }
    }
    expect(wrong).toEqual([])
  }, 300_000)
})

describe('ownership: a contributor finds their own work, never who owns anything else', () => {
  it('owner equals <me> is answered; any other ownership query, sort or join is refused', async () => {
    const mine = await agents.contributor.get(`/api/resources?draft=true&where[owner][equals]=${attacker.id}`)
    expect(mine.status).toBe(200)
    expect(mine.body.totalDocs).toBe(2)
    const own = await agents.contributor.get(`/api/resources/versions?where[version.owner][equals]=${attacker.id}`)
    expect(own.status).toBe(200)
    const victim = victims[1]!.id
    for (const url of [
      `/api/resources?where[owner][equals]=${victim}`,
      `/api/resources?where[owner][in]=${attacker.id},${victim}`,
      `/api/resources?where[owner][not_equals]=${attacker.id}`,
      `/api/resources?where[owner][exists]=true`,
      '/api/resources?sort=owner',
      `/api/resources/versions?where[version.owner][equals]=${victim}`,
      '/api/resources/versions?sort=-version.owner',
      `/api/resources?joins[supersededBy][where][owner][equals]=${victim}`,
      `/api/jurisdictions?joins[resources][where][owner][equals]=${victim}`,
      '/api/jurisdictions?joins[resources][sort]=owner',
    ]) {
      const res = await agents.contributor.get(url)
      expect({ url, status: res.status }).toEqual({ url, status: 400 })
    }
  })
})

describe('AND/OR in capitals are and/or, for every guard', () => {
  const victimOwns = () => ({ OR: [{ owner: { equals: victims[1]!.id } }] })

  it('GraphQL OR on owner is refused (the ownership guard compared lower case only)', async () => {
    const query = `query ($where: Resource_where) { Resources(where: $where) { docs { id title } } }`
    for (const where of [victimOwns(), { AND: [{ OR: [{ owner: { equals: victims[1]!.id } }] }] }]) {
      const res = await agents.contributor.post('/api/graphql').send({ query, variables: { where } })
      expect(errorOf(res.body)).toMatch(/where\[(AND|OR)\]\[0\].*\[owner\] refused/)
      expect(JSON.stringify(res.body)).not.toContain('zoe.victim@example.org')
    }
  })

  it('REST: bracket and JSON where, and the method override, in any case', async () => {
    const victim = victims[1]!.id
    const json = (where: object) => `where=${encodeURIComponent(JSON.stringify(where))}`
    for (const query of [
      `where[OR][0][owner][equals]=${victim}`,
      `where[Or][0][owner][equals]=${victim}`,
      `where[aNd][0][oR][0][owner][equals]=${victim}`,
      json({ OR: [{ owner: { equals: victim } }] }),
      json({ And: [{ owner: { exists: true } }] }),
    ]) {
      const res = await agents.contributor.get(`/api/resources?${query}`)
      expect({ query, status: res.status, message: errorOf(res.body) }).toEqual({ query, status: 400, message: expect.stringMatching(/\[owner\] refused/) })
      const overridden = await agents.contributor
        .post('/api/resources')
        .set('X-Payload-HTTP-Method-Override', 'GET')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(query)
      expect({ query, status: overridden.status }).toEqual({ query, status: 400 })
    }
  })

  it('runs capitals as Payload runs them: OR matches either clause, as or does', async () => {
    const titles = victims.map((v) => `Published by ${v.email}`)
    const ask = async (key: string) =>
      (await request(app.url).get(`/api/resources?where[${key}][0][title][equals]=${encodeURIComponent(titles[0]!)}&where[${key}][1][title][equals]=${encodeURIComponent(titles[1]!)}`)).body
    for (const key of ['or', 'OR', 'Or']) expect((await ask(key)).totalDocs).toBe(2)
    for (const key of ['and', 'AND']) expect((await ask(key)).totalDocs).toBe(0)
  })

  it('the registration audit records the webinar a list was filtered to with AND', async () => {
    const query = `query ($where: WebinarRegistration_where) { WebinarRegistrations(where: $where) { docs { id } } }`
    const res = await agents.editor.post('/api/graphql').send({ query, variables: { where: { AND: [{ webinar: { equals: webinarId } }] } } })
    expect(res.body.data.WebinarRegistrations.docs).toHaveLength(1)
    const { docs } = await app.payload.find({ collection: 'registration-audit', sort: '-createdAt', limit: 1, depth: 0, overrideAccess: true })
    expect(docs[0]).toMatchObject({ action: 'list', webinar: webinarId, rows: 1 })
  })
})
