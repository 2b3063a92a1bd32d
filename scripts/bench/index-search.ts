/**
 * `tsx scripts/bench/index-search.ts <file.db>`: fills `search_entries` of a SQLite database for
 * every published resource that has none, in both locales with English fallback, as
 * src/search/sync.ts would. Seeded benchmark files are written by the bulk path, which runs no
 * hooks and so leaves the search index empty; search at 100,000 resources is only measured
 * once they are indexed. The FTS5 triggers index each inserted row.
 */
import { createClient } from '@libsql/client'
import { plainText } from '../../src/search/text'

const file = process.argv[2]
if (!file) throw new Error('usage: index-search.ts <file.db>')
const db = createClient({ url: `file:${file}` })
const codes = new Map((await db.execute('SELECT id, code FROM jurisdictions')).rows.map((r) => [Number(r.id), String(r.code)]))
const docTitles = new Map((await db.execute('SELECT id, title FROM documents')).rows.map((r) => [Number(r.id), String(r.title)]))
const BATCH = 500
let last = 0
let done = 0
const started = Date.now()
for (;;) {
  const { rows } = await db.execute({
    sql: `SELECT r.id, r.slug, r.category, r.section, r.issued_at, r.published_at FROM resources r
          WHERE r._status = 'published' AND r.id > ? AND NOT EXISTS (SELECT 1 FROM search_entries e WHERE e.resource = CAST(r.id AS TEXT))
          ORDER BY r.id LIMIT ?`,
    args: [last, BATCH],
  })
  if (!rows.length) break
  const ids = rows.map((r) => Number(r.id))
  const marks = ids.map(() => '?').join(',')
  const locales = (await db.execute({ sql: `SELECT _parent_id, _locale, title, summary, body FROM resources_locales WHERE _parent_id IN (${marks})`, args: ids })).rows
  const rels = (await db.execute({ sql: `SELECT parent_id, path, jurisdictions_id, documents_id FROM resources_rels WHERE parent_id IN (${marks}) AND path IN ('jurisdictions', 'documents') ORDER BY parent_id, "order"`, args: ids })).rows
  const statements: { sql: string; args: (string | number | null)[] }[] = []
  for (const r of rows) {
    const id = Number(r.id)
    const text = (locale: string) => locales.find((l) => Number(l._parent_id) === id && l._locale === locale)
    const en = text('en')
    const own = rels.filter((x) => Number(x.parent_id) === id)
    const js = own.filter((x) => x.path === 'jurisdictions').map((x) => codes.get(Number(x.jurisdictions_id))).filter(Boolean)
    const ds = own.filter((x) => x.path === 'documents').map((x) => docTitles.get(Number(x.documents_id))).filter(Boolean)
    for (const locale of ['en', 'es']) {
      const l = text(locale)
      const pick = (field: 'title' | 'summary' | 'body') => (l?.[field] ?? null) || (en?.[field] ?? null)
      const body = pick('body')
      statements.push({
        sql: `INSERT INTO search_entries (resource, locale, slug, title, summary, documents, body, category, section, jurisdictions, issued_at, published_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
        args: [String(id), locale, r.slug as string, String(pick('title') ?? ''), String(pick('summary') ?? ''), ds.join('\n'), body ? plainText(JSON.parse(String(body))) : '', r.category as string, (r.section as string) ?? null, js.length ? ` ${js.join(' ')} ` : '', (r.issued_at as string) ?? null, (r.published_at as string) ?? null],
      })
    }
  }
  await db.batch(statements, 'write')
  last = ids[ids.length - 1]!
  done += ids.length
  process.stdout.write(`\r${done} resources indexed (${Math.round(done / ((Date.now() - started) / 1000))}/s)`)
}
await db.execute('PRAGMA optimize')
process.stdout.write(`\ndone in ${Math.round((Date.now() - started) / 1000)} s\n`)
db.close()
