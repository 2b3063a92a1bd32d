import type { Payload } from 'payload'
import { termExpressions } from './prefixes'
import { FTS_TABLE } from './sqliteFts'
import { mongoWordsBackend } from './mongoWords'
import { scoreMatched, type EntryText } from './text'

export type SearchFilters = { locale: string; category?: string; jurisdiction?: string }
export type PageRequest = { offset: number; limit: number }

export type Entry = {
  resource: string
  slug: string | null
  title: string | null
  summary: string | null
  documents: string | null
  body: string | null
  category: string | null
  section: string | null
  jurisdictions: string | null
  issuedAt: string | null
  publishedAt: string | null
}

/** One page of the matching entries, best first, and how many were ranked (at most MAX_RANKED_MATCHES). */
export type SearchPage = { totalDocs: number; entries: Entry[] }

/**
 * Finds, ranks and pages the search entries in which every term occurs (as a word prefix) in
 * some field, title weighing most, then summary, document titles, body (FIELD_WEIGHTS).
 * Excerpts are made by the same code for every backend (src/search/search.ts).
 */
export interface SearchBackend {
  name: string
  search(terms: string[], filters: SearchFilters, page: PageRequest): Promise<SearchPage>
}

/**
 * The matches the index found (newest first, at most MAX_RANKED_MATCHES), best first: by
 * scoreMatched, then newest. Every backend ranks with this.
 */
export function rankMatched<K extends number | string>(matched: (EntryText & { key: K })[], terms: string[]): { key: K; score: number }[] {
  return matched
    .map((row, order) => ({ key: row.key, order, score: scoreMatched(row, terms) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
}

const ENTRY_COLUMNS = `e.resource, e.slug, e.title, e.summary, e.documents, e.body, e.category, e.section, e.jurisdictions,
  e.issued_at AS issuedAt, e.published_at AS publishedAt`

type Client = { execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }> }

/**
 * How many matches are ranked at most: a word found in most of the library would otherwise make
 * every request score every entry. Past this, the most recently indexed matches are ranked and
 * `totalDocs` stops here. Each ranked match costs a row read and a score: about 7 ms of the
 * server's one thread for 500 on an idle core (measured at 100,000 resources).
 */
export const MAX_RANKED_MATCHES = 500

/** An FTS5 phrase of the words of a code or value: "US-NY" → "us ny". */
const phrase = (value: string) => `"${value.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).join(' ')}"`

/**
 * SQLite: FTS5 finds the newest MAX_RANKED_MATCHES matches, filters included, in the index
 * alone; they are ranked here with score() on their title, summary and document titles (the
 * body, the large field, is never read for ranking); then the page's rows are read in full.
 * Not bm25(): it counts every matching row of each query word for the word's rarity at every
 * query, which for a word in most entries costs more than the whole search budget.
 */
export function sqliteFtsBackend(payload: Payload): SearchBackend {
  const client = (payload.db as unknown as { client: Client }).client
  return {
    name: 'sqlite-fts5',
    async search(terms, { locale, category, jurisdiction }, { offset, limit }) {
      // Terms are letters and digits only (queryTerms); the locale, category and jurisdiction
      // are checked values (parseSearchParams), quoted as phrases. The words are searched in the
      // folded words column only; each term as the OR of the words it starts (prefixes.ts).
      const expressions = await termExpressions(client, terms)
      const match = [`words : (${expressions.join(' AND ')})`, `locale : ${phrase(locale)}`]
      // ^: the category column starts with the phrase ("media" is not "social-media").
      if (category) match.push(`category : ^${phrase(category)}`)
      // A jurisdiction and the places under it: "us ny" is in " US-NY-KINGS " too.
      if (jurisdiction) match.push(`jurisdictions : ${phrase(jurisdiction)}`)
      const { rows: matched } = await client.execute({
        sql: `SELECT e.id, e.title, e.summary, e.documents FROM ${FTS_TABLE} f JOIN search_entries e ON e.id = f.rowid
              WHERE ${FTS_TABLE} MATCH ? ORDER BY f.rowid DESC LIMIT ?`,
        args: [match.join(' AND '), MAX_RANKED_MATCHES],
      })
      const ranked = rankMatched(matched.map((row) => ({ ...(row as EntryText), key: Number(row.id) })), terms)
      const ids = ranked.slice(offset, offset + limit).map((r) => r.key)
      if (!ids.length) return { totalDocs: ranked.length, entries: [] }
      const { rows } = await client.execute({
        sql: `SELECT e.id, ${ENTRY_COLUMNS} FROM search_entries e WHERE e.id IN (${ids.map(() => '?').join(', ')})`,
        args: ids,
      })
      const byId = new Map(rows.map((r) => [Number(r.id), r as unknown as Entry]))
      return { totalDocs: ranked.length, entries: ids.map((id) => byId.get(id)).filter((e): e is Entry => Boolean(e)) }
    },
  }
}

/** MongoDB: src/search/mongoWords.ts (the same contract: word prefixes matched by the index, the newest MAX_RANKED_MATCHES ranked). */
export function searchBackend(payload: Payload): SearchBackend {
  return payload.db.name === 'sqlite' ? sqliteFtsBackend(payload) : mongoWordsBackend(payload)
}
