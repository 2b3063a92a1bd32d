import type { Payload } from 'payload'
import { MAX_RANKED_MATCHES, rankMatched, type Entry, type SearchBackend, type SearchFilters } from './backends'

/**
 * MongoDB's search: each entry's `words` (its distinct folded words, src/search/text.ts) is an
 * array under a multikey index on { locale, words }; a term matches an entry when one of its
 * words starts with it, as an anchored, case-sensitive regex (`^ice`), which MongoDB answers
 * from the index's range ["ice", "icf") instead of scanning. Only real matches are read (the
 * newest MAX_RANKED_MATCHES of them) and ranked by the same rankMatched() as SQLite's FTS5.
 */
export const WORDS_INDEX = { locale: 1, words: 1 } as const

type Row = { _id: unknown; title?: string | null; summary?: string | null; documents?: string | null } & Record<string, unknown>
type Query<T> = { sort: (s: Record<string, 1 | -1>) => Query<T>; limit: (n: number) => Query<T>; lean: () => PromiseLike<T> }
/** The parts of a mongoose model this uses (the adapter's `payload.db.collections[slug]`). */
export type EntriesModel = {
  find: (filter: Record<string, unknown>, projection?: Record<string, 0 | 1>) => Query<Row[]>
  collection?: { createIndex: (spec: Record<string, 1>, options?: Record<string, unknown>) => Promise<unknown> }
}

/** The MongoDB filter of a search: every term a prefix of one of the words; the filters as FTS5 applies them. */
export function mongoSearchFilter(terms: string[], { locale, category, jurisdiction }: SearchFilters): Record<string, unknown> {
  // Terms are letters and digits only (queryTerms): nothing to escape. Jurisdiction codes are
  // checked (US(-[A-Z0-9]+)*), and padded with spaces in the entry: " US-NY " or " US-NY-KINGS ".
  const filter: Record<string, unknown> = { locale, $and: terms.map((term) => ({ words: { $regex: `^${term}` } })) }
  if (category) filter.category = category
  if (jurisdiction) filter.jurisdictions = { $regex: ` ${jurisdiction}[ -]` }
  return filter
}

const modelOf = (payload: Payload) => (payload.db as unknown as { collections: Record<string, EntriesModel> }).collections['search-entries']!
const text = (value: unknown) => (value instanceof Date ? value.toISOString() : value == null ? null : String(value))

export function mongoWordsBackend(payload: Payload, model: EntriesModel = modelOf(payload)): SearchBackend {
  return {
    name: 'mongodb-words',
    async search(terms, filters, { offset, limit }) {
      const filter = mongoSearchFilter(terms, filters)
      // _id grows with insertion: the newest entries first, as FTS5's rowid.
      const matched = await model.find(filter, { title: 1, summary: 1, documents: 1 }).sort({ _id: -1 }).limit(MAX_RANKED_MATCHES).lean()
      const ranked = rankMatched(matched.map((row) => ({ ...row, key: String(row._id) })), terms)
      const page = ranked.slice(offset, offset + limit)
      if (!page.length) return { totalDocs: ranked.length, entries: [] }
      const wanted = new Set(page.map((r) => r.key))
      const rows = await model.find({ _id: { $in: matched.filter((m) => wanted.has(String(m._id))).map((m) => m._id) } }, { words: 0 }).lean()
      const byId = new Map(rows.map((r) => [String(r._id), toEntry(r)]))
      return { totalDocs: ranked.length, entries: page.map((r) => byId.get(r.key)).filter((e): e is Entry => Boolean(e)) }
    },
  }
}

function toEntry(row: Row): Entry {
  return {
    resource: String(row.resource),
    slug: text(row.slug),
    title: text(row.title),
    summary: text(row.summary),
    documents: text(row.documents),
    body: text(row.body),
    category: text(row.category),
    section: text(row.section),
    jurisdictions: text(row.jurisdictions),
    issuedAt: text(row.issuedAt),
    publishedAt: text(row.publishedAt),
  }
}

/** At start on MongoDB: the words index (idempotent; Payload's schema has no way to declare a multikey index on a json field). */
export async function ensureWordsIndex(payload: Payload): Promise<void> {
  if (payload.db.name !== 'mongoose') return
  await modelOf(payload).collection?.createIndex(WORDS_INDEX, { name: 'locale_1_words_1' })
}
