import type { Payload, Where } from 'payload'
import { FTS_TABLE } from './sqliteFts'

export type SearchFilters = { locale: string; category?: string; jurisdiction?: string }

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

/**
 * Finds the search entries in which every term occurs (as a word prefix) in some field. Ranking
 * and excerpts are the same for every backend (src/search/search.ts), so only this differs.
 */
export interface SearchBackend {
  name: string
  candidates(terms: string[], filters: SearchFilters): Promise<Entry[]>
}

/** A jurisdiction and those under it: "US-NY" also finds "US-NY-KINGS". */
const jurisdictionPatterns = (code: string) => [` ${code} `, ` ${code}-`]

/** SQLite: the FTS5 index answers the word match; the rest is plain column filters. */
export function sqliteFtsBackend(payload: Payload): SearchBackend {
  const client = (payload.db as unknown as { client: { execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }> } }).client
  return {
    name: 'sqlite-fts5',
    async candidates(terms, { locale, category, jurisdiction }) {
      // Terms are letters and digits only (queryTerms), so quoting them is enough.
      const match = terms.map((t) => `"${t}"*`).join(' AND ')
      const where = [`${FTS_TABLE} MATCH ?`, 'e.locale = ?']
      const args: unknown[] = [match, locale]
      if (category) where.push('e.category = ?') && args.push(category)
      if (jurisdiction) {
        where.push('(instr(e.jurisdictions, ?) > 0 OR instr(e.jurisdictions, ?) > 0)')
        args.push(...jurisdictionPatterns(jurisdiction))
      }
      const { rows } = await client.execute({
        sql: `SELECT e.resource, e.slug, e.title, e.summary, e.documents, e.body, e.category, e.section, e.jurisdictions,
                     e.issued_at AS issuedAt, e.published_at AS publishedAt
              FROM ${FTS_TABLE} JOIN search_entries e ON e.id = ${FTS_TABLE}.rowid
              WHERE ${where.join(' AND ')}`,
        args,
      })
      return rows as unknown as Entry[]
    },
  }
}

/**
 * Any adapter (MongoDB in production): Payload's `contains` (a case-insensitive regex on
 * MongoDB) narrows the entries to those holding every term somewhere; search.ts then keeps
 * only word-prefix matches, as FTS5 does.
 */
export function payloadQueryBackend(payload: Payload): SearchBackend {
  return {
    name: 'payload-query',
    async candidates(terms, { locale, category, jurisdiction }) {
      const and: Where[] = [{ locale: { equals: locale } }]
      if (category) and.push({ category: { equals: category } })
      if (jurisdiction) and.push({ or: jurisdictionPatterns(jurisdiction).map((p) => ({ jurisdictions: { contains: p } })) })
      for (const term of terms) {
        and.push({ or: ['title', 'summary', 'documents', 'body'].map((field) => ({ [field]: { contains: term } })) })
      }
      const { docs } = await payload.find({ collection: 'search-entries', where: { and }, overrideAccess: true, pagination: false, depth: 0 })
      return docs as unknown as Entry[]
    },
  }
}

export function searchBackend(payload: Payload): SearchBackend {
  return payload.db.name === 'sqlite' ? sqliteFtsBackend(payload) : payloadQueryBackend(payload)
}
