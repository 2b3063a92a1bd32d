import type { CollectionConfig } from 'payload'
import { anyone } from '../access/anyone'
import { editors } from '../access/editors'

/**
 * The catalogue of what a courthouse protection can contain ("a judicial warrant or order is
 * required", "a private right of action"…), in a fixed order: the rows of the compare matrix
 * (GET /api/compare) and of a jurisdiction's gaps against a model law. Editors keep it.
 */
export const Provisions: CollectionConfig = {
  slug: 'provisions',
  labels: { singular: 'Provision', plural: 'Provisions' },
  admin: { useAsTitle: 'name', defaultColumns: ['order', 'name', 'key'] },
  access: { read: anyone, create: editors, update: editors, delete: editors },
  defaultSort: 'order',
  fields: [
    {
      name: 'key',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      maxLength: 60,
      validate: (value: unknown) =>
        typeof value === 'string' && /^[a-z][a-z0-9-]*$/.test(value) ? true : 'A key is lower-case words joined by hyphens, e.g. "judicial-warrant-required".',
      admin: { description: 'Stable identifier used by the API and CSV, e.g. "judicial-warrant-required". Never rename one.' },
    },
    { name: 'name', type: 'text', required: true, localized: true, maxLength: 160 },
    {
      name: 'description',
      type: 'textarea',
      localized: true,
      maxLength: 1000,
      admin: { description: 'In plain words: what a law or rule with this provision does.' },
    },
    { name: 'order', type: 'number', required: true, index: true, admin: { description: 'Position in the matrix, smallest first.' } },
  ],
}
