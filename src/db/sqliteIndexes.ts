import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { getTableColumns, sql } from 'drizzle-orm'
import { index, type IndexBuilder, type SQLiteColumn } from 'drizzle-orm/sqlite-core'

/**
 * Indexes Payload's SQL schema lacks, added to every table of their shape (so they are part of the
 * schema: pushed in development, in the committed migrations for production). Each one turns a
 * per-row scan in Payload's read queries into a lookup (EXPLAIN QUERY PLAN figures in
 * docs/BENCHMARKS.md):
 *
 * - `<table>_locales(_parent_id)`: translations are read by parent; Payload's only index leads
 *   with `_locale`.
 * - arrays `(_parent_id, _order)`, hasMany selects and `_rels` `(parent_id, order)`: rows are read
 *   by parent in order; with two single-column indexes SQLite walked the `_order` index of the
 *   whole table for every document.
 * - `_rels.<collection>_id` where not null: a `_rels` table holds every relationship of a
 *   collection, one target column per related collection, so each column is mostly NULL. ANALYZE
 *   counts the NULLs as one value, judges the full index useless, and a join field (e.g.
 *   `supersededBy`) scanned the whole collection for every document read. A partial index
 *   counts only real references.
 */
export const readPathIndexes: SQLiteSchemaHook = ({ extendTable, schema }) => {
  for (const [tableName, table] of Object.entries(schema.tables)) {
    const columns = Object.values(getTableColumns(table)) as SQLiteColumn[]
    const byName = new Map(columns.map((column) => [column.name, column]))
    const wanted: Record<string, IndexBuilder> = {}
    const parent = byName.get('_parent_id')
    const order = byName.get('_order')
    if (tableName.endsWith('_locales') && parent && !byName.has('_order')) {
      wanted.parentOnly = index(`${tableName}_parent_id_only_idx`).on(parent)
    }
    if (parent && order) wanted.parentOrder = index(`${tableName}_parent_order_idx`).on(parent, order)
    const relParent = byName.get('parent_id')
    const relOrder = byName.get('order')
    if (relParent && relOrder) wanted.parentOrder = index(`${tableName}_parent_order_idx`).on(relParent, relOrder)
    if (tableName.endsWith('_rels')) {
      for (const column of columns) {
        if (!column.name.endsWith('_id') || column.name === 'parent_id') continue
        wanted[`${column.name}NotNull`] = index(`${tableName}_${column.name}_not_null_idx`)
          .on(column)
          .where(sql`${sql.identifier(column.name)} IS NOT NULL`)
      }
    }
    if (Object.keys(wanted).length > 0) extendTable({ table, extraConfig: () => wanted })
  }
  return schema
}
