import type { CollectionConfig } from 'payload'
import { anyone } from '../access/anyone'
import { editors } from '../access/editors'
import { slugField } from '../fields/slug'
import { validateHttpUrl } from '../fields/url'

export const ORGANIZATION_TYPES = [
  { value: 'coalition', label: 'Coalition' },
  { value: 'legal-services', label: 'Legal services' },
  { value: 'advocacy', label: 'Advocacy' },
  { value: 'court', label: 'Court or court system' },
  { value: 'government', label: 'Government agency or office' },
  { value: 'bar-association', label: 'Bar association' },
  { value: 'academic', label: 'Academic' },
  { value: 'media', label: 'Media' },
]

/** Bodies that write or issue resources: coalitions, courts, agencies, bar associations. */
export const Organizations: CollectionConfig = {
  slug: 'organizations',
  labels: { singular: 'Organization', plural: 'Organizations' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'type', 'website'] },
  access: { read: anyone, create: editors, update: editors, delete: editors },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200 },
    slugField('name'),
    { name: 'type', type: 'select', required: true, index: true, options: ORGANIZATION_TYPES },
    { name: 'website', type: 'text', maxLength: 2000, validate: validateHttpUrl, custom: { url: 'web' } },
    {
      name: 'jurisdictions',
      type: 'relationship',
      relationTo: 'jurisdictions',
      hasMany: true,
      admin: { description: 'Where it works.' },
    },
  ],
}
