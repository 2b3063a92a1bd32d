import type { CollectionConfig } from 'payload'
import { editors } from '../../access/editors'
import { nobody } from '../../access/nobody'
import { CATEGORIES } from '../Resources/options'
import { FREQUENCIES, LANGUAGES } from '../../src/subscriptions/options'
import { subscriptionKey } from '../../src/subscriptions/tokens'
import { subscriptionEndpoints } from './endpoints'
import { auditSubscriptionReads } from './hooks/auditReads'

/**
 * People who asked for email alerts about a state or a category. Personal data like webinar
 * registrations: only editors and admins read it, every read is audited in the same log
 * (registration-audit, list "subscriptions"); nobody creates or edits rows through the API:
 * `POST /api/subscriptions` (double opt-in) and the signed links in the emails are the only ways in.
 */
export const Subscriptions: CollectionConfig = {
  slug: 'subscriptions',
  labels: { singular: 'Alert subscription', plural: 'Alert subscriptions' },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'frequency', 'language', 'confirmedAt', 'createdAt'],
    listSearchableFields: ['email'],
    description: 'Personal data: every list, read, count and delete is recorded in the registration audit log.',
  },
  access: { read: editors, create: nobody, update: nobody, delete: editors },
  defaultSort: 'createdAt',
  endpoints: subscriptionEndpoints,
  hooks: {
    beforeValidate: [
      ({ data }) => {
        if (data && typeof data.email === 'string') {
          data.email = data.email.trim()
          data.subscriptionKey = subscriptionKey(data.email)
        }
        return data
      },
    ],
    afterOperation: [auditSubscriptionReads],
  },
  fields: [
    { name: 'email', type: 'email', required: true },
    {
      name: 'jurisdictions',
      type: 'relationship',
      relationTo: 'jurisdictions',
      hasMany: true,
      admin: { description: 'Alerts for these and the counties and cities within them; none: every jurisdiction.' },
    },
    {
      name: 'categories',
      type: 'select',
      hasMany: true,
      options: CATEGORIES.map(({ value, label }) => ({ value, label })),
      admin: { description: 'None: every category.' },
    },
    { name: 'frequency', type: 'select', required: true, options: FREQUENCIES.map((value) => ({ value, label: value })) },
    { name: 'language', type: 'select', required: true, defaultValue: 'en', options: LANGUAGES.map((value) => ({ value, label: value })) },
    {
      name: 'confirmedAt',
      type: 'date',
      index: true,
      admin: { readOnly: true, description: 'Empty until the person confirms with the emailed link; unconfirmed ones are deleted after 7 days.' },
    },
    { name: 'alertedThrough', type: 'date', index: true, admin: { readOnly: true, description: 'What was published up to this moment has been sent.' } },
    { name: 'subscriptionKey', type: 'text', required: true, unique: true, hidden: true },
  ],
}
