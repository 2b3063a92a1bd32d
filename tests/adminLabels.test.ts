/**
 * The admin panel speaks Spanish everywhere a person reads it: every collection the panel shows,
 * every visible field's label and description, every option, array and collapsible label. Walks
 * the real sanitized config (createConfig, with our admin plugin applied), no database.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { initI18n, type I18n } from '@payloadcms/translations'
import type { Field, SanitizedCollectionConfig, SanitizedConfig } from 'payload'
import { collections as plainCollections } from '../collections'
import { COLLECTION_TEXT } from '../src/admin/labels'
import { createConfig } from '../src/config'
import { loadSettings } from '../src/settings'

let config: SanitizedConfig
let en: I18n
let es: I18n
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-labels-'))

beforeAll(async () => {
  config = await createConfig(loadSettings({ PAYLOAD_SECRET: 'x'.repeat(32), DATA_DIR: dataDir }))
  es = await initI18n({ config: config.i18n as never, context: 'client', language: 'es' })
  en = await initI18n({ config: config.i18n as never, context: 'client', language: 'en' })
})
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

/** Shown to someone: Payload's `admin.hidden` collections (the search index, Payload's own) are not. */
const shown = () => config.collections.filter((c) => c.admin?.hidden !== true)

/**
 * Fields nobody sees in the panel: `hidden` (internal keys, upload metadata, the timestamps in the
 * form), `admin.hidden` and `admin.disabled` (Payload's auth internals: salt, hash, sessions…).
 * Payload's own visible fields (email, _status) carry label functions from Payload's translations,
 * which the walk resolves like ours.
 */
const invisible = (field: Field) => {
  const admin = (field as { admin?: { hidden?: boolean; disabled?: boolean } }).admin
  return (field as { hidden?: boolean }).hidden === true || admin?.hidden === true || admin?.disabled === true
}

/** Why `text` has no Spanish, or undefined when it has. */
function noSpanish(text: unknown): string | undefined {
  if (typeof text === 'string') return `English only: "${text}"`
  if (typeof text === 'function') {
    const resolve = (i18n: I18n) => String((text as (args: unknown) => unknown)({ t: i18n.t, i18n }))
    const spanish = resolve(es)
    if (!spanish.trim() || /^[a-z]+:\S+$/.test(spanish)) return `resolves to no Spanish text: "${spanish}"`
    return spanish === resolve(en) ? `resolves to the English "${spanish}"` : undefined
  }
  if (text && typeof text === 'object') {
    const { es: spanish } = text as { es?: unknown }
    return typeof spanish === 'string' && spanish.trim() ? undefined : `no "es" in ${JSON.stringify(text)}`
  }
  return `no label (${String(text)})`
}

type Problem = string
/** The keys our label files use: a field's path, or a collapsible's or tab's English label. */
function walk(fields: Field[], where: string, problems: Problem[], keys: Set<string>, prefix = '') {
  for (const field of fields) {
    if (invisible(field)) continue
    const name = 'name' in field ? field.name : undefined
    const at = `${where} › ${name ? `${prefix}${name}` : `(${field.type})`}`
    const check = (what: string, text: unknown) => {
      const problem = noSpanish(text)
      if (problem) problems.push(`${at} ${what}: ${problem}`)
    }
    if (name) keys.add(`${prefix}${name}`)
    if (field.type !== 'row' && field.type !== 'tabs' && field.type !== 'ui') check('label', (field as { label?: unknown }).label)
    if (field.type === 'ui' && 'label' in field) check('label', field.label)
    const description = (field.admin as { description?: unknown } | undefined)?.description
    if (description !== undefined) check('description', description)
    if ((field.type === 'select' || field.type === 'radio') && field.options) {
      for (const option of field.options) {
        const value = typeof option === 'string' ? option : option.value
        check(`option "${value}"`, typeof option === 'string' ? option : option.label)
      }
    }
    if (field.type === 'array') {
      check('singular label', field.labels?.singular)
      check('plural label', field.labels?.plural)
    }
    if (field.type === 'blocks') {
      for (const block of field.blocks) {
        check(`block "${block.slug}" singular label`, block.labels?.singular)
        check(`block "${block.slug}" plural label`, block.labels?.plural)
        walk(block.fields, `${at} › ${block.slug}`, problems, keys, '')
      }
    }
    if (field.type === 'collapsible' && typeof field.label === 'string') keys.add(field.label)
    if (field.type === 'collapsible' && field.label && typeof field.label === 'object' && 'en' in field.label) keys.add(String(field.label.en))
    if ('fields' in field) {
      const nested = field.type === 'array' || field.type === 'group' ? (name ? `${prefix}${name}.` : prefix) : prefix
      walk(field.fields, where, problems, keys, nested)
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        check(`tab "${'name' in tab ? tab.name : ''}" label`, tab.label)
        walk(tab.fields, where, problems, keys, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix)
      }
    }
  }
}

