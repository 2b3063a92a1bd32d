/**
 * What a legal sign-off covers: the substance of a resource (its text, dates, citations, files
 * and the provisions it provides), every language. Publishing a version whose substance differs
 * from what was verified clears the sign-off (./signOff.ts); a title or summary edit does not.
 */
import crypto from 'node:crypto'

/** The fields whose change voids a sign-off. */
export const SUBSTANCE_FIELDS = ['body', 'issuedAt', 'effectiveAt', 'billNumber', 'legislativeStatus', 'documents', 'provisions', 'links'] as const

/**
 * Of a rich-text node, what it says: its kind, its words, its structure (heading level, list
 * type) and what it links to. Not how the editor happens to serialise it (versions, indents,
 * direction, styles), which a save from the admin panel may change without anyone editing a word.
 */
const RICH_TEXT_KEYS = ['type', 'text', 'tag', 'listType', 'url', 'relationTo', 'value', 'linkType', 'doc', 'fields', 'children']
const isRichText = (value: unknown) => Boolean(value && typeof value === 'object' && 'root' in value)

function canonicalRichText(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(canonicalRichText)
  if (!node || typeof node !== 'object') return node ?? null
  const out: Record<string, unknown> = {}
  for (const key of RICH_TEXT_KEYS.filter((k) => k in node).sort()) {
    const child = (node as Record<string, unknown>)[key]
    if (child === undefined || child === null || child === '') continue
    out[key] = typeof child === 'object' ? canonicalRichText(child) : child
  }
  if ('root' in node) out.root = canonicalRichText((node as { root: unknown }).root)
  return out
}

/** Stable JSON, read at depth 0: keys sorted, empty values dropped, array rows without their row ids, rich text by what it says. */
function canonical(v: unknown): unknown {
  if (isRichText(v)) return canonicalRichText(v)
  if (Array.isArray(v)) return v.map(canonical)
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(v).sort()) {
      if (key === 'id') continue
      const child = (v as Record<string, unknown>)[key]
      if (child === undefined || child === null || child === '') continue
      out[key] = canonical(child)
    }
    return out
  }
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))) return new Date(v).toISOString()
  return v ?? null
}

/** A fingerprint of a resource's substance, read with `locale: 'all'` and depth 0. */
export function substanceOf(doc: Record<string, unknown>): string {
  const picked = Object.fromEntries(SUBSTANCE_FIELDS.map((name) => [name, canonical(doc[name]) ?? null]))
  return crypto.createHash('sha256').update(JSON.stringify(picked)).digest('hex')
}
