import type { ArrayField } from 'payload'
import { neededInOneLanguage } from './oneLanguage'
import { validateHttpUrl } from './url'

/** Labelled web links (an official copy, a news story, a docket). */
export function linksField(overrides: Partial<ArrayField> = {}): ArrayField {
  return {
    name: 'links',
    type: 'array',
    labels: { singular: 'Link', plural: 'Links' },
    admin: { description: 'Web pages about this item: an official copy, a docket, a news story. http(s) only.' },
    fields: [
      // In one language at least: a Spanish-only item's links have Spanish labels (./oneLanguage.ts).
      { name: 'label', type: 'text', maxLength: 200, localized: true, hooks: { beforeChange: [neededInOneLanguage('A link needs a label in English or Spanish.')] } },
      { name: 'url', type: 'text', required: true, maxLength: 2000, validate: validateHttpUrl, custom: { url: 'web' } },
    ],
    ...overrides,
  }
}
