/**
 * Where the read model lives: two tables in the SQLite database itself, written through the
 * adapter's client (so every write takes its turn with Payload's transactions, see
 * src/db/sqliteWriteLock.ts) and read on the main connection. Derived data: dropped before the
 * development schema push (src/db/database.ts) and rebuilt at start when missing or of another
 * format (./index.ts). ./stores.ts has the interface ./index.ts uses; on MongoDB the same model
 * is kept in collections (./mongoStore.ts, ./mongoQueries.ts).
 */
import { randomUUID } from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import type { ListQuery, Locale } from './query'

/** Bump when a column or the stored JSON changes meaning: the model is rebuilt at the next start. */
export const FORMAT_VERSION = '5'

const DOCS = 'read_model_docs'
const REFS = 'read_model_refs'
const META = 'read_model_meta'
/**
 * One row per write not yet rendered, inserted in the write's own transaction and deleted in the
 * transaction that stores its rendering: while any is there, whichever process wrote it, the
 * model answers nothing (reads see both in one snapshot).
 */
const PENDING = 'read_model_pending'

/** One rendered resource for one locale and depth: Payload's anonymous JSON and the columns a query uses. */
export type StoredDoc = {
  id: string
  locale: Locale
  depth: number
  slug: string | null
  category: string | null
  section: string | null
  publishedAt: string | null
  updatedAt: string | null
  createdAt: string | null
  /** The raw title in this row's locale (no fallback: what Payload sorts on); null for `all`. */
  titleSort: string | null
  /** Never answered from the model (see render.ts). */
  volatile: boolean
  /** Not answered from the model from this time on (ms; a verification status turns), until re-rendered. */
  staleAfter: number | null
  json: string
}

/** What a resource names (what filters match on, and whose changes re-render it). */
export type StoredRef = { id: string; relation: string; target: string; code: string | null }

export type Statement = { sql: string; args: (string | number | null)[] }
type Client = {
  execute: (stmt: string | Statement) => Promise<{ rows: Record<string, unknown>[] }>
  batch: (stmts: (string | Statement)[], mode?: 'write' | 'read' | 'deferred') => Promise<{ rows: Record<string, unknown>[] }[]>
  /** The writer connection's transaction (src/db/sqliteWriteLock.ts). */
  transaction?: (mode: 'write') => Promise<{ batch: (stmts: (string | Statement)[]) => Promise<{ rows: Record<string, unknown>[] }[]>; commit: () => Promise<void>; rollback: () => Promise<void> }>
}

