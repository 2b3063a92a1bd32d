import { plainText, searchWords } from './text'

type Id = string | number

/** The fields of one search-entries row (collections/SearchEntries): one published resource in one locale. */
export type SearchEntryData = {
  resource: string
  locale: 'en' | 'es'
  slug: string
  title: string
  summary: string
  documents: string
  body: string
  /** The distinct folded words of title, summary, document titles and body (searchWords). */
  words: string[]
  category: string
  section: string | null
  jurisdictions: string
  issuedAt: string | null
  publishedAt: string | null
}

export type SearchEntrySource = {
  resource: Id
  locale: 'en' | 'es'
  slug: string
  title?: string | null
  summary?: string | null
  /** Lexical rich text (its plain text is indexed). */
  body?: unknown
  documentTitles: string[]
  category: string
  section?: string | null
  jurisdictionCodes: string[]
  issuedAt?: string | null
  publishedAt?: string | null
}

/**
 * The one place that shapes a search entry, for the hooks (src/search/sync.ts) and the bulk
 * import (src/bulk/searchEntries.ts) alike. Jurisdiction codes are padded with spaces so that a
 * filter matches a whole code (` US-NY `), never a prefix of another.
 */
export function searchEntry(source: SearchEntrySource): SearchEntryData {
  const codes = source.jurisdictionCodes
  const body = plainText(source.body)
  const documents = source.documentTitles.join('\n')
  return {
    resource: String(source.resource),
    locale: source.locale,
    slug: source.slug,
    title: source.title ?? '',
    summary: source.summary ?? '',
    documents,
    body,
    words: searchWords(source.title, source.summary, documents, body),
    category: source.category,
    section: source.section ?? null,
    jurisdictions: codes.length ? ` ${codes.join(' ')} ` : '',
    issuedAt: source.issuedAt ?? null,
    publishedAt: source.publishedAt ?? null,
  }
}