function problemsOf(collection: SanitizedCollectionConfig, keys = new Set<string>()): Problem[] {
  const problems: Problem[] = []
  const check = (what: string, text: unknown) => {
    const problem = noSpanish(text)
    if (problem) problems.push(`${collection.slug} ${what}: ${problem}`)
  }
  check('singular label', collection.labels.singular)
  check('plural label', collection.labels.plural)
  if (collection.admin.description !== undefined) check('description', collection.admin.description)
  if (collection.admin.group) check('group', collection.admin.group)
  walk(collection.fields, collection.slug, problems, keys)
  return problems
}

describe('admin panel labels in Spanish', () => {
  it('walks every collection the panel shows, editors-only ones included', () => {
    const slugs = shown().map((c) => c.slug)
    expect(slugs.sort()).toEqual(
      [
        'contributors', 'documents', 'jurisdictions', 'organizations', 'registration-audit', 'resources',
        'provisions', 'reverifications', 'review-events', 'subscriptions', 'topics', 'webhooks', 'webinar-registrations', 'webinars',
      ].sort(),
    )
    // The search index and Payload's own collections (jobs, preferences, migrations…) are hidden.
    expect(config.collections.find((c) => c.slug === 'search-entries')?.admin.hidden).toBe(true)
  })

  it('has Spanish for every visible label, description and option', () => {
    const problems = shown().flatMap((collection) => problemsOf(collection))
    expect(problems).toEqual([])
  })

  it('resolves help texts and Payload’s own labels through the Spanish translations', () => {
    const resources = config.collections.find((c) => c.slug === 'resources')!
    const title = resources.fields.find((f) => 'name' in f && f.name === 'title') as { admin: { description: (a: unknown) => string } }
    expect(title.admin.description({ t: es.t, i18n: es })).toBe('El nombre del documento tal como se conoce. En inglés, en español o en ambos: basta con uno, y quien lee en el otro idioma lo ve.')
    const email = config.collections.find((c) => c.slug === 'contributors')!.fields.find((f) => 'name' in f && f.name === 'email')
    expect(noSpanish((email as { label: unknown }).label)).toBeUndefined()
  })

  it('names no field the collection does not have (a stale or misspelt key translates nothing)', () => {
    const stale: string[] = []
    for (const collection of shown()) {
      const text = COLLECTION_TEXT[collection.slug]
      if (!text) continue
      const keys = new Set<string>()
      problemsOf(collection, keys)
      const used = [text.fields, text.descriptions, text.help, text.arrays, text.options].flatMap((map) => Object.keys(map ?? {}))
      stale.push(...used.filter((key) => !keys.has(key)).map((key) => `${collection.slug}: ${key}`))
    }
    expect(stale).toEqual([])
  })

  it('leaves the API unchanged: the same fields and option values as the plain collection files', () => {
    const valuesOf = (fields: Field[], prefix = ''): string[] =>
      fields.flatMap((field) => {
        const name = 'name' in field ? `${prefix}${field.name}` : undefined
        const own = name && 'options' in field ? [`${name}=${field.options.map((o) => (typeof o === 'string' ? o : o.value)).join(',')}`] : name ? [name] : []
        const nested = 'fields' in field ? valuesOf(field.fields, field.type === 'array' || field.type === 'group' ? `${name}.` : prefix) : []
        return [...own, ...nested]
      })
    for (const plain of plainCollections) {
      const sanitized = config.collections.find((c) => c.slug === plain.slug)!
      const names = new Set(valuesOf(sanitized.fields))
      for (const entry of valuesOf(plain.fields)) expect(`${plain.slug}: ${names.has(entry) ? entry : `missing ${entry}`}`).toBe(`${plain.slug}: ${entry}`)
    }
  })
})
