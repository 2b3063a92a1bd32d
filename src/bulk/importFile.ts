/**
 * `npm run import <file>`: resources from a JSON array or a CSV file, checked in full before
 * anything is written (a bad row names its line and field; nothing is stored), then written
 * through the bulk path (src/bulk/resources.ts).
 *
 * Record format (JSON keys; CSV columns use the same names, `title_es` for localized Spanish,
 * `;` between list items): slug?, title, title_es?, summary?, summary_es?, category, section?,
 * jurisdictions (codes, e.g. US-NY), topics? (slugs), organizations? (slugs), issuedBy?,
 * issuedBy_es?, issuerType?, issuedAt?, effectiveAt?, billNumber?, legislativeStatus?,
 * language? (codes), url? (one official link), status? (in_review, the default | draft | published:
 * with --publish only, its default then).
 *
 * Who imports (`--as <email>`, required) and what they may import: ./importer.ts. Every item
 * is owned by the importer and carries its review events (`submit`, and `publish` with the
 * checklist when published), written with it.
 */
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import { LANGUAGES } from '../../fields/language'
import { isHttpUrl } from '../../fields/url'
import { CATEGORIES, ISSUER_TYPES, LEGISLATIVE_STATUSES, SECTIONS } from '../../collections/Resources/options'
import { importOutOfScope, resolveImporter, type Importer, type ImportOptions } from './importer'
import { assignSlugs, insertResources, type BulkEvent, type BulkResource } from './resources'

type Row = Record<string, unknown>
const STATUSES = ['draft', 'in_review', 'published'] as const
const values = (options: readonly { value: string }[]) => new Set(options.map((o) => o.value))
const CHOICES = {
  category: values(CATEGORIES),
  section: values(SECTIONS),
  issuerType: values(ISSUER_TYPES),
  legislativeStatus: values(LEGISLATIVE_STATUSES),
}
const LANGUAGE_CODES = values(LANGUAGES)

/** RFC 4180 CSV: quoted fields, doubled quotes, newlines inside quotes. First row: column names. */
export function parseCsv(text: string): Row[] {
  const rows: string[][] = []
  let field = ''
  let row: string[] = []
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(field), (field = '')
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field), rows.push(row), (row = []), (field = '')
    } else field += c
  }
  if (field !== '' || row.length) row.push(field), rows.push(row)
  const [header, ...body] = rows.filter((r) => r.some((f) => f.trim() !== ''))
  if (!header) return []
  return body.map((r) => Object.fromEntries(header.map((name, i) => [name.trim(), r[i] ?? ''])))
}

export function parseFile(name: string, text: string): Row[] {
  if (/\.csv$/i.test(name)) return parseCsv(text)
  const data = JSON.parse(text) as unknown
  if (!Array.isArray(data)) throw new ImportError(['The JSON file must hold an array of resources.'])
  return data as Row[]
}

