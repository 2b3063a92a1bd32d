/**
 * A fast path for creating many resources at once (`npm run import`, the benchmark's seeding).
 *
 * Payload's Local API `create` costs about 15 ms per resource on SQLite: field hooks (the slug
 * hook counts rows for every candidate slug), validation, access, the `superseded` afterRead
 * count, reading the whole document back with its joins, a second write for the version, and one
 * transaction (one fsync) per document. Here the records are checked up front, then written in
 * batches, one transaction per batch, through the database adapter's own `create` and
 * `createVersion` (the calls Payload's create operation makes after its hooks), so the rows are
 * exactly the ones Payload would store — main row, locales, relationships, arrays, selects, and a
 * latest version — on SQLite and MongoDB alike. No hooks run: callers pass finished records.
 * On SQLite even the adapter is too slow (~90 resources per CPU-second): sqliteResources.ts
 * writes the same rows with multi-row INSERTs (both paths are tested against the Local API).
 */
import crypto from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import { toSlug } from '../../fields/slug'
import { publicContentVersion } from '../cache/publicContentVersion'
import type { Action, State } from '../workflow/machine'
import { reviewEventsOf } from './reviewEvents'
import { markPending } from '../readModel/stores'
import { searchEntriesOf } from './searchEntries'
import { insertBatchSqlite, sqliteClient } from './sqliteResources'

type Id = string | number
export type Localized = { en: string; es?: string | null }

/** One resource as the bulk path takes it: localized values in both locales, relations by id. */
export type BulkResource = {
  slug?: string
  title: Localized
  summary?: Localized | null
  /** Lexical JSON, per locale. */
  body?: { en?: unknown; es?: unknown } | null
  category: string
  section?: string | null
  jurisdictions: Id[]
  organizations?: Id[]
  topics?: Id[]
  issuedBy?: Localized | null
  issuerType?: string | null
  issuedAt?: string | null
  effectiveAt?: string | null
  billNumber?: string | null
  legislativeStatus?: string | null
  supersedes?: Id[]
  links?: { label: Localized; url: string }[]
  language?: string[]
  /** Review state; `published` also sets `_status` and `publishedAt`. Defaults to `draft`. */
  reviewStatus?: State
  publishedAt?: string | null
  owner?: Id | null
  /** Its review history from the start (who imported it, a publish with its checklist). */
  events?: BulkEvent[]
}

/** One review event of a bulk record (collections/ReviewEvents.ts), dated when written. */
export type BulkEvent = { action: Action; from: State; to: State; by: Id; note?: string | null; checklist?: Record<string, true> | null }

export type BulkOptions = {
  /** Documents per transaction. */
  batchSize?: number
  onProgress?: (done: number, total: number) => void
  /** Skip the SQLite fast path (sqliteResources.ts) and go through the adapter, as on MongoDB. */
  viaAdapter?: boolean
}

/** Fills empty slugs from the English title, unique against the database and the batch. */
export async function assignSlugs(payload: Payload, records: BulkResource[]): Promise<void> {
  const taken = new Set<string>()
  const existing = await payload.find({
    collection: 'resources',
    select: { slug: true },
    pagination: false,
    depth: 0,
    draft: true,
    overrideAccess: true,
  })
  for (const doc of existing.docs) taken.add(String(doc.slug))
  for (const record of records) {
    if (record.slug) {
      if (taken.has(record.slug)) throw new Error(`slug "${record.slug}" is already taken`)
      taken.add(record.slug)
      continue
    }
    const base = toSlug(record.title.en) || 'resource'
    let slug = base
    for (let n = 2; taken.has(slug); n++) slug = `${base.slice(0, 116)}-${n}`
    taken.add(slug)
    record.slug = slug
  }
}

