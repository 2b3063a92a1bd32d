import { createClient } from '@libsql/client'
import type { Payload } from 'payload'

/**
 * The SQLite full-text index: an FTS5 table over `search_entries` (external content), kept in
 * step by triggers, so every write to the entries (always inside the change's transaction)
 * updates it too. It is derived data: dropped before Payload's development schema push (which
 * would otherwise offer to delete a table it does not know, and stop the start on that
 * question), and rebuilt from `search_entries` at every start.
 */
export const FTS_TABLE = 'search_entries_fts'
const TRIGGERS = ['search_entries_fts_ai', 'search_entries_fts_ad', 'search_entries_fts_au']

type Client = { execute: (sql: string | { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }> }

export async function dropFts(url: string): Promise<void> {
  const client = createClient({ url })
  try {
    for (const trigger of TRIGGERS) await client.execute(`DROP TRIGGER IF EXISTS ${trigger}`)
    await client.execute(`DROP TABLE IF EXISTS ${FTS_TABLE}`)
  } finally {
    client.close()
  }
}

export async function createFts(payload: Payload): Promise<void> {
  const db = payload.db as unknown as { name: string; client?: Client }
  if (db.name !== 'sqlite' || !db.client) return
  const columns = 'title, summary, documents, body'
  const values = (prefix: string) => columns.split(', ').map((c) => `${prefix}.${c}`).join(', ')
  const statements = [
    `CREATE VIRTUAL TABLE IF NOT EXISTS ${FTS_TABLE} USING fts5(${columns}, content='search_entries', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`,
    `CREATE TRIGGER IF NOT EXISTS search_entries_fts_ai AFTER INSERT ON search_entries BEGIN
       INSERT INTO ${FTS_TABLE}(rowid, ${columns}) VALUES (new.id, ${values('new')}); END`,
    `CREATE TRIGGER IF NOT EXISTS search_entries_fts_ad AFTER DELETE ON search_entries BEGIN
       INSERT INTO ${FTS_TABLE}(${FTS_TABLE}, rowid, ${columns}) VALUES ('delete', old.id, ${values('old')}); END`,
    `CREATE TRIGGER IF NOT EXISTS search_entries_fts_au AFTER UPDATE ON search_entries BEGIN
       INSERT INTO ${FTS_TABLE}(${FTS_TABLE}, rowid, ${columns}) VALUES ('delete', old.id, ${values('old')});
       INSERT INTO ${FTS_TABLE}(rowid, ${columns}) VALUES (new.id, ${values('new')}); END`,
    `INSERT INTO ${FTS_TABLE}(${FTS_TABLE}) VALUES ('rebuild')`,
  ]
  for (const sql of statements) await db.client.execute(sql)
}
