/**
 * The SQLite fast path of the bulk resource import: the rows Payload's drizzle adapter writes
 * for a created resource and its first version (the tables Payload generated for the Resources
 * collection, see `resources*` and `_resources_v*` in the schema), as multi-row INSERTs, one
 * transaction per batch. Going through the adapter costs ~11 ms of CPU per resource (a drizzle
 * query built and prepared for each of ~25 rows); here one statement writes a few hundred rows.
 *
 * This file knows the table layout, so a new field on Resources must be added here too: the
 * test in tests/bulk-import.test.ts (bulk vs Local API, read back through REST) fails until it is.
 */
import type { Payload } from 'payload'
import type { BulkResource } from './resources'
import { searchEntriesOf } from './searchEntries'
import { reviewEventsOf } from './reviewEvents'

type Executor = {
  execute: (stmt: { sql: string; args: unknown[] } | string) => Promise<{ rows: Record<string, unknown>[] }>
}
type Client = Executor & {
  /** libsql hands the transaction its own connection: other queries of the server are not inside it. */
  transaction: (mode: 'write') => Promise<Executor & { commit: () => Promise<void>; rollback: () => Promise<void> }>
}
type Value = string | number | null
type Rows = Record<string, Value[][]>

const COLUMNS: Record<string, string[]> = {
  resources: ['id', 'slug', 'category', 'section', 'issuer_type', 'issued_at', 'effective_at', 'bill_number', 'legislative_status', 'review_status', 'owner_id', 'assignee_id', 'published_at', 'publish_at', 'updated_at', 'created_at', '_status', 'published_slug'],
  resources_locales: ['title', 'summary', 'body', 'issued_by', '_locale', '_parent_id'],
  resources_rels: ['order', 'parent_id', 'path', 'jurisdictions_id', 'organizations_id', 'topics_id', 'resources_id', 'documents_id'],
  resources_links: ['_order', '_parent_id', 'id', 'url'],
  resources_links_locales: ['label', '_locale', '_parent_id'],
  resources_language: ['order', 'parent_id', 'value'],
  _resources_v: ['id', 'parent_id', 'version_slug', 'version_category', 'version_section', 'version_issuer_type', 'version_issued_at', 'version_effective_at', 'version_bill_number', 'version_legislative_status', 'version_review_status', 'version_owner_id', 'version_assignee_id', 'version_published_at', 'version_publish_at', 'version_updated_at', 'version_created_at', 'version__status', 'created_at', 'updated_at', 'snapshot', 'published_locale', 'latest', 'version_published_slug'],
  _resources_v_locales: ['version_title', 'version_summary', 'version_body', 'version_issued_by', '_locale', '_parent_id'],
  _resources_v_rels: ['order', 'parent_id', 'path', 'jurisdictions_id', 'organizations_id', 'topics_id', 'resources_id', 'documents_id'],
  _resources_v_version_links: ['_order', '_parent_id', 'id', 'url', '_uuid'],
  _resources_v_version_links_locales: ['label', '_locale', '_parent_id'],
  _resources_v_version_language: ['order', 'parent_id', 'value'],
  review_events: ['resource_id', 'resource_owner_id', 'action', 'from', 'to', 'by_id', 'note', 'checklist', 'at', 'emailed', 'updated_at', 'created_at'],
  search_entries: ['resource', 'locale', 'slug', 'title', 'summary', 'documents', 'body', 'words', 'category', 'section', 'jurisdictions', 'issued_at', 'published_at'],
}
/** Tables written in this order (parents before children). */
const TABLES = Object.keys(COLUMNS)
const MAX_PARAMS = 30_000

export function sqliteClient(payload: Payload): Client | undefined {
  const db = payload.db as unknown as { name: string; client?: Client }
  return db.name === 'sqlite' ? db.client : undefined
}

async function nextId(client: Executor, table: string): Promise<number> {
  const { rows } = await client.execute(`SELECT coalesce(max(id), 0) + 1 AS next FROM "${table}"`)
  return Number(rows[0]!.next)
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value))

