/**
 * Every route inventoried: each REST route (Payload's defaults, auth, upload and custom
 * endpoints, globals, root), each GraphQL field and each express route needs an entry in the
 * access matrix (src/security/accessMatrix.ts), and every collection's and global's access
 * functions answer as the matrix says for an anonymous caller, a pending sign-up, an active
 * contributor, an editor and an admin. No collection is left on Payload's default access.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { configToSchema } from '@payloadcms/graphql'
import { createLocalReq, type Access, type PayloadRequest } from 'payload'
import { collections as ownCollections } from '../collections'
import { collectionMatrix, defaultCollectionRoutes, globalMatrix, otherRoutes, type Level } from '../src/security/accessMatrix'
import { createAccount, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.stop()
})

type Endpoint = { method: string; path: string }
const route = (e: Endpoint) => `${e.method.toUpperCase()} ${e.path}`

const DEFAULT_GLOBAL_ROUTES: Record<string, string> = {
  'GET /': 'read',
  'POST /': 'update',
  'GET /versions': 'readVersions',
  'GET /versions/:id': 'readVersions',
  'POST /versions/:id': 'update',
  'POST /access': 'caller',
}

describe('every route has an entry in the access matrix', () => {
  it('REST: collection, global and root endpoints', () => {
    const missing: string[] = []
    const { config } = app.payload
    for (const collection of config.collections) {
      const rules = collectionMatrix[collection.slug] as Record<string, unknown> | undefined
      if (!rules) missing.push(`collection ${collection.slug}`)
      for (const endpoint of (collection.endpoints || []) as Endpoint[]) {
        const operation = defaultCollectionRoutes[route(endpoint)]
        const full = `${endpoint.method.toUpperCase()} /api/${collection.slug}${endpoint.path}`
        if (operation === 'caller') continue
        if (operation && operation !== 'readVersions' && rules?.[operation]) continue
        if (operation === 'readVersions' && (rules?.readVersions || !collection.versions)) continue
        if (!otherRoutes[full]) missing.push(full)
      }
    }
    for (const global of config.globals) {
      if (!globalMatrix[global.slug]) missing.push(`global ${global.slug}`)
      for (const endpoint of (global.endpoints || []) as Endpoint[]) {
        if (DEFAULT_GLOBAL_ROUTES[route(endpoint)]) continue
        const full = `${endpoint.method.toUpperCase()} /api/globals/${global.slug}${endpoint.path}`
        if (!otherRoutes[full]) missing.push(full)
      }
    }
    for (const endpoint of (config.endpoints || []) as Endpoint[]) {
      const full = `${endpoint.method.toUpperCase()} /api${endpoint.path}`
      if (!otherRoutes[full]) missing.push(full)
    }
    expect(missing).toEqual([])
    // No stale entries: the matrix names only collections and globals that exist.
    expect(Object.keys(collectionMatrix).sort()).toEqual(config.collections.map((c) => c.slug).sort())
    expect(Object.keys(globalMatrix).sort()).toEqual(config.globals.map((g) => g.slug).sort())
  })

  it('GraphQL: every query and mutation field', () => {
    const { schema } = configToSchema(app.payload.config)
    const known = new Set<string>()
    for (const [slug, rules] of Object.entries(collectionMatrix)) {
      const { singular: s, plural: p } = rules.graphQL
      const names = [s, p, `count${p}`, `docAccess${s}`, `create${s}`, `update${s}`, `delete${s}`, `duplicate${s}`]
      if (app.payload.config.collections.find((c) => c.slug === slug)?.versions) names.push(`version${s}`, `versions${p}`, `restoreVersion${s}`)
      if (rules.unlock) names.push(`unlock${s}`)
      names.forEach((name) => known.add(name))
    }
    for (const { graphQL: g } of Object.values(globalMatrix)) [g, `docAccess${g}`, `update${g}`, `version${g}`, `versions${g}`, `restoreVersion${g}`].forEach((n) => known.add(n))
    const fields = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()?.getFields() ?? {})]
    const missing = fields.filter((name) => !known.has(name) && !otherRoutes[`graphql ${name}`])
    expect(missing).toEqual([])
    // The account surface is REST-only (rate limits, lockout): no contributor mutation in GraphQL.
    expect(fields.filter((name) => /Contributor$/.test(name) && !/^(Contributor|docAccessContributor|countContributors|meContributor|initializedContributor)$/.test(name))).toEqual([])
    expect(fields.length).toBeGreaterThan(50)
  })

  it('express: every route outside /api, and the limiters in front of /api', () => {
    const stack = (app.app as unknown as { router: { stack: { route?: { path: string | string[]; methods: Record<string, boolean> } }[] } }).router.stack
    const routes = stack
      .filter((layer) => layer.route)
      .flatMap(({ route: r }) => [r!.path].flat().flatMap((path) => Object.keys(r!.methods).map((m) => `${m.toUpperCase()} ${path}`)))
    expect(routes).toEqual(expect.arrayContaining(['GET /healthz', 'GET /readyz', 'POST /api/contributors', 'POST /api/contributors/forgot-password']))
    // A rate limiter in front of an /api route is a route here too: the matrix must know it.
    expect(routes.filter((r) => !otherRoutes[r])).toEqual([])
  })
})

/** What an access function allows: nothing, a filtered set, or everything. */
type Answer = 'none' | 'some' | 'all'
const answer = (result: unknown): Answer => (result === true ? 'all' : result && typeof result === 'object' ? 'some' : 'none')

