import type { CustomKey } from '../translations'

export type Label = { en: string; es: string }
/** Spanish only (the English stays the collection config's own, or Payload's words for the name), or both. */
export type Text = string | Label
export const l = (en: string, es: string): Label => ({ en, es })

/**
 * What the admin panel shows of one collection, in Spanish. Keys are field paths (`links.url`,
 * `lastDelivery.at`) or, for a collapsible or tab, its English label.
 */
export type CollectionText = {
  labels: { singular: Label; plural: Label }
  /** Spanish for the collection's own admin.description (the list view's lead text). */
  description?: string
  group?: Label
  fields: Record<string, Text>
  /** Spanish for each field's admin.description; the English stays the config's. */
  descriptions?: Record<string, string>
  /** Plain-language help from translations.ts, in place of the field's description. */
  help?: Record<string, CustomKey>
  arrays?: Record<string, { singular: Label; plural: Label }>
  /** Spanish option labels by field path, then value (values are the API's and never change). */
  options?: Record<string, Record<string, string>>
  /**
   * A one-line description of each option, both languages, by field path: shown under the field
   * (src/admin/OptionHelp.tsx) instead of a description that lists every value.
   */
  optionHelp?: Record<string, OptionHelpItem[]>
}

export type OptionHelpItem = { value: string; label: Label; description: Label }