const SORT_COLUMNS = ['updated_at', 'published_at', 'title_sort']
const FILTER_COLUMNS = ['category', 'section', 'slug']

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS ${META} (key TEXT PRIMARY KEY, value TEXT)`,
  `CREATE TABLE IF NOT EXISTS ${PENDING} (token TEXT PRIMARY KEY, at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS ${DOCS} (resource_id TEXT NOT NULL, locale TEXT NOT NULL, depth INTEGER NOT NULL,
     slug TEXT, category TEXT, section TEXT, published_at TEXT, updated_at TEXT, created_at TEXT, title_sort TEXT,
     volatile INTEGER NOT NULL, stale_after INTEGER, json TEXT NOT NULL, PRIMARY KEY (resource_id, locale, depth))`,
  `CREATE INDEX IF NOT EXISTS ${DOCS}_stale_after ON ${DOCS} (stale_after) WHERE stale_after IS NOT NULL`,
  // Every list reads one locale and depth in one order (then created_at, Payload's tie-break): each
  // sort, alone or after each filter, leads an index that also holds the id, so a page is read in
  // order and stops at `limit`, checking a jurisdiction filter without reading the stored JSON.
  ...SORT_COLUMNS.flatMap((sort) =>
    [undefined, ...FILTER_COLUMNS].map(
      (filter) =>
        `CREATE INDEX IF NOT EXISTS ${DOCS}_${filter ? `${filter}_` : ''}${sort} ON ${DOCS} (locale, depth, ${filter ? `${filter}, ` : ''}${sort}, created_at, resource_id)`,
    ),
  ),
  // The toolkit's lists (newest issuedAt first, per section or not; ./endpointReads.ts) and the feeds (newest
  // publishedAt, then updatedAt, per category or not). issuedAt read from the stored JSON: no column, no new format.
  `CREATE INDEX IF NOT EXISTS ${DOCS}_issued ON ${DOCS} (locale, depth, json_extract(json, '$.issuedAt'), created_at, resource_id)`,
  `CREATE INDEX IF NOT EXISTS ${DOCS}_section_issued ON ${DOCS} (locale, depth, section, json_extract(json, '$.issuedAt'), created_at, resource_id)`,
  `CREATE INDEX IF NOT EXISTS ${DOCS}_feed ON ${DOCS} (locale, depth, published_at, updated_at, created_at, resource_id)`,
  `CREATE INDEX IF NOT EXISTS ${DOCS}_category_feed ON ${DOCS} (locale, depth, category, published_at, updated_at, created_at, resource_id)`,
  `CREATE TABLE IF NOT EXISTS ${REFS} (resource_id TEXT NOT NULL, relation TEXT NOT NULL, target TEXT NOT NULL, code TEXT)`,
  `CREATE INDEX IF NOT EXISTS ${REFS}_target ON ${REFS} (relation, target, resource_id)`,
  `CREATE INDEX IF NOT EXISTS ${REFS}_code ON ${REFS} (relation, code, resource_id)`,
  `CREATE INDEX IF NOT EXISTS ${REFS}_resource ON ${REFS} (resource_id)`,
]

/** The read model's tables on the SQLite database `payload` uses; undefined on any other adapter. */
export function sqliteStore(payload: Payload): ReadModelStore | undefined {
  const db = payload.db as unknown as { name: string; client?: Client }
  return db.name === 'sqlite' && db.client ? new ReadModelStore(db.client) : undefined
}

/** Drops the tables (the development schema push would otherwise offer to delete them, and wait for an answer). */
export async function dropReadModel(url: string): Promise<void> {
  // Loaded here only: on MongoDB the SQLite client is never imported (docs/MONGODB.md).
  const { createClient } = await import('@libsql/client')
  const client = createClient({ url })
  try {
    for (const table of [DOCS, REFS, META, PENDING]) await client.execute(`DROP TABLE IF EXISTS ${table}`)
  } finally {
    client.close()
  }
}

type Session = { db: { run: (query: unknown) => Promise<unknown> } }
const modelled = new WeakMap<object, boolean>()

/**
 * Records a write the model has not rendered yet, in `req`'s transaction when it has one, and
 * returns its token; undefined where there is no model (another adapter, or never built).
 */
export async function markPending(req: PayloadRequest): Promise<string | undefined> {
  const db = req.payload.db as unknown as { name: string; client?: Client; sessions?: Record<string, Session> }
  if (db.name !== 'sqlite' || !db.client) return undefined
  if (!modelled.get(db.client)) {
    const { rows } = await db.client.execute({ sql: `SELECT 1 FROM sqlite_master WHERE name = ?`, args: [PENDING] })
    if (!rows.length) return undefined
    modelled.set(db.client, true)
  }
  const token = randomUUID()
  const at = new Date().toISOString()
  const transaction = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  const session = transaction !== undefined && transaction !== null ? db.sessions?.[String(transaction)] : undefined
  if (session) {
    // Loaded here: a MongoDB deployment never loads the SQLite adapter (src/db/database.ts).
    const { sql } = await import('@payloadcms/db-sqlite')
    await session.db.run(sql`INSERT INTO ${sql.raw(PENDING)} (token, at) VALUES (${token}, ${at})`)
  }
  else await db.client.execute({ sql: `INSERT INTO ${PENDING} (token, at) VALUES (?, ?)`, args: [token, at] })
  return token
}

const UNSETTLED: Statement = { sql: `SELECT 1 FROM ${PENDING} LIMIT 1`, args: [] }
/** A token every write of the model's tables replaces (./store.ts `write`), by any process: counts are kept until it moves. */
const CHANGES: Statement = { sql: `SELECT value FROM ${META} WHERE key = 'changes'`, args: [] }
/** Kept results (./store.ts `readTables`), at most. */
const MAX_KEPT = 5_000
/** A read; `keep`: its result may be kept until the model changes (a count). */
export type KeptStatement = Statement & { keep?: boolean }

const COLUMN: Record<ListQuery['sort']['field'], string> = { updatedAt: 'updated_at', publishedAt: 'published_at', title: 'title_sort' }

export class ReadModelStore {
  /** Results of kept statements (counts), as of one `changes` token. */
  private kept: { changes: unknown; byStatement: Map<string, Record<string, unknown>[]> } = { changes: undefined, byStatement: new Map() }

  constructor(private readonly client: Client) {}

  /** Creates the tables when missing; true when they hold a complete model of this format. */
  async open(): Promise<boolean> {
    const exists = (await this.client.execute({ sql: `SELECT 1 FROM sqlite_master WHERE name = ?`, args: [META] })).rows.length > 0
    const format = exists ? (await this.client.execute({ sql: `SELECT value FROM ${META} WHERE key = ?`, args: ['format'] })).rows[0]?.value : undefined
    // Another format: tables and indexes made afresh (pending marks go too: the rebuild renders everything).
    // No format at all is a build in progress (maybe another process's): its tables stay, unless older than this format.
    const columns = (await this.client.execute(`PRAGMA table_info(${DOCS})`)).rows.map((row) => String(row.name))
    const older = format !== undefined ? format !== FORMAT_VERSION : columns.length > 0 && !columns.includes('volatile')
    // One transaction: the tables exist again before `write` records the change in META.
    await this.write([...(older ? [DOCS, REFS, META, PENDING].map((table) => `DROP TABLE IF EXISTS ${table}`) : []), ...SCHEMA])
    return format === FORMAT_VERSION
  }

  /** Empties the model and marks it incomplete until `complete()`. */
  async clear(): Promise<void> {
    await this.write([`DELETE FROM ${META}`, `DELETE FROM ${DOCS}`, `DELETE FROM ${REFS}`])
  }

  async complete(): Promise<void> {
    await this.write([{ sql: `INSERT OR REPLACE INTO ${META} (key, value) VALUES (?, ?)`, args: ['format', FORMAT_VERSION] }])
  }

  /**
   * Writes in one transaction on the writer connection (src/db/sqliteWriteLock.ts), in turn with
   * Payload's. Never on the main connection, which every read uses: a write there failed with
   * SQLITE_BUSY_SNAPSHOT when that connection read from an older snapshot (see ReadModel.untilVisible).
   */
  private async write(stmts: (string | Statement)[]): Promise<void> {
    stmts = [...stmts, { sql: `INSERT OR REPLACE INTO ${META} (key, value) VALUES ('changes', ?)`, args: [randomUUID()] }]
    if (!this.client.transaction) return void (await this.client.batch(stmts, 'write'))
    const tx = await this.client.transaction('write')
    try {
      await tx.batch(stmts)
      await tx.commit()
    } catch (error) {
      await tx.rollback().catch(() => undefined)
      throw error
    }
  }

  /**
   * How many of `tokens` (pending marks) the main connection, the one Payload reads on, sees; with
   * `latest`, how many the latest committed state holds (read on the writer connection).
   */
  async visible(tokens: string[], on: 'main' | 'latest' = 'main'): Promise<number> {
    if (!tokens.length) return 0
    const count: Statement = { sql: `SELECT count(*) AS n FROM ${PENDING} WHERE token IN (${tokens.map(() => '?').join(', ')})`, args: tokens }
    if (on === 'main' || !this.client.transaction) return Number((await this.client.execute(count)).rows[0]?.n ?? 0)
    const tx = await this.client.transaction('write')
    try {
      const [result] = await tx.batch([count])
      return Number(result?.rows[0]?.n ?? 0)
    } finally {
      await tx.commit().catch(() => undefined)
    }
  }

  /** Writes not rendered yet, by any process: tokens and when they were written. */
  async pending(): Promise<{ token: string; at: string }[]> {
    const { rows } = await this.client.execute(`SELECT token, at FROM ${PENDING}`)
    return rows.map((row) => ({ token: String(row.token), at: String(row.at) }))
  }

  /** Replaces everything stored for `ids` by `docs` and `refs`, and settles `tokens`, in one transaction. */
  async replace(ids: string[], docs: StoredDoc[], refs: StoredRef[], tokens: string[] = []): Promise<void> {
    const statements: Statement[] = tokens.map((token) => ({ sql: `DELETE FROM ${PENDING} WHERE token = ?`, args: [token] }))
    for (const id of ids) {
      statements.push({ sql: `DELETE FROM ${DOCS} WHERE resource_id = ?`, args: [id] }, { sql: `DELETE FROM ${REFS} WHERE resource_id = ?`, args: [id] })
    }
    for (const d of docs) {
      statements.push({
        sql: `INSERT INTO ${DOCS} (resource_id, locale, depth, slug, category, section, published_at, updated_at, created_at, title_sort, volatile, stale_after, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [d.id, d.locale, d.depth, d.slug, d.category, d.section, d.publishedAt, d.updatedAt, d.createdAt, d.titleSort, d.volatile ? 1 : 0, d.staleAfter, d.json],
      })
    }
    for (const r of refs) statements.push({ sql: `INSERT INTO ${REFS} (resource_id, relation, target, code) VALUES (?, ?, ?, ?)`, args: [r.id, r.relation, r.target, r.code] })
    if (statements.length) await this.write(statements)
  }

  /** The resources that name `target` through `relation` (e.g. those in a jurisdiction, or superseding one). */
  async referring(relation: string, target: string): Promise<string[]> {
    const { rows } = await this.client.execute({ sql: `SELECT DISTINCT resource_id FROM ${REFS} WHERE relation = ? AND target = ?`, args: [relation, target] })
    return rows.map((row) => String(row.resource_id))
  }

  /** What `ids` name through `relation`, as stored. */
  async targets(relation: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return []
    const { rows } = await this.client.execute({
      sql: `SELECT DISTINCT target FROM ${REFS} WHERE relation = ? AND resource_id IN (${ids.map(() => '?').join(', ')})`,
      args: [relation, ...ids],
    })
    return rows.map((row) => String(row.target))
  }

  /** How many resources are stored (each has an `en` row at depth 0). */
  async count(): Promise<number> {
    const { rows } = await this.client.execute({ sql: `SELECT count(*) AS n FROM ${DOCS} WHERE locale = 'en' AND depth = 0`, args: [] })
    return Number(rows[0]?.n ?? 0)
  }

  /** Resources with a rendering gone stale at `now` (a verification status has turned since). */
  async stale(now: number): Promise<string[]> {
    const { rows } = await this.client.execute({ sql: `SELECT DISTINCT resource_id FROM ${DOCS} WHERE stale_after IS NOT NULL AND stale_after <= ? LIMIT 1000`, args: [now] })
    return rows.map((row) => String(row.resource_id))
  }

  /** The stored JSON, or undefined; undefined too while a write waits to be rendered, or once stale at `now`. */
  async byId(id: string, locale: Locale, depth: number, now: number): Promise<string | undefined> {
    const [doc, pending] = await this.client.batch(
      [{ sql: `SELECT json, volatile, stale_after FROM ${DOCS} WHERE resource_id = ? AND locale = ? AND depth = ?`, args: [id, locale, depth] }, UNSETTLED],
      'read',
    )
    const row = doc!.rows[0]
    return row && answerable(row, now) && !pending!.rows.length ? String(row.json) : undefined
  }

  /**
   * `statements` (reads of the tables named `read_model_docs` and `read_model_refs`) in one snapshot;
   * undefined while a write waits to be rendered. For the custom endpoints (./endpointReads.ts).
   */
  async readTables(statements: KeptStatement[]): Promise<Record<string, unknown>[][] | undefined> {
    // A kept result (a count: it reads every matching row where a page reads `limit`) is read only
    // when not known for the model as it is: the same `changes` token, read in the same snapshot.
    const keys = statements.map((stmt) => (stmt.keep ? JSON.stringify([stmt.sql, stmt.args]) : undefined))
    const known = keys.map((key) => (key === undefined ? undefined : this.kept.byStatement.get(key)))
    const toRead = statements.filter((_, at) => known[at] === undefined).map(({ sql, args }) => ({ sql, args }))
    const results = await this.client.batch([...toRead, CHANGES, UNSETTLED], 'read')
    const token = results[toRead.length]!.rows[0]?.value ?? null
    if (token !== this.kept.changes) {
      this.kept = { changes: token, byStatement: new Map() }
      if (known.some((rows) => rows !== undefined)) return this.readTables(statements) // kept before the model changed
    }
    if (results[toRead.length + 1]!.rows.length) return undefined
    let next = 0
    return statements.map((_, at) => {
      if (known[at] !== undefined) return known[at]
      const rows = results[next++]!.rows
      const key = keys[at]
      if (key !== undefined) {
        if (this.kept.byStatement.size >= MAX_KEPT) this.kept.byStatement.clear()
        this.kept.byStatement.set(key, rows)
      }
      return rows
    })
  }

  /** One page (the stored JSON strings, in order) and the number of matches; undefined while a write waits to be rendered. */
  async list(query: ListQuery, now: number): Promise<{ docs: string[]; totalDocs: number } | undefined> {
    const where = ['m.locale = ?', 'm.depth = ?']
    const args: (string | number)[] = [query.locale, query.depth]
    const column = (name: string, value: string | undefined) => {
      if (value !== undefined) where.push(`m.${name} = ?`) && args.push(value)
    }
    column('category', query.category)
    column('section', query.section)
    column('slug', query.slug)
    if (query.updatedAfter !== undefined) where.push('m.updated_at > ?') && args.push(query.updatedAfter)
    // The page checks each row it walks in the refs index (EXISTS); an IN list is built whole first,
    // which grew with the model (0.12 -> 0.35 ms at 10,000 -> 100,000 against 0.17 -> 0.13). The count,
    // kept until the model changes, reads the set once.
    const counted = [...where]
    const ref = (relation: string, by: 'target' | 'code', value: string | undefined) => {
      if (value === undefined) return
      where.push(`EXISTS (SELECT 1 FROM ${REFS} r WHERE r.relation = ? AND r.${by} = ? AND r.resource_id = m.resource_id)`)
      counted.push(`m.resource_id IN (SELECT resource_id FROM ${REFS} WHERE relation = ? AND ${by} = ?)`)
      args.push(relation, value)
    }
    ref('jurisdictions', 'code', query.jurisdictionCode)
    ref('jurisdictions', 'target', query.jurisdictionId)
    ref('language', 'target', query.language)
    const filter = where.join(' AND ')
    // The index in the page's order, after the first column filter (the planner, with sampled
    // statistics or none yet for a new index, was seen sorting 10,000 rows for a page of 10 instead).
    const first = (['category', 'section', 'slug'] as const).find((name) => query[name] !== undefined)
    const index = `${DOCS}_${first ? `${first}_` : ''}${COLUMN[query.sort.field]}`
    // Payload's order: the sort, then its tie-break, newest createdAt first (@payloadcms/drizzle buildOrderBy).
    const order = `m.${COLUMN[query.sort.field]} ${query.sort.descending ? 'DESC' : 'ASC'}, m.created_at DESC`
    const results = await this.readTables([
      { sql: `SELECT m.json, m.volatile, m.stale_after FROM ${DOCS} m INDEXED BY ${index} WHERE ${filter} ORDER BY ${order} LIMIT ? OFFSET ?`, args: [...args, query.limit, (query.page - 1) * query.limit] },
      { sql: `SELECT count(*) AS n FROM ${DOCS} m WHERE ${counted.join(' AND ')}`, args, keep: true },
    ])
    if (!results) return undefined
    const [page, count] = results as [Record<string, unknown>[], Record<string, unknown>[]]
    if (!page.every((row) => answerable(row, now))) return undefined
    const totalDocs = Number(count[0]?.n ?? 0)
    return { docs: page.map((row) => String(row.json)), totalDocs }
  }
}

/** A stored row the model may answer with: not volatile, not stale at `now`. */
export const answerable = (row: Record<string, unknown>, now: number) => !row.volatile && (row.stale_after === null || row.stale_after === undefined || Number(row.stale_after) > now)
