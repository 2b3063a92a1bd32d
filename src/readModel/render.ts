/**
 * Renders resources as an anonymous reader gets them: Payload's own find, with no user and
 * `overrideAccess: false`, per locale and depth, so every access rule, field hook and join runs
 * exactly as for a REST request. A resource Payload does not return is not public: it has no rows.
 */
import type { Payload } from 'payload'
import { DUE_WINDOW_MS } from '../verification/policy'
import { verificationClock } from '../verification/clock'
import { DEPTHS, LOCALES, type Locale } from './query'
import type { StoredDoc, StoredRef } from './store'
import { richTextReferences } from '../../fields/richTextReferences'

type Doc = Record<string, unknown> & { id: string | number }
const CHUNK = 100
/** The relations a resource's rendering or filters depend on, as stored at depth 0 (and `provisions[].provision`, below). */
const RELATIONS = ['jurisdictions', 'organizations', 'topics', 'documents', 'graphics', 'supersedes'] as const

const idOf = (value: unknown) => String(value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value)
const text = (value: unknown) => (typeof value === 'string' ? value : null)

/**
 * When a rendering stops being what Payload would answer without any write: a verification status
 * (its own, or a populated resource's) is derived from the clock, and turns `due`, then `overdue`,
 * at fixed times after its `reviewBy` (src/verification/status.ts). The earliest such time still
 * ahead, or null.
 */
export function staleAfter(value: unknown, now = verificationClock.now().getTime()): number | null {
  let soonest: number | null = null
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!node || typeof node !== 'object') return
    const record = node as Record<string, unknown>
    const verification = record.verification as { reviewBy?: unknown } | null | undefined
    if (verification && typeof verification === 'object' && typeof verification.reviewBy === 'string') {
      const reviewBy = new Date(verification.reviewBy).getTime()
      for (const at of [reviewBy - DUE_WINDOW_MS, reviewBy]) if (at > now && (soonest === null || at < soonest)) soonest = at
    }
    for (const child of Object.values(record)) if (child && typeof child === 'object') visit(child)
  }
  visit(value)
  return soonest
}

/** Collections whose populated documents change without a write to them (a webinar's `seatsLeft` moves with each sign-up). */
const VOLATILE = new Set(['webinars'])

export async function renderResources(payload: Payload, ids: string[]): Promise<{ docs: StoredDoc[]; refs: StoredRef[] }> {
  const docs: StoredDoc[] = []
  const refs: StoredRef[] = []
  for (let at = 0; at < ids.length; at += CHUNK) {
    const chunk = ids.slice(at, at + CHUNK)
    const rendered = new Map<string, Partial<Record<`${Locale}:${number}`, Doc>>>()
    for (const locale of LOCALES) {
      for (const depth of DEPTHS) {
        const { docs: found } = await payload.find({
          collection: 'resources',
          where: { id: { in: chunk } },
          locale,
          depth,
          draft: false,
          overrideAccess: false,
          pagination: false,
          // The `superseded` flag is read fresh, not from the set shared until the content version moves.
          context: { readModelRender: true },
        })
        for (const doc of found as unknown as Doc[]) {
          const id = String(doc.id)
          rendered.set(id, { ...rendered.get(id), [`${locale}:${depth}`]: doc })
        }
      }
    }
    const codes = await jurisdictionCodes(payload, [...rendered.values()].flatMap((r) => (r['en:0']?.jurisdictions as unknown[] | undefined) ?? []))
    for (const [id, byShape] of rendered) {
      const all = byShape['all:0']
      const base = byShape['en:0']
      if (!base || !all) continue // published between two of the reads above: the next render has it
      for (const locale of LOCALES) {
        for (const depth of DEPTHS) {
          const doc = byShape[`${locale}:${depth}`]
          if (!doc) continue
          const title = (all.title ?? {}) as Record<string, unknown>
          const richText = richTextReferences(all.body)
          docs.push({
            id,
            locale,
            depth,
            slug: text(base.slug),
            category: text(base.category),
            section: text(base.section),
            publishedAt: text(base.publishedAt),
            updatedAt: text(base.updatedAt),
            createdAt: text(base.createdAt),
            titleSort: locale === 'all' ? null : text(title[locale]),
            // Rendered, but answered by Payload: what it populates may change without a write the model sees.
            volatile: depth > 0 && richText.some((ref) => VOLATILE.has(ref.relationTo)),
            staleAfter: staleAfter(doc),
            json: JSON.stringify(doc),
          })
        }
      }
      for (const relation of RELATIONS) {
        for (const target of (base[relation] as unknown[] | null | undefined) ?? []) {
          const key = idOf(target)
          refs.push({ id, relation, target: key, code: relation === 'jurisdictions' ? (codes.get(key) ?? null) : null })
        }
      }
      for (const ref of richTextReferences(all.body)) refs.push({ id, relation: `richtext:${ref.relationTo}`, target: ref.id, code: null })
      for (const row of (base.provisions as { provision?: unknown }[] | null | undefined) ?? []) {
        if (row.provision !== null && row.provision !== undefined) refs.push({ id, relation: 'provisions', target: idOf(row.provision), code: null })
      }
      for (const language of (base.language as string[] | null | undefined) ?? []) refs.push({ id, relation: 'language', target: language, code: null })
    }
  }
  return { docs, refs }
}

/** Jurisdiction codes by id, as the `jurisdictions.code` filter matches them. */
async function jurisdictionCodes(payload: Payload, ids: unknown[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.map(idOf))]
  const codes = new Map<string, string>()
  for (let at = 0; at < unique.length; at += CHUNK) {
    const { docs } = await payload.find({
      collection: 'jurisdictions',
      where: { id: { in: unique.slice(at, at + CHUNK) } },
      select: { code: true },
      depth: 0,
      overrideAccess: false,
      pagination: false,
      context: { readModelRender: true },
    })
    for (const doc of docs) codes.set(String(doc.id), doc.code)
  }
  return codes
}
