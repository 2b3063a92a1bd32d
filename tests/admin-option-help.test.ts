/**
 * A select's help is one line per option, under the field, in the panel's language: no field
 * description lists the internal values (`legal-theory: …`). Walks the real sanitized config
 * (createConfig, with our admin plugin), no database.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Field, SanitizedConfig } from 'payload'
import { CATEGORIES, LEGISLATIVE_STATUSES } from '../collections/Resources/options'
import type { OptionHelpItem } from '../src/admin/labels'
import { createConfig } from '../src/config'
import { loadSettings } from '../src/settings'

let config: SanitizedConfig
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'option-help-'))
beforeAll(async () => {
  config = await createConfig(loadSettings({ PAYLOAD_SECRET: 'x'.repeat(32), DATA_DIR: dataDir }))
})
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

type Select = Extract<Field, { type: 'select' }>
/** Every select and radio field of every collection, with its path. */
function selects(fields: Field[], prefix = ''): [string, Select][] {
  return fields.flatMap((field): [string, Select][] => {
    const name = 'name' in field ? `${prefix}${field.name}` : undefined
    const own: [string, Select][] = (field.type === 'select' || field.type === 'radio') && name ? [[name, field as Select]] : []
    const nested = 'fields' in field ? selects(field.fields, field.type === 'array' || field.type === 'group' ? `${name}.` : prefix) : []
    const tabs = field.type === 'tabs' ? field.tabs.flatMap((tab) => selects(tab.fields, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix)) : []
    return [...own, ...nested, ...tabs]
  })
}
const valueOf = (option: Select['options'][number]) => (typeof option === 'string' ? option : option.value)
const descriptionTexts = (description: unknown): string[] =>
  typeof description === 'string' ? [description] : description && typeof description === 'object' ? Object.values(description as Record<string, string>) : []

describe('select fields explain their options one line each', () => {
  it('no field description lists the option values', () => {
    const walls: string[] = []
    for (const collection of config.collections) {
      for (const [at, field] of selects(collection.fields)) {
        const values = field.options.map(valueOf).filter((v) => v.length > 3)
        for (const text of descriptionTexts(field.admin?.description)) {
          const named = values.filter((v) => text.includes(`${v}:`) || text.includes(`(${v})`))
          if (named.length > 1) walls.push(`${collection.slug}.${at}: ${named.join(', ')}`)
        }
      }
    }
    expect(walls).toEqual([])
  })

  it.each([
    ['category', CATEGORIES],
    ['legislativeStatus', LEGISLATIVE_STATUSES],
  ] as const)('resources.%s: a description under each option, English and Spanish, from OptionHelp', (name, options) => {
    const resources = config.collections.find((c) => c.slug === 'resources')!
    const field = selects(resources.fields).find(([at]) => at === name)![1]
    const Description = (field.admin?.components as { Description?: { path: string; clientProps: { options: OptionHelpItem[] } } }).Description!
    expect(Description.path).toBe('/admin/OptionHelp#OptionHelp')
    const help = Description.clientProps.options
    expect(help.map((o) => o.value)).toEqual(field.options.map(valueOf))
    for (const [i, item] of help.entries()) {
      expect(item.description.en).toBe(options[i]!.description)
      expect(item.label.en).toBe(options[i]!.label)
      expect(item.description.es).toMatch(/\S/)
      expect(item.description.es).not.toBe(item.description.en)
      expect(item.label.es).toMatch(/\S/)
      // One line each.
      expect(item.description.en).not.toMatch(/\n/)
      expect(item.description.es).not.toMatch(/\n/)
    }
    // The field's own help stays, short and in both languages.
    expect(field.admin?.description).toEqual({ en: expect.any(String), es: expect.any(String) })
  })
})
