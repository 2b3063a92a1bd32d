import { plainText } from '../search/text'
import type { BulkResource } from './resources'

type Id = string | number

/** The search-entries fields (collections/SearchEntries) of one published bulk record in one locale, as src/search/sync.ts would write them. */
export type SearchEntryData = {
  resource: string
  locale: 'en' | 'es'
  slug: string
  title: string
  summary: string
  documents: string
  body: string
  category: string
  section: string | null
  jurisdictions: string
  issuedAt: string | null
  publishedAt: string | null
}

/**
 * The index rows of the published records: bulk writes run no hooks, so the import writes them
 * itself, in the batch's transaction (without them imported resources could not be found by
 * GET /api/search). Spanish falls back to English field by field, like the API's locale fallback.
 */
export function searchEntriesOf(records: BulkResource[], ids: Id[], codes: Map<string, string>, now: string): SearchEntryData[] {
  const entries: SearchEntryData[] = []
  records.forEach((r, i) => {
    if (r.reviewStatus !== 'published') return
    const jurisdictions = r.jurisdictions.map((j) => codes.get(String(j))).filter(Boolean)
    for (const locale of ['en', 'es'] as const) {
      entries.push({
        resource: String(ids[i]),
        locale,
        slug: r.slug!,
        title: r.title[locale] || r.title.en,
        summary: r.summary?.[locale] || r.summary?.en || '',
        documents: '',
        body: plainText(r.body?.[locale] ?? r.body?.en),
        category: r.category,
        section: r.section ?? null,
        jurisdictions: jurisdictions.length ? ` ${jurisdictions.join(' ')} ` : '',
        issuedAt: r.issuedAt ?? null,
        publishedAt: r.publishedAt ?? now,
      })
    }
  })
  return entries
}
