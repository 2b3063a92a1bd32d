/**
 * PLACEHOLDER for the webinars branch only: the content-model branch builds the real
 * `jurisdictions` collection. When merging, drop this file and keep the real one; webinar
 * registrations only need the slug `jurisdictions` and a unique `code`.
 */
import type { CollectionConfig } from 'payload'
import { anyone } from '../access/anyone'
import { editors } from '../access/editors'

export const Jurisdictions: CollectionConfig = {
  slug: 'jurisdictions',
  admin: { useAsTitle: 'name' },
  access: { read: anyone, create: editors, update: editors, delete: editors },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'code', type: 'text', required: true, unique: true, index: true },
  ],
}
