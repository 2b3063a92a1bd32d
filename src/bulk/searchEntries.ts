import { searchEntry, type SearchEntryData } from '../search/entry'
import type { BulkResource } from './resources'

type Id = string | number

/**
 * The index rows of the published records: bulk writes run no hooks, so the import writes them
 * itself, in the batch's transaction (without them imported resources could not be found by
 * GET /api/search). Spanish falls back to English field by field, like the API's locale fallback.
 */
export function searchEntriesOf(records: BulkResource[], ids: Id[], codes: Map<string, string>, now: string): SearchEntryData[] {
  const entries: SearchEntryData[] = []
  records.forEach((r, i) => {
    if (r.reviewStatus !== 'published') return
    const jurisdictionCodes = r.jurisdictions.map((j) => codes.get(String(j))).filter((code): code is string => Boolean(code))
    for (const locale of ['en', 'es'] as const) {
      entries.push(
        searchEntry({
          resource: ids[i]!,
          locale,
          slug: r.slug!,
          title: r.title[locale] || r.title.en,
          summary: r.summary?.[locale] || r.summary?.en,
          body: r.body?.[locale] ?? r.body?.en,
          documentTitles: [],
          category: r.category,
          section: r.section,
          jurisdictionCodes,
          issuedAt: r.issuedAt,
          publishedAt: r.publishedAt ?? now,
        }),
      )
    }
  })
  return entries
}
