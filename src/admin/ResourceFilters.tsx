'use client'
import { useListQuery, useTranslation } from '@payloadcms/ui'
import type { Where } from 'payload'
import { useEffect, useState } from 'react'
import { CATEGORIES } from '../../collections/Resources/options'
import { STATES } from '../workflow/machine'
import { tr } from './i18n'
import { optionLabel } from './labels'
import type { CustomKey } from './translations'

type Jurisdiction = { id: string | number; name: string }
const FIELDS = ['reviewStatus', 'jurisdictions', 'category'] as const
type Field = (typeof FIELDS)[number]

/**
 * The list's `where` as a flat list of single-field conditions. Payload hands back what this bar
 * set normalised as `{ or: [{ and: [...] }] }` (and a relationship's `contains` as `equals`); a
 * real choice between alternatives (an `or` of several branches) stays one opaque condition.
 */
function conditionsOf(where: Where | undefined): Where[] {
  if (!where) return []
  return Object.entries(where).flatMap(([key, value]): Where[] => {
    // Any case, as Payload reads them (`AND` in a hand-edited URL is `and`).
    const logical = key.toLowerCase()
    if (logical === 'and' && Array.isArray(value)) return value.flatMap(conditionsOf)
    if (logical === 'or' && Array.isArray(value)) return value.length === 1 ? conditionsOf(value[0]) : [{ or: value }]
    return [{ [key]: value } as Where]
  })
}

/** The value this bar set for a field, read back from the list's current `where`. */
function current(where: Where | undefined, field: Field): string {
  for (const clause of conditionsOf(where)) {
    const condition = clause[field] as { equals?: unknown; contains?: unknown } | undefined
    if (condition && (condition.equals ?? condition.contains) !== undefined) return String(condition.equals ?? condition.contains)
  }
  return ''
}

/**
 * Quick filters above the resources list (admin.components.beforeListTable): review status,
 * jurisdiction and category, written into the list's own `where` so that Payload's filter
 * builder, pagination and the URL stay in charge.
 */
export function ResourceFilters() {
  const { query, refineListData } = useListQuery()
  const { i18n, t } = useTranslation()
  const [jurisdictions, setJurisdictions] = useState<Jurisdiction[]>([])

  useEffect(() => {
    void fetch('/api/jurisdictions?limit=100&sort=name&depth=0&select[name]=true', { credentials: 'include' })
      .then((res) => (res.ok ? res.json() : { docs: [] }))
      .then((body: { docs: Jurisdiction[] }) => setJurisdictions(body.docs))
  }, [])

  const change = (field: Field, value: string) => {
    const kept = conditionsOf(query.where as Where | undefined).filter((clause) => !(field in clause))
    const op = field === 'jurisdictions' ? { contains: value } : { equals: value }
    const and = value ? [...kept, { [field]: op }] : kept
    void refineListData({ where: and.length ? { and } : {}, page: 1 } as never)
  }

  const select = (field: Field, label: CustomKey, options: { value: string; label: string }[]) => (
    <label style={{ display: 'grid', gap: 4 }}>
      <span style={{ fontSize: 12 }}>{tr(t, label)}</span>
      <select name={`filter-${field}`} value={current(query.where as Where, field)} onChange={(e) => change(field, e.target.value)}>
        <option value="">{tr(t, 'custom:any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <div className="resource-filters" style={{ display: 'flex', gap: 16, flexWrap: 'wrap', margin: '8px 0 16px' }}>
      {select('reviewStatus', 'custom:filterStatus', STATES.map((s) => ({ value: s, label: tr(t, `custom:state.${s}` as CustomKey) })))}
      {select('jurisdictions', 'custom:filterJurisdiction', jurisdictions.map((j) => ({ value: String(j.id), label: j.name })))}
      {select('category', 'custom:filterCategory', CATEGORIES.map((c) => ({ value: c.value, label: optionLabel('category', c.value, c.label, i18n.language) })))}
    </div>
  )
}