/** The document as Payload's create operation hands it to the adapter (`resultWithLocales`). */
function toStored(record: BulkResource, now: string): Record<string, unknown> {
  const localized = (value: Localized | null | undefined) =>
    value ? { en: value.en, ...(value.es ? { es: value.es } : {}) } : undefined
  const published = record.reviewStatus === 'published'
  const doc: Record<string, unknown> = {
    title: localized(record.title),
    slug: record.slug,
    summary: localized(record.summary),
    body: record.body ? { en: record.body.en ?? null, ...(record.body.es ? { es: record.body.es } : {}) } : undefined,
    category: record.category,
    section: record.section ?? null,
    jurisdictions: record.jurisdictions,
    organizations: record.organizations ?? [],
    topics: record.topics ?? [],
    issuedBy: localized(record.issuedBy),
    issuerType: record.issuerType ?? null,
    issuedAt: record.issuedAt ?? null,
    effectiveAt: record.effectiveAt ?? null,
    billNumber: record.billNumber ?? null,
    legislativeStatus: record.legislativeStatus ?? null,
    supersedes: record.supersedes ?? [],
    documents: [],
    links: (record.links ?? []).map((link) => ({ id: objectId(), label: localized(link.label), url: link.url })),
    language: record.language ?? [],
    socialPosts: [],
    graphics: [],
    reviewStatus: record.reviewStatus ?? 'draft',
    owner: record.owner ?? null,
    publishedAt: published ? (record.publishedAt ?? now) : (record.publishedAt ?? null),
    _status: published ? 'published' : 'draft',
    publishedSlug: published ? record.slug : undefined,
    createdAt: now,
    updatedAt: now,
  }
  for (const key of Object.keys(doc)) if (doc[key] === undefined) delete doc[key]
  return doc
}

/** Array rows get Payload's id form (a 24-hex ObjectId string) on every adapter. */
const objectId = () => crypto.randomBytes(12).toString('hex')

/**
 * Writes the records (slugs already assigned, see assignSlugs) and returns their ids in order.
 * A batch is all-or-nothing: a failure rolls back that batch and stops.
 */
export async function insertResources(payload: Payload, records: BulkResource[], options: BulkOptions = {}): Promise<Id[]> {
  const batchSize = options.batchSize ?? 500
  const ids: Id[] = []
  // No hooks run here: marked before the first row, so a server's read model answers nothing until it has rebuilt (src/readModel).
  if (records.length) await markPending({ payload } as unknown as PayloadRequest)
  const sqlite = options.viaAdapter ? undefined : sqliteClient(payload)
  for (let start = 0; start < records.length; start += batchSize) {
    const batch = records.slice(start, start + batchSize)
    if (sqlite) {
      ids.push(...(await insertBatchSqlite(sqlite, batch, objectId)))
      // No hooks ran: the batch is committed, so a new token now is never ahead of it.
      await publicContentVersion.changed({ payload, context: {}, transactionID: undefined })
      options.onProgress?.(Math.min(start + batchSize, records.length), records.length)
      continue
    }
    const transactionID = await payload.db.beginTransaction()
    const req = { payload, transactionID, context: {}, locale: 'all' } as unknown as PayloadRequest
    try {
      for (const record of batch) {
        const now = new Date().toISOString()
        const data = toStored(record, now)
        // select id only: the adapter reads back one column instead of the whole document.
        const created = (await payload.db.create({ collection: 'resources', data, req, select: { id: true } })) as { id: Id }
        await payload.db.createVersion({
          collectionSlug: 'resources',
          parent: created.id,
          versionData: { ...data, id: created.id } as never,
          autosave: false,
          createdAt: now,
          updatedAt: now,
          req,
          returning: false,
        } as never)
        ids.push(created.id)
      }
      for (const data of reviewEventsOf(batch, ids.slice(-batch.length), new Date().toISOString())) {
        await payload.db.create({ collection: 'review-events', data, req, select: { id: true } })
      }
      const codes = await jurisdictionCodes(payload, batch, req)
      for (const data of searchEntriesOf(batch, ids.slice(-batch.length), codes, new Date().toISOString())) {
        await payload.db.create({ collection: 'search-entries', data, req, select: { id: true } })
      }
      // No hooks ran: the new token is written here, in the batch's transaction.
      await publicContentVersion.changed(req)
      if (transactionID) await payload.db.commitTransaction(transactionID)
    } catch (error) {
      if (transactionID) await payload.db.rollbackTransaction(transactionID)
      throw error
    }
    options.onProgress?.(Math.min(start + batchSize, records.length), records.length)
  }
  return ids
}

/** The codes of the jurisdictions a batch names (the search index filters by code). */
async function jurisdictionCodes(payload: Payload, batch: BulkResource[], req: PayloadRequest): Promise<Map<string, string>> {
  const ids = [...new Set(batch.flatMap((r) => r.jurisdictions.map(String)))]
  if (!ids.length) return new Map()
  const { docs } = await payload.db.find({ collection: 'jurisdictions', where: { id: { in: ids } }, limit: 0, pagination: false, req })
  return new Map(docs.map((d) => [String(d.id), String((d as { code?: string }).code)]))
}
