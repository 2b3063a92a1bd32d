/**
 * The read model's answers for the custom endpoints that read published resources: the toolkit's
 * per-section lists (indexed range reads), the feeds' newest items, search's sign-offs; and the
 * public site's sections. Each read is one snapshot of the model (./store.ts `readTables`) returning
 * the stored depth-0 documents, parsed: the endpoint builds its answer from them exactly as from
 * Payload's. Undefined whenever the model cannot answer (off, unsettled, a row stale): the
 * endpoint reads through Payload as before.
 */
import type { PayloadRequest } from 'payload'
import { readModel } from './index'
import { answerable, type KeptStatement } from './store'

const DOCS = 'read_model_docs'
const REFS = 'read_model_refs'
type Doc = Record<string, unknown> & { id: string | number }
export type ModelLocale = 'en' | 'es'

/**
 * The model may answer a custom endpoint's request: an anonymous caller (what the model holds is
 * the anonymous rendering), and no parameter but those the endpoint reads itself, each once
 * (Payload reads others into the request, e.g. `fallback-locale`: those requests are Payload's).
 */
export function modelMayAnswer(req: PayloadRequest, parameters: readonly string[]): boolean {
  if (req.user) return false
  const seen = new Set<string>()
  for (const key of new URL(req.url ?? 'http://x/', 'http://x').searchParams.keys()) {
    if (!parameters.includes(key) || seen.has(key)) return false
    seen.add(key)
  }
  return true
}

/** `req`'s locale when the model renders it in one language; undefined otherwise. */
export const modelLocale = (locale: unknown): ModelLocale | undefined => (locale === 'en' || locale === 'es' ? locale : undefined)

/**
 * The published resources naming a jurisdiction, as a jurisdiction's `resources` join lists them:
 * once per naming (Payload's join reads the relationship rows, so a resource naming it twice is
 * listed and counted twice; `times` below). Written as `EXISTS` so that SQLite reads the page in the
 * order of the sort's index, stopping at the limit, and checks each row in the refs index (an `IN`
 * list is built whole first: its cost grew with the model).
 */
const naming = `EXISTS (SELECT 1 FROM ${REFS} n WHERE n.relation = 'jurisdictions' AND n.target = ? AND n.resource_id = ${DOCS}.resource_id)`
const times = `(SELECT count(*) FROM ${REFS} r WHERE r.relation = 'jurisdictions' AND r.target = ? AND r.resource_id = ${DOCS}.resource_id)`

/** Parsed documents of `rows`, or undefined when one of them may not be answered from the model at `now`. */
function parsed(rows: Record<string, unknown>[], now: number): Doc[] | undefined {
  if (!rows.every((row) => answerable(row, now))) return undefined
  return rows.map((row) => JSON.parse(String(row.json)) as Doc)
}

/** One list: resources naming `jurisdiction` (undefined: any), in `section` (null: in none; undefined: any). */
export type NewestGroup = { jurisdiction?: string; section?: string | null }

/** One list's page (each row with the `times` it is listed) and count: the page an index range read in the sort's order. */
export function newestListStatements(group: NewestGroup, locale: ModelLocale, limit: number): [KeptStatement, KeptStatement] {
  const where = ['locale = ?', 'depth = 0']
  const args: (string | number)[] = [locale]
  if (group.section === null) where.push('section IS NULL')
  else if (group.section !== undefined) where.push('section = ?') && args.push(group.section)
  const order = `ORDER BY json_extract(json, '$.issuedAt') DESC, created_at DESC LIMIT ?`
  const jurisdiction = group.jurisdiction
  // The index in the lists' order, named (the planner, with sampled statistics, may sort instead).
  const index = `INDEXED BY ${DOCS}_${group.section !== undefined ? 'section_' : ''}issued`
  if (jurisdiction === undefined) {
    const filter = `FROM ${DOCS} ${index} WHERE ${where.join(' AND ')}`
    return [
      { sql: `SELECT json, volatile, stale_after, 1 AS times ${filter} ${order}`, args: [...args, limit] },
      { sql: `SELECT count(*) AS n ${filter}`, args, keep: true },
    ]
  }
  const filter = `FROM ${DOCS} ${index} WHERE ${[...where, naming].join(' AND ')}`
  return [
    { sql: `SELECT json, volatile, stale_after, ${times} AS times ${filter} ${order}`, args: [jurisdiction, ...args, jurisdiction, limit] },
    { sql: `SELECT coalesce(sum(${times}), 0) AS n ${filter}`, args: [jurisdiction, ...args, jurisdiction], keep: true },
  ]
}

