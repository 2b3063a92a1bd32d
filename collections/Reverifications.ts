import type { CollectionConfig } from 'payload'
import { editorsOrLegalReviewers } from '../access/legalReviewers'
import { nobody } from '../access/signedIn'

export const REVERIFY_REASONS = [
  { value: 'due', label: 'Due: its review date is within 30 days' },
  { value: 'overdue', label: 'Overdue: its review date has passed' },
  { value: 'superseded-link', label: 'Links to an item that was superseded' },
]

/**
 * The re-verification queue: published resources a legal reviewer should check again, put here by
 * the daily job (src/verification/queue.ts: due and overdue sign-offs) and by publishing a
 * resource that supersedes another (the items that link to the older one). A new sign-off takes
 * a resource off. Written by server code only; read by editors and legal reviewers (the
 * dashboard's panel). Only published items, whose titles and dates are public anyway.
 */
export const Reverifications: CollectionConfig = {
  slug: 'reverifications',
  labels: { singular: 'Re-verification', plural: 'Re-verification queue' },
  admin: { useAsTitle: 'reason', defaultColumns: ['resource', 'reason', 'reviewBy', 'queuedAt'], group: 'Workflow' },
  access: { read: editorsOrLegalReviewers, create: nobody, update: nobody, delete: nobody },
  fields: [
    // Written only by server code; not validated against anyone's read access.
    { name: 'resource', type: 'relationship', relationTo: 'resources', required: true, index: true, validate: () => true as const },
    { name: 'reason', type: 'select', required: true, index: true, options: REVERIFY_REASONS },
    { name: 'supersededItem', type: 'relationship', relationTo: 'resources', validate: () => true as const, admin: { description: 'The superseded item it links to.' } },
    // The resource's jurisdictions, copied: the panel filters by region without reading resources.
    { name: 'jurisdictions', type: 'relationship', relationTo: 'jurisdictions', hasMany: true, index: true, validate: () => true as const },
    { name: 'reviewBy', type: 'date' },
    { name: 'queuedAt', type: 'date', required: true, index: true },
    // When the legal reviewers' digest told of it (src/verification/queue.ts); empty: not yet.
    { name: 'notifiedAt', type: 'date', index: true },
  ],
}
