/**
 * Text handling shared by every search backend, so results rank and read alike on SQLite and
 * MongoDB: words are matched by prefix ("court" finds "courts"), ignoring case and accents.
 */

export type EntryText = { title?: string | null; summary?: string | null; documents?: string | null; body?: string | null }

/**
 * How much a query word counts in each field: any title match beats any summary match, and so
 * on: each query word counts by the best field it occurs in, more hits in it adding a little.
 */
export const FIELD_WEIGHTS = [
  ['title', 1000],
  ['summary', 100],
  ['documents', 10],
  ['body', 1],
] as const

export const MAX_QUERY_LENGTH = 200
export const MAX_QUERY_TERMS = 12

export const normalize = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
const WORD = /[\p{L}\p{N}]+/gu
const words = (s: string | null | undefined) => (s ? normalize(s).match(WORD) ?? [] : [])

/** The distinct words of a query, normalized. */
export function queryTerms(q: string): string[] {
  return [...new Set(words(q))]
}

/**
 * The distinct folded words of an entry's texts: what both databases match a query's terms
 * against, as word prefixes (FTS5 on SQLite, a multikey index on MongoDB: src/search/mongoWords.ts).
 * The same normalisation as the query's, so "informacion" finds "información" and back.
 */
export function searchWords(...texts: (string | null | undefined)[]): string[] {
  const all = new Set<string>()
  for (const text of texts) for (const word of words(text)) all.add(word)
  return [...all]
}

/** The plain text of a Lexical rich-text value: text nodes, one line per block. */
export function plainText(value: unknown): string {
  const lines: string[] = []
  const walk = (node: unknown, line: string[]): void => {
    if (!node || typeof node !== 'object') return
    const { text, children } = node as { text?: unknown; children?: unknown }
    if (typeof text === 'string') line.push(text)
    if (Array.isArray(children)) {
      const isBlock = children.some((c) => c && typeof c === 'object' && Array.isArray((c as { children?: unknown }).children))
      if (isBlock) for (const child of children) {
        const inner: string[] = []
        walk(child, inner)
        if (inner.length) lines.push(inner.join(''))
      }
      else for (const child of children) walk(child, line)
    }
  }
  const root = (value as { root?: unknown } | null)?.root
  const top: string[] = []
  walk(root, top)
  if (top.length) lines.unshift(top.join(''))
  return lines.join('\n')
}

/** The score of an entry for the terms, or null when some term is missing from every field. */
export function score(entry: EntryText, terms: string[]): number | null {
  return scoreFields(FIELD_WEIGHTS.map(([name, weight]) => ({ weight, text: folded(entry[name]) })), terms, 0)
}

/**
 * The score of an entry the index already matched, without reading its body (the large field):
 * a term found in no other field is in the body, and counts as one body hit.
 */
export function scoreMatched(entry: EntryText, terms: string[]): number {
  const fields = FIELD_WEIGHTS.filter(([name]) => name !== 'body').map(([name, weight]) => ({ weight, text: folded(entry[name]) }))
  return scoreFields(fields, terms, FIELD_WEIGHTS.find(([name]) => name === 'body')![1])!
}

// Folding only what is not plain ASCII: ranking folds up to 1,000 entries per search.
const folded = (s: string | null | undefined) => (!s ? '' : /[^\x00-\x7f]/.test(s) ? normalize(s) : s.toLowerCase())
const startsOfWords = new Map<string, RegExp>()
/** Words of the (folded) text that start with the term: the term not preceded by a letter or digit. */
function hitsOf(text: string, term: string): number {
  let re = startsOfWords.get(term)
  if (!re) {
    if (startsOfWords.size > 1000) startsOfWords.clear()
    // Terms are letters and digits only (queryTerms): nothing to escape.
    startsOfWords.set(term, (re = new RegExp(`(?<![\\p{L}\\p{N}])${term}`, 'gu')))
  }
  return text.match(re)?.length ?? 0
}

function scoreFields(fields: { weight: number; text: string }[], terms: string[], otherwise: number): number | null {
  let total = 0
  for (const term of terms) {
    let best = 0
    for (const { weight, text } of fields) {
      const hits = text ? hitsOf(text, term) : 0
      // More hits in a field help a little, never enough to climb above a better field.
      if (hits) best = Math.max(best, weight * (1 + Math.min(hits - 1, 8) / 10))
    }
    if (!best && !otherwise) return null
    total += best || otherwise
  }
  return total
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * A short excerpt (about `size` characters) of the summary, document titles or body, whichever
 * holds most of the terms, as HTML-escaped text with the matching words in <mark>.
 */
export function excerpt(entry: EntryText, terms: string[], size = 180): string {
  const candidates = (['summary', 'body', 'documents'] as const).map((name) => entry[name] ?? '').filter(Boolean)
  if (!candidates.length) return ''
  const matched = candidates.map((c) => terms.filter((t) => hitsOf(folded(c), t) > 0).length)
  const text = candidates[matched.indexOf(Math.max(...matched))]!.replace(/\s+/g, ' ')
  const isHit = (word: string) => terms.some((t) => normalize(word).startsWith(t))
  let first = 0
  for (const m of text.matchAll(WORD)) {
    if (!isHit(m[0])) continue
    first = m.index!
    break
  }
  let start = Math.max(0, first - Math.floor(size / 3))
  if (start > 0) start = text.indexOf(' ', start) + 1 || start
  let end = Math.min(text.length, start + size)
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end
  const window = text.slice(start, end)
  let html = ''
  let last = 0
  for (const m of window.matchAll(WORD)) {
    if (!isHit(m[0])) continue
    html += escapeHtml(window.slice(last, m.index)) + `<mark>${escapeHtml(m[0])}</mark>`
    last = m.index! + m[0].length
  }
  html += escapeHtml(window.slice(last))
  return `${start > 0 ? '…' : ''}${html}${end < text.length ? '…' : ''}`
}