export class ImportError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} problem(s); nothing was imported:\n${problems.slice(0, 50).join('\n')}`)
  }
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim())
const list = (v: unknown) => (Array.isArray(v) ? v.map(text) : text(v).split(';').map((s) => s.trim())).filter(Boolean)

async function idsByKey(payload: Payload, collection: CollectionSlug, key: string): Promise<Map<string, string | number>> {
  const { docs } = await payload.find({ collection, pagination: false, depth: 0, select: { [key]: true }, overrideAccess: true })
  return new Map(docs.map((d) => [String((d as unknown as Row)[key]), d.id]))
}

/** Checks every row and turns it into a bulk record; throws ImportError listing every problem. */
export async function toRecords(payload: Payload, rows: Row[], importer: Importer, options: ImportOptions & { file: string }): Promise<BulkResource[]> {
  const jurisdictions = await idsByKey(payload, 'jurisdictions', 'code')
  const topics = await idsByKey(payload, 'topics', 'slug')
  const organizations = await idsByKey(payload, 'organizations', 'slug')
  const problems: string[] = []
  const records = rows.map((row, index) => {
    const where = `record ${index + 1}`
    const problem = (field: string, message: string) => problems.push(`${where}, ${field}: ${message}`)
    const optional = (field: string, max: number) => {
      const value = text(row[field])
      if (value.length > max) problem(field, `longer than ${max} characters`)
      return value || null
    }
    const localized = (field: string, max: number, required = false) => {
      const en = optional(field, max)
      const es = optional(`${field}_es`, max)
      if (required && !en) problem(field, 'required')
      return en ? { en, es } : null
    }
    const choice = (field: keyof typeof CHOICES, required = false) => {
      const value = text(row[field])
      if (!value) return required ? (problem(field, 'required'), '') : null
      if (!CHOICES[field].has(value)) problem(field, `"${value}" is not one of ${[...CHOICES[field]].join(', ')}`)
      return value
    }
    const refs = (field: string, ids: Map<string, string | number>) =>
      list(row[field]).flatMap((key) => (ids.has(key) ? [ids.get(key)!] : (problem(field, `"${key}" does not exist`), [])))
    const date = (field: string) => {
      const value = text(row[field])
      if (!value) return null
      const time = Date.parse(value)
      return Number.isNaN(time) ? (problem(field, `"${value}" is not a date`), null) : new Date(time).toISOString()
    }
    const status = text(row.status) || (options.publish ? 'published' : 'in_review')
    if (!STATUSES.includes(status as never)) problem('status', `"${status}" is not one of ${STATUSES.join(', ')}`)
    else if (status === 'published' && !options.publish) problem('status', '"published" needs --publish (an editor\'s or admin\'s account) and --confirm-checklist; without it items go to review')
    const url = text(row.url)
    if (url && !isHttpUrl(url)) problem('url', 'must start with http:// or https://')
    const language = list(row.language)
    for (const code of language) if (!LANGUAGE_CODES.has(code)) problem('language', `"${code}" is not a language code`)
    const slug = optional('slug', 120)
    if (slug && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) problem('slug', 'only lowercase letters, digits and single hyphens')
    const jurisdictionIds = refs('jurisdictions', jurisdictions)
    if (!list(row.jurisdictions).length) problem('jurisdictions', 'at least one jurisdiction code is required')
    const record: BulkResource = {
      slug: slug ?? undefined,
      title: localized('title', 300, true) ?? { en: '' },
      summary: localized('summary', 1500),
      category: choice('category', true) ?? '',
      section: choice('section'),
      jurisdictions: jurisdictionIds,
      topics: refs('topics', topics),
      organizations: refs('organizations', organizations),
      issuedBy: localized('issuedBy', 300),
      issuerType: choice('issuerType'),
      issuedAt: date('issuedAt'),
      effectiveAt: date('effectiveAt'),
      billNumber: optional('billNumber', 100),
      legislativeStatus: choice('legislativeStatus'),
      language,
      links: url ? [{ label: { en: 'Official text', es: 'Texto oficial' }, url }] : [],
      reviewStatus: status as BulkResource['reviewStatus'],
      owner: importer.id,
      events: eventsFor(status, importer, options.file),
    }
    return record
  })
  for (const [index, record] of records.entries()) {
    if (!record.jurisdictions.length) continue // already a problem
    const outside = await importOutOfScope(importer, record.jurisdictions, record.reviewStatus === 'published')
    if (outside) problems.push(`record ${index + 1}, jurisdictions: ${outside}`)
  }
  if (problems.length) throw new ImportError(problems)
  try {
    await assignSlugs(payload, records)
  } catch (error) {
    throw new ImportError([(error as Error).message])
  }
  return records
}

/** The review history an imported item starts with: who imported it, from which file. */
function eventsFor(status: string, importer: Importer, file: string): BulkEvent[] {
  if (status === 'draft') return []
  const from = `npm run import of ${path.basename(file).slice(0, 200)}`
  const submit: BulkEvent = { action: 'submit', from: 'draft', to: 'in_review', by: importer.id, note: `Imported (${from}).` }
  if (status !== 'published') return [submit]
  const checklist = { personalDataCleared: true, sourcesChecked: true } as const
  return [submit, { action: 'publish', from: 'in_review', to: 'published', by: importer.id, checklist, note: `Published on import (${from}); checklist confirmed with --confirm-checklist.` }]
}

export async function importResources(
  payload: Payload,
  name: string,
  content: string,
  options: ImportOptions & { onProgress?: (done: number, total: number) => void },
) {
  const importer = await resolveImporter(payload, options)
  if ('problems' in importer) throw new ImportError(importer.problems)
  const { onProgress } = options
  const records = await toRecords(payload, parseFile(name, content), importer, { ...options, file: name })
  const started = performance.now()
  const ids = await insertResources(payload, records, { onProgress })
  const seconds = (performance.now() - started) / 1000
  return { ids, seconds, perSecond: ids.length / Math.max(seconds, 1e-6) }
}
