import type { CollectionConfig } from 'payload'
import { editors } from '../access/editors'
import { nobody } from '../access/nobody'

/**
 * Append-only log of who looked at webinar registrations and alert subscriptions (`list`): every list, single read, count, CSV
 * export and delete by a person (REST, GraphQL, admin panel), and every deletion by the retention job. Editors read it; nobody (not even
 * an admin) can create, change or delete an entry through the API or the admin panel.
 */
export const RegistrationAudit: CollectionConfig = {
  slug: 'registration-audit',
  labels: { singular: 'Registration audit entry', plural: 'Registration audit log' },
  admin: {
    useAsTitle: 'action',
    defaultColumns: ['createdAt', 'list', 'action', 'user', 'webinar', 'rows'],
    description: 'Who read, counted, exported or deleted webinar registrations or alert subscriptions, and what the retention job deleted.',
  },
  access: { read: editors, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: [
        { label: 'Listed', value: 'list' },
        { label: 'Read one', value: 'read' },
        { label: 'Counted', value: 'count' },
        { label: 'Exported CSV', value: 'export' },
        { label: 'Deleted by a person', value: 'delete' },
        { label: 'Deleted by retention', value: 'retention' },
      ],
    },
    {
      name: 'list',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'webinar-registrations',
      options: [
        { label: 'Webinar registrations', value: 'webinar-registrations' },
        { label: 'Alert subscriptions', value: 'subscriptions' },
      ],
    },
    { name: 'user', type: 'relationship', relationTo: 'contributors', admin: { description: 'Empty for the retention job.' } },
    { name: 'webinar', type: 'relationship', relationTo: 'webinars', index: true, admin: { description: 'Empty when a list spanned all webinars.' } },
    { name: 'rows', type: 'number', required: true, min: 0 },
  ],
}
