/**
 * Spanish (and English) labels for the admin panel, as Payload's label objects: collection names,
 * list descriptions and groups, every field's label and description, array labels and option
 * labels. Applied by plugin.ts, so that the collection files keep their plain English config and
 * the API is unchanged (option values never change). The texts live one file per group of
 * collections; tests/adminLabels.test.ts fails when a field the admin shows has no Spanish.
 */
import type { CollectionConfig, Field, Option } from 'payload'
import { toWords } from 'payload/shared'
import { tr } from '../i18n'
import { contributors, registrationAudit, subscriptions, webinarRegistrations, webinars } from './people'
import { jurisdictions, organizations, provisions, topics } from './reference'
import { documents, resources } from './resources'
import { reverifications, reviewEvents, webhooks } from './system'
import type { CollectionText, Label, Text } from './types'

export type { CollectionText, Label, OptionHelpItem } from './types'

/** By collection slug. */
export const COLLECTION_TEXT: Record<string, CollectionText> = {
  resources,
  documents,
  jurisdictions,
  organizations,
  topics,
  provisions,
  contributors,
  webinars,
  'webinar-registrations': webinarRegistrations,
  'registration-audit': registrationAudit,
  subscriptions,
  'review-events': reviewEvents,
  reverifications,
  webhooks,
}

/** A Spanish option label for a field's value, for our own components (e.g. the list filters). */
export const optionLabel = (field: string, value: string, english: string, language: string, collection = 'resources') =>
  (language === 'es' && COLLECTION_TEXT[collection]?.options?.[field]?.[value]) || english

const english = (label: unknown) => (typeof label === 'string' ? label : undefined)

/** Both languages: a Spanish-only text keeps the config's English (or Payload's words for the name). */
const both = (text: Text, en: string | undefined): Label => (typeof text === 'string' ? { en: en ?? text, es: text } : text)

function translateOptions(spanish: Record<string, string>, options: Option[]): Option[] {
  return options.map((option): Option => {
    const value = typeof option === 'string' ? option : option.value
    if (!spanish[value]) return option
    const en = typeof option === 'string' ? option : (english(option.label) ?? value)
    return { ...(typeof option === 'string' ? {} : option), value, label: { en, es: spanish[value] } }
  })
}

function labelFields(fields: Field[], text: CollectionText, prefix = ''): Field[] {
  return fields.map((field) => {
    const next = { ...field } as Field & Record<string, unknown>
    const name = 'name' in field ? field.name : undefined
    const path = name ? `${prefix}${name}` : undefined
    const ownLabel = english((field as { label?: unknown }).label)
    const key = path ?? ownLabel
    if (key && field.type !== 'ui') {
      const label = text.fields[key]
      if (label) next.label = both(label, ownLabel ?? (name ? toWords(name) : undefined))
      const description = text.descriptions?.[key]
      const en = english((field.admin as { description?: unknown } | undefined)?.description)
      if (description && en) next.admin = { ...field.admin, description: { en, es: description } } as never
      const help = text.help?.[key]
      if (help) next.admin = { ...field.admin, description: ({ t }: { t: unknown }) => tr(t, help) } as never
      if (text.arrays?.[key]) next.labels = text.arrays[key]
      const options = text.options?.[key]
      if (options && (field.type === 'select' || field.type === 'radio')) next.options = translateOptions(options, field.options as Option[])
      const optionHelp = text.optionHelp?.[key]
      if (optionHelp && (field.type === 'select' || field.type === 'radio')) {
        const components = { ...field.admin?.components, Description: { path: '/admin/OptionHelp#OptionHelp', clientProps: { options: optionHelp } } }
        next.admin = { ...next.admin, components } as never
      }
    }
    if ('fields' in field) {
      const nested = field.type === 'array' || field.type === 'group' ? (path ? `${path}.` : prefix) : prefix
      next.fields = labelFields(field.fields, text, nested)
    }
    if (field.type === 'tabs') {
      next.tabs = field.tabs.map((tab) => {
        const tabName = 'name' in tab ? tab.name : undefined
        const tabKey = tabName ? `${prefix}${tabName}` : english(tab.label)
        const label = tabKey ? text.fields[tabKey] : undefined
        return {
          ...tab,
          ...(label ? { label: both(label, english(tab.label) ?? (tabName ? toWords(tabName) : undefined)) } : {}),
          fields: labelFields(tab.fields, text, tabName ? `${prefix}${tabName}.` : prefix),
        }
      })
    }
    return next as Field
  })
}

/** A collection with our labels, descriptions, option labels and plain-language help (unchanged when we have none). */
export function labelCollection(collection: CollectionConfig): CollectionConfig {
  const text = COLLECTION_TEXT[collection.slug]
  if (!text) return collection
  const description = english(collection.admin?.description)
  return {
    ...collection,
    labels: text.labels,
    admin: {
      ...collection.admin,
      ...(text.description && description ? { description: { en: description, es: text.description } } : {}),
      ...(text.group ? { group: text.group } : {}),
    },
    fields: labelFields(collection.fields, text),
  }
}
