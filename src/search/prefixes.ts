import { FTS_TABLE, VOCAB_TABLE } from './sqliteFts'

type Client = { execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }> }

/** Longer expansions (a prefix of one or two letters) are left to FTS5's own, slower, prefix query. */
const MAX_EXPANSION = 64
const CACHE_SIZE = 2000

/**
 * Word-prefix matching for FTS5, fast on common words. FTS5 answers `"court"*` by merging the
 * whole lists of every word starting with "court" before returning its first row (about 300 ms
 * when those words occur in most of 200,000 entries), while `("court" OR "courthouse" OR
 * "courts")` streams, so a LIMIT stops it early (about 2 ms). The words come from the index's
 * own vocabulary (fts5vocab; a look-up costs a few ms to 100 ms, as it counts each word's
 * entries), cached per prefix until the index changes: every write to FTS5 rewrites its
 * structure record (row 10 of its `_data` table: segments and a write counter, under 1 KB),
 * which each search reads and compares.
 */
const cache = new Map<string, string[] | null>()
let structure = ''

/** The MATCH expressions for the query terms: each as an OR of its words, or a prefix query. */
export async function termExpressions(client: Client, terms: string[]): Promise<string[]> {
  const { rows } = await client.execute({ sql: `SELECT hex(block) AS structure FROM ${FTS_TABLE}_data WHERE id = 10`, args: [] })
  const current = String(rows[0]?.structure ?? '')
  if (current !== structure) {
    cache.clear()
    structure = current
  }
  const expressions: string[] = []
  for (const term of terms) expressions.push(await termExpression(client, term))
  return expressions
}

async function termExpression(client: Client, term: string): Promise<string> {
  const words = await expand(client, term)
  if (!words) return `"${term}"*`
  // No word yet: the term as given, which matches nothing, as the prefix query would.
  if (!words.length) return `"${term}"`
  return `(${words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' OR ')})`
}

async function expand(client: Client, term: string): Promise<string[] | null> {
  if (cache.has(term)) return cache.get(term)!
  // Terms are letters and digits (queryTerms), so a word starting with the term sorts in
  // [term, term + U+10FFFF); the vocabulary holds the tokenizer's folded words.
  const { rows } = await client.execute({
    sql: `SELECT term FROM ${VOCAB_TABLE} WHERE term >= ? AND term < ? LIMIT ?`,
    args: [term, `${term}\u{10FFFF}`, MAX_EXPANSION + 1],
  })
  const words = rows.length > MAX_EXPANSION ? null : rows.map((r) => String(r.term))
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!)
  cache.set(term, words)
  return words
}
