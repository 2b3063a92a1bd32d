import { validateOneLine, validatePersonName } from '../../fields/plainText'
import type { CollectionConfig } from 'payload'
import { editors } from '../../access/editors'
import { nobody } from '../../access/nobody'
import { registrationKey, unseatedKey } from '../../src/webinars/keys'
import { cancelEndpoints } from './endpoints/cancel'
import { exportEndpoint } from './endpoints/export'
import { auditReads } from './hooks/auditReads'
import { INTERESTS, label, MESSAGE_MAX, REGISTRANT_ROLES, REGISTRATION_STATUSES } from './options'

/**
 * People signed up for a webinar. Sensitive: it can name activists, lawyers and immigrants.
 * Only editors and admins read it (every read path is audited: hooks/auditReads); nobody creates or edits rows through
 * the API: the public endpoint `POST /api/webinars/:id/register` is the only way in.
 * No IP address or user agent is stored.
 */
export const WebinarRegistrations: CollectionConfig = {
  slug: 'webinar-registrations',
  labels: { singular: 'Webinar registration', plural: 'Webinar registrations' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'webinar', 'status', 'createdAt'],
    // Finding one person's rows answers a request to see or delete their data (docs/PRIVACY.md).
    listSearchableFields: ['email', 'name'],
    description: 'Sensitive personal data: every list, read, count, export and delete is recorded in the registration audit log.',
  },
  access: { read: editors, create: nobody, update: nobody, delete: editors },
  defaultSort: 'createdAt',
  endpoints: [...cancelEndpoints, exportEndpoint],
  hooks: {
    beforeValidate: [
      ({ data, operation }) => {
        if (data && operation === 'create' && !data.seatKey) data.seatKey = unseatedKey()
        // The normalized key the database keeps unique: one registration per address per webinar.
        if (data?.webinar && typeof data.email === 'string') {
          const webinar = typeof data.webinar === 'object' ? data.webinar.id : data.webinar
          data.email = data.email.trim()
          data.registrationKey = registrationKey(webinar, data.email)
        }
        return data
      },
    ],
    afterOperation: [auditReads],
  },
  fields: [
    { name: 'webinar', type: 'relationship', relationTo: 'webinars', required: true, index: true },
    { name: 'name', type: 'text', required: true, maxLength: 200, validate: validatePersonName },
    { name: 'email', type: 'email', required: true },
    { name: 'organization', type: 'text', maxLength: 200, validate: validateOneLine },
    { name: 'jurisdiction', type: 'relationship', relationTo: 'jurisdictions' },
    { name: 'role', type: 'select', options: REGISTRANT_ROLES.map((value) => ({ label: label(value), value })) },
    {
      name: 'interest',
      type: 'select',
      required: true,
      options: INTERESTS.map((value) => ({ label: label(value), value })),
    },
    { name: 'message', type: 'textarea', maxLength: MESSAGE_MAX },
    {
      name: 'consent',
      type: 'checkbox',
      required: true,
      validate: (value: unknown) => value === true || 'Consent is required to register.',
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'registered',
      index: true,
      options: REGISTRATION_STATUSES.map((value) => ({ label: label(value), value })),
    },
    // Unique per webinar + lower-cased address (a hash: no address in index names or errors).
    { name: 'registrationKey', type: 'text', required: true, unique: true, hidden: true },
    // Unique per webinar + seat number while registered: capacity enforced by the database.
    { name: 'seatKey', type: 'text', required: true, unique: true, hidden: true },
    // The email this row's last write owes the person, until it is known sent: the sign-up's
    // outbox, written with the row itself (src/webinars/outbox.ts).
    { name: 'emailOwed', type: 'text', hidden: true },
    { name: 'emailOwedSince', type: 'date', index: true, hidden: true },
  ],
}