/**
 * Lists of the newest `limit` published resources (by issuedAt, then createdAt, as Payload orders
 * `sort=-issuedAt`, in a find or a join) with their counts, in one snapshot: an index range read
 * each. The toolkit's lists, and the public site's sections.
 */
export function newestLists(endpoint: string, groups: NewestGroup[], locale: ModelLocale, limit: number): Promise<{ docs: Doc[]; totalDocs: number }[] | undefined> {
  return readModel.readFor(endpoint, async (store, now) => {
    const statements: KeptStatement[] = []
    for (const group of groups) statements.push(...newestListStatements(group, locale, limit))
    if (!store.readTables) return undefined
    const results = await store.readTables(statements)
    if (!results) return undefined
    const lists: { docs: Doc[]; totalDocs: number }[] = []
    for (let i = 0; i < groups.length; i++) {
      const rows = results[2 * i]!
      const docs = parsed(rows, now)
      if (!docs) return undefined
      const repeated = docs.flatMap((doc, at) => Array<Doc>(Number(rows[at]!.times)).fill(doc)).slice(0, limit)
      lists.push({ docs: repeated, totalDocs: Number(results[2 * i + 1]![0]?.n ?? 0) })
    }
    return lists
  })
}

/**
 * The feeds' items: the newest `limit` published resources (by publishedAt, then updatedAt, then
 * createdAt, as Payload orders them), in a category and naming one of `jurisdictions` when given,
 * with their jurisdictions' codes by id.
 */
export function feedItems(query: { locale: ModelLocale; category?: string; jurisdictions?: string[]; limit: number }): Promise<{ docs: Doc[]; codes: Map<string, string> } | undefined> {
  return readModel.readFor('feed', async (store, now) => {
    const where = ['locale = ?', 'depth = 0']
    const args: (string | number)[] = [query.locale]
    if (query.category !== undefined) where.push('category = ?') && args.push(query.category)
    if (query.jurisdictions) {
      where.push(`resource_id IN (SELECT resource_id FROM ${REFS} WHERE relation = 'jurisdictions' AND target IN (${query.jurisdictions.map(() => '?').join(', ')}))`)
      args.push(...query.jurisdictions)
    }
    // The index in the feed's order, named: with sampled statistics (src/db/database.ts tuneSqlite) the planner may sort instead.
    const index = `${DOCS}_${query.category !== undefined ? 'category_' : ''}feed`
    const page = `SELECT resource_id, json, volatile, stale_after FROM ${DOCS} INDEXED BY ${index} WHERE ${where.join(' AND ')} ORDER BY published_at DESC, updated_at DESC, created_at DESC LIMIT ?`
    if (!store.readTables) return undefined
    const results = await store.readTables([
      { sql: page, args: [...args, query.limit] },
      { sql: `SELECT DISTINCT target, code FROM ${REFS} WHERE relation = 'jurisdictions' AND resource_id IN (SELECT resource_id FROM (${page}))`, args: [...args, query.limit] },
    ])
    const docs = results && parsed(results[0]!, now)
    if (!results || !docs) return undefined
    const codes = new Map<string, string>()
    for (const row of results[1]!) if (row.code !== null && row.code !== undefined) codes.set(String(row.target), String(row.code))
    return { docs, codes }
  })
}

/** The stored documents of `ids` (those published), by id: what search shows of each hit beside its index entry. */
export function resourcesById(endpoint: string, ids: string[], locale: ModelLocale): Promise<Map<string, Doc> | undefined> {
  return readModel.readFor(endpoint, async (store, now) => {
    if (!store.readTables) return undefined
    const results = ids.length
      ? await store.readTables([{ sql: `SELECT json, volatile, stale_after FROM ${DOCS} WHERE locale = ? AND depth = 0 AND resource_id IN (${ids.map(() => '?').join(', ')})`, args: [locale, ...ids] }])
      : [[]]
    const docs = results && parsed(results[0]!, now)
    return docs && new Map(docs.map((doc) => [String(doc.id), doc]))
  })
}
