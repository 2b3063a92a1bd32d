/**
 * Seeded benchmark databases under ./data/bench/: the 57 jurisdictions, organizations and topics
 * of the real seed, then `size` published resources plus 10% more (half drafts, half in review)
 * with realistic field sizes in both locales, a published webinar and an editor account. A file
 * that already exists is reused (its sidecar .json says how it was made).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { paragraphs } from '../../seed/lexical'
import { seed } from '../../seed/seed'
import { CATEGORIES, SECTIONS } from '../../collections/Resources/options'
import { tuneSqlite } from '../../src/db/database'
import { assignSlugs, insertResources, type BulkResource } from '../../src/bulk/resources'
import { EDITOR, LOGIN_ACCOUNTS, loginAccount } from './accounts'

export const BENCH_DIR = path.resolve('data/bench')

/** Makes the login accounts when missing (files seeded before they existed get them at the server's start). */
export async function ensureLoginAccounts(payload: Payload): Promise<void> {
  for (let n = 0; n < LOGIN_ACCOUNTS; n++) {
    const { email, password } = loginAccount(n)
    const { totalDocs } = await payload.count({ collection: 'contributors', where: { email: { equals: email } }, overrideAccess: true })
    if (totalDocs) continue
    await payload.create({
      collection: 'contributors',
      data: { email, password, name: `Bench Login ${n}`, role: 'editor', status: 'active' } as never,
      overrideAccess: true,
    })
  }
}

export type SeedInfo = {
  size: number
  total: number
  seconds: number
  perSecond: number
  cpuSeconds: number
  perCpuSecond: number
  /** 'migrations': made as `npm start` makes a database (older files were made by the schema push and are made again). */
  schema?: 'migrations'
  /** The read model built into the file after seeding (scripts/bench/server.ts), so no run builds it at start. */
  readModelBuild?: { seconds: number; resources: number }
}

// A deterministic generator, so two seeded files of one size hold the same content.
function random(seed: number) {
  let s = seed >>> 0
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}
const WORDS =
  'court courthouse immigration arrest enforcement judge policy state county protect access justice witness victim hearing civil rule directive statute campaign coalition community legal counsel rights order federal agency public safety notice warrant'.split(
    ' ',
  )
const PALABRAS = 'tribunal inmigración arresto juez política estado condado proteger acceso justicia testigo víctima audiencia regla directiva ley campaña coalición comunidad derechos orden'.split(' ')

function words(next: () => number, list: string[], count: number): string {
  return Array.from({ length: count }, () => list[Math.floor(next() * list.length)]).join(' ')
}
const sentence = (next: () => number, list: string[], count: number) => {
  const text = words(next, list, count)
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`
}

type Ids = { jurisdictions: (string | number)[]; topics: (string | number)[]; organizations: (string | number)[] }

export function generate(count: number, ids: Ids, seedValue = 1): BulkResource[] {
  return [...generateChunks(count, ids, count, seedValue)].flat()
}

/** The same records as `generate`, `chunk` at a time: 110,000 at once held ~5 GB in the seeding process. */
export function* generateChunks(count: number, ids: Ids, chunk: number, seedValue = 1): Generator<BulkResource[]> {
  const next = random(seedValue)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
  let records: BulkResource[] = []
  for (let i = 0; i < count; i++) {
    const title = `${sentence(next, WORDS, 6 + Math.floor(next() * 8))} ${i + 1}`
    const summary = Array.from({ length: 3 }, () => sentence(next, WORDS, 14)).join(' ')
    const body = Array.from({ length: 4 + Math.floor(next() * 4) }, () => Array.from({ length: 4 }, () => sentence(next, WORDS, 15)).join(' '))
    const published = i % 11 < 10 // 10 published for 1 unpublished: +10% drafts and in-review items
    records.push({
      title: { en: title, es: `${sentence(next, PALABRAS, 8)} ${i + 1}` },
      summary: { en: summary, es: Array.from({ length: 3 }, () => sentence(next, PALABRAS, 14)).join(' ') },
      body: { en: paragraphs(body), es: paragraphs(body.slice(0, 2)) },
      category: pick(CATEGORIES).value,
      section: pick(SECTIONS).value,
      jurisdictions: [pick(ids.jurisdictions), ...(next() < 0.2 ? [pick(ids.jurisdictions)] : [])].filter((v, n, a) => a.indexOf(v) === n),
      topics: [pick(ids.topics)],
      organizations: next() < 0.5 ? [pick(ids.organizations)] : [],
      issuedBy: { en: sentence(next, WORDS, 5), es: sentence(next, PALABRAS, 5) },
      issuedAt: new Date(Date.UTC(2010 + Math.floor(next() * 15), Math.floor(next() * 12), 1 + Math.floor(next() * 28))).toISOString(),
      links: [{ label: { en: 'Official text', es: 'Texto oficial' }, url: `https://example.org/doc/${i + 1}` }],
      language: next() < 0.5 ? ['en', 'es'] : ['en'],
      reviewStatus: published ? 'published' : i % 2 ? 'in_review' : 'draft',
      publishedAt: published ? new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString() : null,
    })
    if (records.length === chunk || i === count - 1) {
      yield records
      records = []
    }
  }
}