/** Adds the rows of one resource (main document and its first, latest version). */
function addRows(rows: Rows, r: BulkResource, id: number, versionId: number, linkIds: { next: number }, linkUuid: () => string, now: string) {
  const published = r.reviewStatus === 'published'
  const status = published ? 'published' : 'draft'
  const publishedAt = published ? (r.publishedAt ?? now) : (r.publishedAt ?? null)
  const scalars: Value[] = [r.slug!, r.category, r.section ?? null, r.issuerType ?? null, r.issuedAt ?? null, r.effectiveAt ?? null, r.billNumber ?? null, r.legislativeStatus ?? null, r.reviewStatus ?? 'draft', (r.owner as number) ?? null, null, publishedAt, null]
  // A published resource holds its slug (fields/slug.ts, reservePublishedSlug).
  const publishedSlug = published ? r.slug! : null
  rows.resources!.push([id, ...scalars, now, now, status, publishedSlug])
  rows._resources_v!.push([versionId, id, ...scalars, now, now, status, now, now, null, null, 1, publishedSlug])

  for (const locale of ['en', 'es'] as const) {
    const values: Value[] = [r.title[locale] ?? null, r.summary?.[locale] ?? null, json(r.body?.[locale]), r.issuedBy?.[locale] ?? null]
    if (values.every((v) => v === null || v === undefined)) continue
    rows.resources_locales!.push([...values, locale, id])
    rows._resources_v_locales!.push([...values, locale, versionId])
  }

  const relations: [string, number, (string | number)[] | undefined][] = [
    ['jurisdictions', 3, r.jurisdictions],
    ['organizations', 4, r.organizations],
    ['topics', 5, r.topics],
    ['supersedes', 6, r.supersedes],
  ]
  for (const [path, column, ids] of relations) {
    ;(ids ?? []).forEach((target, i) => {
      const row: Value[] = [i + 1, id, path, null, null, null, null, null]
      row[column] = Number(target)
      rows.resources_rels!.push(row)
      rows._resources_v_rels!.push([i + 1, versionId, `version.${path}`, ...row.slice(3)])
    })
  }

  ;(r.links ?? []).forEach((link, i) => {
    const uuid = linkUuid()
    const versionLinkId = linkIds.next++
    rows.resources_links!.push([i + 1, id, uuid, link.url])
    rows._resources_v_version_links!.push([i + 1, versionId, versionLinkId, link.url, uuid])
    for (const locale of ['en', 'es'] as const) {
      const label = link.label[locale]
      if (!label) continue
      rows.resources_links_locales!.push([label, locale, uuid])
      rows._resources_v_version_links_locales!.push([label, locale, versionLinkId])
    }
  })

  ;(r.language ?? []).forEach((value, i) => {
    rows.resources_language!.push([i + 1, id, value])
    rows._resources_v_version_language!.push([i + 1, versionId, value])
  })
}

async function insertAll(client: Executor, table: string, rows: Value[][]): Promise<void> {
  const columns = COLUMNS[table]!
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length))
  const tuple = `(${columns.map(() => '?').join(',')})`
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement)
    await client.execute({
      sql: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${chunk.map(() => tuple).join(',')}`,
      args: chunk.flat(),
    })
  }
}

/** Writes one batch in one write transaction: all of it or nothing. */
export async function insertBatchSqlite(client: Client, records: BulkResource[], objectId: () => string): Promise<number[]> {
  const tx = await client.transaction('write')
  try {
    const ids = await insertRows(tx, records, objectId)
    await tx.commit()
    return ids
  } catch (error) {
    await tx.rollback()
    throw error
  }
}

async function insertRows(client: Executor, records: BulkResource[], objectId: () => string): Promise<number[]> {
  let id = await nextId(client, 'resources')
  let versionId = await nextId(client, '_resources_v')
  const linkIds = { next: await nextId(client, '_resources_v_version_links') }
  const rows: Rows = Object.fromEntries(TABLES.map((t) => [t, []]))
  const ids: number[] = []
  for (const record of records) {
    addRows(rows, record, id, versionId, linkIds, objectId, new Date().toISOString())
    ids.push(id++)
    versionId++
  }
  for (const e of reviewEventsOf(records, ids, new Date().toISOString())) {
    const id = (v: unknown) => (v === null || v === undefined ? null : Number(v))
    rows.review_events!.push([id(e.resource), id(e.resourceOwner), e.action as string, e.from as string, e.to as string, id(e.by), (e.note as string | null) ?? null, json(e.checklist), e.at as string, 0, e.updatedAt as string, e.createdAt as string])
  }
  // The search index (its FTS table follows search_entries through triggers).
  const { rows: jurisdictions } = await client.execute('SELECT id, code FROM jurisdictions')
  const codes = new Map(jurisdictions.map((j) => [String(j.id), String(j.code)]))
  for (const e of searchEntriesOf(records, ids, codes, new Date().toISOString())) {
    rows.search_entries!.push([e.resource, e.locale, e.slug, e.title, e.summary, e.documents, e.body, JSON.stringify(e.words), e.category, e.section, e.jurisdictions, e.issuedAt, e.publishedAt])
  }
  for (const table of TABLES) await insertAll(client, table, rows[table]!)
  return ids
}
