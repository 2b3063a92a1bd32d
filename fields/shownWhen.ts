import type { Condition, Field, FieldHook } from 'payload'

type Doc = Record<string, unknown>

/** The document as it will be: the stored one with the request's values over it. */
function merged(originalDoc: Doc | undefined, data: Doc | undefined): Doc {
  const doc: Doc = { ...originalDoc }
  for (const [name, value] of Object.entries(data ?? {})) if (value !== undefined) doc[name] = value
  return doc
}

const isList = (field: Field) => field.type === 'array' || field.type === 'blocks' || ('hasMany' in field && field.hasMany === true)

function clearWhenHidden(applies: (doc: Doc) => boolean, field: Field): FieldHook {
  return ({ data, originalDoc, value }) => (applies(merged(originalDoc as Doc | undefined, data as Doc | undefined)) ? value : isList(field) ? [] : null)
}

/** The same field, its data fields (its own, or those of a row or collapsible) emptied by a save where `applies` is false. */
function clearing(field: Field, applies: (doc: Doc) => boolean): Field {
  if ('name' in field && field.type !== 'ui') {
    const hooks = field.hooks ?? {}
    return { ...field, hooks: { ...hooks, beforeValidate: [clearWhenHidden(applies, field), ...(hooks.beforeValidate ?? [])] } } as Field
  }
  if ('fields' in field && Array.isArray(field.fields)) return { ...field, fields: field.fields.map((child) => clearing(child, applies)) } as Field
  return field
}

/**
 * A field that belongs to some documents only (e.g. graphics to social-media resources): the
 * admin panel shows it only when `applies(document)` holds, and a save where it does not hold
 * stores it empty, whatever the request sent (REST, GraphQL, drafts, the workflow's publish).
 * Otherwise a hidden field is still stored and published, unseen and unvalidated (Payload skips
 * the validation of a field whose condition is false).
 */
export function shownWhen<T extends Field>(applies: (doc: Doc) => boolean, field: T): T {
  const condition: Condition = (data) => applies(data as Doc)
  clearedWhenHidden.add(condition)
  return { ...clearing(field, applies), admin: { ...field.admin, condition } } as T
}

/** The conditions made by shownWhen: a field hidden by any other data condition would be stored unseen (tests walk the config). */
const clearedWhenHidden = new WeakSet<Condition>()
export const clearsWhenHidden = (condition: Condition) => clearedWhenHidden.has(condition)

/**
 * The document as a save will store it: the data of every field (or row, collapsible) that
 * shownWhen made conditional emptied where its condition does not hold. What the review panel's
 * publication preview shows must be what publishing stores.
 */
export function withHiddenCleared(fields: Field[], doc: Doc): Doc {
  const copy: Doc = { ...doc }
  const empty = (field: Field) => {
    if ('name' in field && field.type !== 'ui') copy[field.name] = isList(field) ? [] : null
    else if ('fields' in field && Array.isArray(field.fields)) field.fields.forEach(empty)
  }
  const visit = (field: Field) => {
    const condition = field.admin?.condition
    if (condition && clearedWhenHidden.has(condition) && !(condition as (data: Doc) => boolean)(doc)) return empty(field)
    if (!('name' in field) && 'fields' in field && Array.isArray(field.fields)) field.fields.forEach(visit)
  }
  fields.forEach(visit)
  return copy
}
