import type { FlattenedField } from 'payload'

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Calls `visit` with every value `data` gives a field (undefined and null left out), and its path as
 * Payload names it in errors (`links.0.url`), walking into groups, tabs, array rows and blocks by
 * their own fields. The checks of a write's data (./linkedDocuments.ts, ./storableValues.ts) read
 * it this way.
 */
export function eachFieldValue(fields: FlattenedField[], data: unknown, visit: (field: FlattenedField, value: unknown, path: string) => void, prefix = ''): void {
  if (!isRecord(data)) return
  for (const field of fields) {
    if (!('name' in field)) continue
    const value = data[field.name]
    const path = prefix ? `${prefix}.${field.name}` : field.name
    if (value === undefined || value === null) continue
    if (field.type === 'group' || field.type === 'tab') {
      eachFieldValue(field.flattenedFields, value, visit, path)
    } else if (field.type === 'array' || field.type === 'blocks') {
      // A list field given something else: Payload's own validation says so.
      if (!Array.isArray(value)) continue
      value.forEach((row, i) => {
        const rowFields = field.type === 'array' ? field.flattenedFields : field.blocks.find((b) => isRecord(row) && b.slug === row.blockType)?.flattenedFields
        if (rowFields) eachFieldValue(rowFields, row, visit, `${path}.${i}`)
      })
    } else {
      visit(field, value, path)
    }
  }
}
