import type { Payload } from 'payload'

/**
 * The SQLite full-text index: an FTS5 table over `search_entries` (external content), kept in
 * step by triggers, so every write to the entries (always inside the change's transaction)
 * updates it too. `locale`, `category` and `jurisdictions` are indexed columns too, so a search
 * applies its filters inside the index (reading them from `search_entries` would walk each
 * row's overflow pages past the body).
 * It is derived data: in development it is dropped before Payload's schema push (which would
 * otherwise offer to delete a table it does not know, and stop the start on that question) and
 * rebuilt at start; in production (no push) it is rebuilt only when missing or defined
 * differently (a rebuild of 200,000 entries takes a while).
 */
export const FTS_TABLE = 'search_entries_fts'
/** The index's vocabulary (one row per distinct word), to expand a query's word prefixes. */
export const VOCAB_TABLE = 'search_entries_vocab'
const TRIGGERS = ['search_entries_fts_ai', 'search_entries_fts_ad', 'search_entries_fts_au']
// `words`: the entry's folded words (a JSON array: its quotes and commas separate tokens), the
// one normalisation both databases search (src/search/text.ts searchWords).
const COLUMNS = 'words, locale, category, jurisdictions'
const DEFINITION = `CREATE VIRTUAL TABLE ${FTS_TABLE} USING fts5(${COLUMNS}, content='search_entries', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`

type Client = { execute: (sql: string | { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }> }

async function dropWith(client: Client): Promise<void> {
  for (const trigger of TRIGGERS) await client.execute(`DROP TRIGGER IF EXISTS ${trigger}`)
  await client.execute(`DROP TABLE IF EXISTS ${VOCAB_TABLE}`)
  await client.execute(`DROP TABLE IF EXISTS ${FTS_TABLE}`)
}

export async function dropFts(url: string): Promise<void> {
  const { createClient } = await import('@libsql/client')
  const client = createClient({ url })
  try {
    await dropWith(client as unknown as Client)
  } finally {
    client.close()
  }
}

export async function createFts(payload: Payload): Promise<void> {
  const db = payload.db as unknown as { name: string; client?: Client }
  if (db.name !== 'sqlite' || !db.client) return
  // A migration that rebuilds `search_entries` drops its triggers: then the index is rebuilt too.
  const { rows } = await db.client.execute({ sql: `SELECT name, sql FROM sqlite_master WHERE name IN (?, ?, ?, ?)`, args: [FTS_TABLE, ...TRIGGERS] })
  if (rows.length === 1 + TRIGGERS.length && rows.some((r) => r.sql === DEFINITION)) {
    await db.client.execute(`CREATE VIRTUAL TABLE IF NOT EXISTS ${VOCAB_TABLE} USING fts5vocab(${FTS_TABLE}, 'row')`)
    return
  }
  await dropWith(db.client)
  const values = (prefix: string) => COLUMNS.split(', ').map((c) => `${prefix}.${c}`).join(', ')
  const statements = [
    DEFINITION,
    `CREATE TRIGGER search_entries_fts_ai AFTER INSERT ON search_entries BEGIN
       INSERT INTO ${FTS_TABLE}(rowid, ${COLUMNS}) VALUES (new.id, ${values('new')}); END`,
    `CREATE TRIGGER search_entries_fts_ad AFTER DELETE ON search_entries BEGIN
       INSERT INTO ${FTS_TABLE}(${FTS_TABLE}, rowid, ${COLUMNS}) VALUES ('delete', old.id, ${values('old')}); END`,
    `CREATE TRIGGER search_entries_fts_au AFTER UPDATE ON search_entries BEGIN
       INSERT INTO ${FTS_TABLE}(${FTS_TABLE}, rowid, ${COLUMNS}) VALUES ('delete', old.id, ${values('old')});
       INSERT INTO ${FTS_TABLE}(rowid, ${COLUMNS}) VALUES (new.id, ${values('new')}); END`,
    `INSERT INTO ${FTS_TABLE}(${FTS_TABLE}) VALUES ('rebuild')`,
    `CREATE VIRTUAL TABLE ${VOCAB_TABLE} USING fts5vocab(${FTS_TABLE}, 'row')`,
  ]
  for (const sql of statements) await db.client.execute(sql)
}
