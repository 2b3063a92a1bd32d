import type { CollectionConfig } from 'payload'
import { anyone } from '../access/anyone'
import { editors } from '../access/editors'
import { slugField } from '../fields/slug'

/** Themes that cut across sections and jurisdictions, e.g. "warrant requirements". */
export const Topics: CollectionConfig = {
  slug: 'topics',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'] },
  access: { read: anyone, create: editors, update: editors, delete: editors },
  defaultSort: 'slug',
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, maxLength: 120 },
    slugField('name'),
  ],
}
