/**
 * What a legal sign-off covers: the substance of a resource (its text, dates, citations, files
 * and the provisions it provides), every language. Publishing a version whose substance differs
 * from what was verified clears the sign-off (./signOff.ts); a title or summary edit does not.
 */
import crypto from 'node:crypto'

/** The fields whose change voids a sign-off. */
export const SUBSTANCE_FIELDS = ['body', 'issuedAt', 'effectiveAt', 'billNumber', 'legislativeStatus', 'documents', 'provisions', 'links'] as const

/** Stable JSON, read at depth 0: keys sorted, empty values dropped, array rows without their row ids. */
function canonical(v: unknown): unknown {
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
