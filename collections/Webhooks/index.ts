import type { CollectionConfig, TextFieldSingleValidation } from 'payload'
import { adminOnlyField } from '../../access/adminOnly'
import { editors } from '../../access/editors'
import { privateHostProblem, urlProblem } from '../../src/webhooks/addresses'
import { WEBHOOK_EVENTS, webhookSettings } from '../../src/webhooks/events'
import { rotateSecretEndpoint } from './rotateSecret'
import { generateSecret, revealSecretOnce } from './secret'

/** Server-written fields: no API caller sets them. */
const nobody = () => false

const validateUrl: TextFieldSingleValidation = async (value, { req }) => {
  const problem = urlProblem(value)
  if (problem) return problem
  if (req.context?.webhookDeliveryRecord) return true
  if (webhookSettings(req.payload.config.custom).allowPrivateUrls) return true
  return (await privateHostProblem(value!)) ?? true
}

/**
 * Where to tell frontends that published content changed, so they can rebuild. Editors manage
 * them; deliveries are signed with the webhook's secret (docs/API.md, "Webhooks"). The secret is
 * made by the server, shown once in the answer to the create (or to a rotation), and readable
 * afterwards by admins only.
 */
export const Webhooks: CollectionConfig = {
  slug: 'webhooks',
  labels: { singular: 'Webhook', plural: 'Webhooks' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'url', 'events', 'active', 'lastDelivery.status'],
    group: 'Settings',
    description: 'Signed POST requests to a frontend when published content changes.',
  },
  access: { read: editors, create: editors, update: editors, delete: editors },
  hooks: {
    beforeChange: [generateSecret],
    afterOperation: [revealSecretOnce],
  },
  endpoints: [rotateSecretEndpoint],
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200, admin: { description: 'Who receives it, e.g. "Toolkit site (Netlify build hook)".' } },
    { name: 'url', type: 'text', required: true, maxLength: 2000, validate: validateUrl, custom: { url: 'web' }, admin: { description: 'https:// address that receives a POST for each event.' } },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: WEBHOOK_EVENTS.map((e) => e.value),
      options: WEBHOOK_EVENTS.map(({ value, label }) => ({ value, label })),
    },
    { name: 'active', type: 'checkbox', defaultValue: true, admin: { description: 'Off: nothing is sent (queued deliveries are dropped).' } },
    {
      name: 'secret',
      type: 'text',
      // Written by the server only; shown once to whoever creates or rotates it, then to admins.
      access: { read: adminOnlyField, create: nobody, update: nobody },
      admin: { readOnly: true, description: 'Signing secret (HMAC-SHA256). Shown once when created or rotated; admins can read it.' },
    },
    {
      name: 'lastDelivery',
      type: 'group',
      access: { create: nobody, update: nobody },
      admin: { readOnly: true },
      fields: [
        { name: 'at', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'status', type: 'number', admin: { description: 'The receiver\'s HTTP status; empty when it could not be reached.' } },
        { name: 'error', type: 'text' },
      ],
    },
  ],
}