async function ids(payload: Payload, collection: 'jurisdictions' | 'topics' | 'organizations') {
  const { docs } = await payload.find({ collection, pagination: false, depth: 0, select: {}, overrideAccess: true })
  return docs.map((d) => d.id)
}

/** Records generated, slugged and inserted at a time (generation and the slug check included in the timing). */
const SEED_CHUNK = 10_000

/** Fills an empty database; `progress` is called as batches commit. */
export async function seedBench(payload: Payload, size: number, progress: (done: number, total: number) => void): Promise<SeedInfo> {
  await seed(payload)
  await payload.create({
    collection: 'contributors',
    data: { ...EDITOR, name: 'Bench Editor', role: 'editor', status: 'active' } as never,
    overrideAccess: true,
  })
  const startsAt = new Date(Date.now() + 30 * 24 * 3600_000)
  await payload.create({
    collection: 'webinars',
    data: {
      title: 'Building a campaign (benchmark)',
      description: 'How to build an ICE Out of Courts campaign.',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
      timezone: 'America/New_York',
      joinUrl: 'https://meet.example.org/bench',
      registrationOpen: true,
      language: 'en',
      _status: 'published',
    } as never,
    overrideAccess: true,
  })
  const total = Math.round(size * 1.1)
  const chunks = generateChunks(total, {
    jurisdictions: await ids(payload, 'jurisdictions'),
    topics: await ids(payload, 'topics'),
    organizations: await ids(payload, 'organizations'),
  }, SEED_CHUNK)
  const started = performance.now()
  const cpu = process.cpuUsage()
  let done = 0
  for (const records of chunks) {
    await assignSlugs(payload, records)
    await insertResources(payload, records, { onProgress: (n) => progress(done + n, total), batchSize: 1000 })
    done += records.length
  }
  const seconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  const cpuSeconds = (used.user + used.system) / 1e6
  await tuneSqlite(payload)
  // On a shared machine wall time depends on the neighbours; CPU time is this process's own cost.
  return { size, total, seconds, perSecond: total / seconds, cpuSeconds, perCpuSecond: total / cpuSeconds }
}

/** The Local API's rate on this machine, for the record: `count` creates in a scratch database. */
export async function localApiRate(payload: Payload, count: number): Promise<{ perSecond: number; perCpuSecond: number }> {
  await seed(payload)
  const records = generate(count, {
    jurisdictions: await ids(payload, 'jurisdictions'),
    topics: await ids(payload, 'topics'),
    organizations: await ids(payload, 'organizations'),
  }, 7)
  const started = performance.now()
  const cpu = process.cpuUsage()
  for (const r of records) {
    await payload.create({
      collection: 'resources',
      locale: 'en',
      overrideAccess: true,
      data: {
        title: r.title.en,
        summary: r.summary?.en,
        body: r.body?.en,
        category: r.category,
        section: r.section,
        jurisdictions: r.jurisdictions,
        topics: r.topics,
        organizations: r.organizations,
        issuedBy: r.issuedBy?.en,
        issuedAt: r.issuedAt,
        links: r.links?.map((l) => ({ label: l.label.en, url: l.url })),
        language: r.language,
        _status: 'published',
        reviewStatus: 'published',
      } as never,
    })
  }
  const used = process.cpuUsage(cpu)
  return { perSecond: count / ((performance.now() - started) / 1000), perCpuSecond: count / ((used.user + used.system) / 1e6) }
}

export function sidecar(file: string): SeedInfo | undefined {
  const info = `${file}.json`
  return fs.existsSync(file) && fs.existsSync(info) ? (JSON.parse(fs.readFileSync(info, 'utf8')) as SeedInfo) : undefined
}