/** Allowed answers per level, for [anonymous, pending, contributor, editor, admin]. */
const EXPECTED: Record<Level, Answer[][]> = {
  anyone: [['all'], ['all'], ['all'], ['all'], ['all']],
  public: [['some'], ['some'], ['some'], ['all'], ['all']],
  'signed-in': [['none'], ['all'], ['all'], ['all'], ['all']],
  self: [['none'], ['some'], ['some'], ['some', 'all'], ['some', 'all']],
  own: [['none'], ['none'], ['some'], ['some', 'all'], ['some', 'all']],
  active: [['none'], ['none'], ['all'], ['all'], ['all']],
  editors: [['none'], ['none'], ['none'], ['all'], ['all']],
  admins: [['none'], ['none'], ['none'], ['none'], ['all']],
  nobody: [['none'], ['none'], ['none'], ['none'], ['none']],
}

describe('access functions answer as the matrix says', () => {
  let callers: { name: string; req: PayloadRequest }[]
  beforeAll(async () => {
    const user = async (role: 'admin' | 'editor' | 'contributor', status = 'active') => {
      const { id } = await createAccount(app, role, { status })
      const doc = await app.payload.findByID({ collection: 'contributors', id, overrideAccess: true })
      return { ...doc, collection: 'contributors' }
    }
    const users = [null, await user('contributor', 'pending'), await user('contributor'), await user('editor'), await user('admin')]
    callers = await Promise.all(
      users.map(async (u, i) => ({ name: ['anonymous', 'pending', 'contributor', 'editor', 'admin'][i]!, req: await createLocalReq({ user: u as never }, app.payload) })),
    )
  })

  /** A record id that does not exist: per-record rules answer with their filter. */
  const missingId = () => (app.payload.db.defaultIDType === 'number' ? 999999 : 'ffffffffffffffffffffffff')

  async function check(kind: string, slug: string, operation: string, access: Access | undefined, level: Level) {
    expect(access).toBeDefined()
    const got: Answer[] = []
    for (const { req } of callers) {
      const id = ['update', 'delete', 'unlock'].includes(operation) ? missingId() : undefined
      got.push(answer(await access!({ req, id, data: {} } as never)))
    }
    const wrong = got.map((a, i) => (EXPECTED[level][i]!.includes(a) ? undefined : `${callers[i]!.name}: ${a}`)).filter(Boolean)
    expect({ [`${kind} ${slug}.${operation} (${level})`]: wrong }).toEqual({ [`${kind} ${slug}.${operation} (${level})`]: [] })
  }

  it('collections', async () => {
    for (const collection of app.payload.config.collections) {
      const rules = collectionMatrix[collection.slug]!
      const operations = ['read', 'create', 'update', 'delete'] as const
      for (const op of operations) await check('collection', collection.slug, op, collection.access[op], rules[op])
      if (collection.versions) {
        expect(rules.readVersions).toBeDefined()
        await check('collection', collection.slug, 'readVersions', collection.access.readVersions, rules.readVersions!)
      }
      if (collection.auth) {
        expect([rules.unlock, rules.admin]).not.toContain(undefined)
        await check('collection', collection.slug, 'unlock', collection.access.unlock, rules.unlock!)
        await check('collection', collection.slug, 'admin', collection.access.admin as Access, rules.admin!)
      }
    }
  })

  it('globals', async () => {
    for (const global of app.payload.config.globals) {
      const rules = globalMatrix[global.slug]!
      await check('global', global.slug, 'read', global.access.read, rules.read)
      await check('global', global.slug, 'update', global.access.update, rules.update)
    }
  })

  it('no collection of ours relies on a default: every operation is set in its config', () => {
    const unset: string[] = []
    for (const collection of ownCollections) {
      const ops = ['read', 'create', 'update', 'delete']
      if (collection.versions) ops.push('readVersions')
      if (collection.auth) ops.push('unlock', 'admin')
      for (const op of ops) if (!collection.access?.[op as keyof typeof collection.access]) unset.push(`${collection.slug}.${op}`)
    }
    expect(unset).toEqual([])
  })
})
