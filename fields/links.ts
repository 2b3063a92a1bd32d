import type { ArrayField } from 'payload'
import { validateHttpUrl } from './url'

/** Labelled web links (an official copy, a news story, a docket). */
export function linksField(overrides: Partial<ArrayField> = {}): ArrayField {
  return {
    name: 'links',
    type: 'array',
    labels: { singular: 'Link', plural: 'Links' },
    admin: { description: 'Web pages about this item: an official copy, a docket, a news story. http(s) only.' },
    fields: [
      { name: 'label', type: 'text', required: true, maxLength: 200, localized: true },
      { name: 'url', type: 'text', required: true, maxLength: 2000, validate: validateHttpUrl, custom: { url: 'web' } },
    ],
    ...overrides,
  }
}
