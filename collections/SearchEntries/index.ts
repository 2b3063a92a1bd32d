import type { CollectionConfig } from 'payload'
import { nobody } from '../../access/nobody'

/**
 * The search index: one row per published resource and locale, holding the text the public
 * sees (the PUBLISHED version, never a draft in review). Written only by the resources hooks
 * (src/search/sync.ts) in the same transaction as the change; read only by GET /api/search.
 * On SQLite an FTS5 table follows this table through triggers (src/search/sqliteFts.ts).
 */
export const SearchEntries: CollectionConfig = {
  slug: 'search-entries',
  admin: { hidden: true },
  graphQL: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  timestamps: false,
  indexes: [{ fields: ['resource', 'locale'], unique: true }],
  fields: [
    { name: 'resource', type: 'text', required: true, index: true },
    { name: 'locale', type: 'text', required: true },
    { name: 'slug', type: 'text' },
    { name: 'title', type: 'text' },
    { name: 'summary', type: 'textarea' },
    /** Titles of the attached documents, one per line. */
    { name: 'documents', type: 'textarea' },
    { name: 'body', type: 'textarea' },
    /**
     * The distinct folded words of the four texts above (src/search/text.ts searchWords), which
     * a search matches by prefix: FTS5 indexes them on SQLite; on MongoDB an array with a
     * multikey index (src/search/mongoWords.ts). Empty on entries written before it existed
     * (re-indexed at start: reindexIfStale).
     */
    { name: 'words', type: 'json' },
    { name: 'category', type: 'text', index: true },
    { name: 'section', type: 'text' },
    /** Codes of the resource's jurisdictions, space-separated and space-padded: " US-NY US-NJ ". */
    { name: 'jurisdictions', type: 'text' },
    { name: 'issuedAt', type: 'date' },
    { name: 'publishedAt', type: 'date' },
  ],
}
