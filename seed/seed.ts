import crypto from 'node:crypto'
import { passwordProblem } from '../collections/Contributors/password/policy'
import type { CollectionSlug, Payload } from 'payload'
import { jurisdictions } from './data/jurisdictions'
import { PROVISION_CATEGORIES } from '../collections/Resources/provisions'
import { MODEL_LAW, provisions, provisionsProvided } from './data/provisions'
import { organizations } from './data/organizations'
import { resources } from './data/resources'
import { topics } from './data/topics'
import { paragraphs } from './lexical'
import { upsert } from './upsert'

type Id = string | number

/**
 * Reference data (jurisdictions, organizations, topics) and demo resources. Idempotent: it
 * upserts by `code` / `slug`, and a second run changes nothing.
 */
export async function seed(payload: Payload): Promise<void> {
  const jurisdictionIds = new Map<string, Id>()
  for (const { parent, protectionSummary, scope, remedy, ...j } of jurisdictions) {
    const localized = { protectionSummary, scope, remedy }
    const data = {
      ...j,
      protectionStatus: j.protectionStatus ?? 'unknown',
      parent: parent ? must(jurisdictionIds, parent) : null,
      ...Object.fromEntries(Object.entries(localized).map(([field, text]) => [field, text?.en ?? null])),
    }
    const spanish = Object.entries(localized).filter(([, text]) => text?.es).map(([field, text]) => [field, text!.es])
    const es = spanish.length ? Object.fromEntries(spanish) : undefined
    jurisdictionIds.set(j.code, await upsert(payload, { collection: 'jurisdictions', key: 'code', data, es }))
  }

  const organizationIds = new Map<string, Id>()
  for (const o of organizations) {
    const data = { ...o, website: o.website ?? null, jurisdictions: o.jurisdictions.map((c) => must(jurisdictionIds, c)) }
    organizationIds.set(o.slug, await upsert(payload, { collection: 'organizations', key: 'slug', data }))
  }

  const topicIds = new Map<string, Id>()
  for (const t of topics) {
    topicIds.set(t.slug, await upsert(payload, { collection: 'topics', key: 'slug', data: { slug: t.slug, name: t.name.en }, es: { name: t.name.es } }))
  }

  const provisionIds = new Map<string, Id>()
  for (const p of provisions) {
    const data = { key: p.key, order: p.order, name: p.name.en, description: p.description.en }
    provisionIds.set(p.key, await upsert(payload, { collection: 'provisions', key: 'key', data, es: { name: p.name.es, description: p.description.es } }))
  }

  const resourceIds = new Map<string, Id>()
  for (const { en, es, status = 'published', ...r } of resources) {
    const data = {
      ...r,
      title: en.title,
      summary: en.summary,
      body: en.body ? paragraphs(en.body) : null,
      jurisdictions: r.jurisdictions.map((c) => must(jurisdictionIds, c)),
      organizations: (r.organizations ?? []).map((s) => must(organizationIds, s)),
      topics: (r.topics ?? []).map((s) => must(topicIds, s)),
      supersedes: (r.supersedes ?? []).map((s) => must(resourceIds, s)),
      language: r.language ?? [],
      socialPosts: r.socialPosts ?? [],
      // Only law and policy carry provisions (collections/Resources/provisions.ts): elsewhere they are stored empty.
      ...(PROVISION_CATEGORIES.includes(r.category as never)
        ? {
            provisions: (provisionsProvided[r.slug] ?? []).map((p) => ({ provision: must(provisionIds, p.provision), section: p.section ?? null, quote: null, extent: p.extent ?? 'full' })),
            isModel: r.slug === MODEL_LAW,
          }
        : {}),
    }
    resourceIds.set(r.slug, await upsert(payload, { collection: 'resources', key: 'slug', data, es, status }))
  }
}

function must(ids: Map<string, Id>, key: string): Id {
  const id = ids.get(key)
  if (id === undefined) throw new Error(`Seed data refers to "${key}", which is not seeded before it.`)
  return id
}

export const DEMO_ACCOUNTS = [
  { email: 'admin@example.org', name: 'Demo Admin', role: 'admin' },
  { email: 'editor@example.org', name: 'Demo Editor', role: 'editor' },
  // A regional editor: reviews New York's submissions (and its counties' and cities'), and is the one emailed for them.
  { email: 'editor-ny@example.org', name: 'Demo Regional Editor (New York)', role: 'editor', jurisdictions: ['US-NY'] },
  { email: 'leader@example.org', name: 'Demo Campaign Leader (New York)', role: 'contributor', jurisdictions: ['US-NY'], organization: 'demo-statewide-coalition' },
] as const

/**
 * Demo sign-ins for development, only into a database without any account, and never in
 * production. The password is SEED_PASSWORD, or a random one printed once (to the terminal, not the log).
 */
export async function seedDemoAccounts(payload: Payload, { production }: { production: boolean }): Promise<boolean> {
  if (production) return false
  if ((await payload.count({ collection: 'contributors', overrideAccess: true })).totalDocs > 0) return false
  const password = process.env.SEED_PASSWORD || crypto.randomBytes(18).toString('base64url')
  // The password policy applies to demo accounts too (collections/Contributors/password/policy.ts).
  const problem = passwordProblem(password)
  if (problem) throw new Error(`SEED_PASSWORD is refused: ${problem}`)
  for (const account of DEMO_ACCOUNTS) {
    const jurisdictions = 'jurisdictions' in account ? await idsOf(payload, 'jurisdictions', 'code', account.jurisdictions) : []
    const [organization] = 'organization' in account ? await idsOf(payload, 'organizations', 'slug', [account.organization]) : []
    await payload.create({
      collection: 'contributors',
      data: { email: account.email, name: account.name, role: account.role, status: 'active', password, jurisdictions, organization } as never,
      overrideAccess: true,
    })
  }
  if (!process.env.SEED_PASSWORD) {
    process.stdout.write(
      `\nDemo accounts (development only): ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}\nPassword (shown once; set SEED_PASSWORD to choose it): ${password}\n\n`,
    )
  }
  return true
}

async function idsOf(payload: Payload, collection: CollectionSlug, key: string, values: readonly string[]): Promise<Id[]> {
  const { docs } = await payload.find({ collection, where: { [key]: { in: values } }, depth: 0, limit: values.length, overrideAccess: true })
  return docs.map((doc) => doc.id)
}

/** Nothing seeded and nobody signed up: a fresh embedded database. */
export async function isEmptyDatabase(payload: Payload): Promise<boolean> {
  for (const collection of ['jurisdictions', 'resources', 'contributors'] as const) {
    if ((await payload.count({ collection, overrideAccess: true })).totalDocs > 0) return false
  }
  return true
}

/** The start command seeds an empty database so a newcomer sees a populated admin panel. */
export async function seedIfEmpty(payload: Payload, { production = false }: { production?: boolean } = {}): Promise<void> {
  if (!(await isEmptyDatabase(payload))) return
  payload.logger.info('Empty database: seeding reference and demo content')
  await seed(payload)
  await seedDemoAccounts(payload, { production })
}
