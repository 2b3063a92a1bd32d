import type { CollectionConfig } from 'payload'
import { editors, editorsField } from '../../access/editors'
import { publishedUpcomingOrEditor } from '../../access/publishedUpcomingOrEditor'
import { registerEndpoint } from './endpoints/register'
import { deleteRegistrations } from './hooks/deleteRegistrations'
import { seatsLeft } from './hooks/seatsLeft'

const isTimeZone = (value: unknown) => {
  if (typeof value !== 'string' || !value) return 'A time zone is required, e.g. America/New_York.'
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    return true
  } catch {
    return `"${value}" is not an IANA time zone (e.g. America/New_York).`
  }
}

const isHttpUrl = (value: unknown) => {
  if (value === undefined || value === null || value === '') return true
  try {
    const url = new URL(String(value))
    return url.protocol === 'https:' || url.protocol === 'http:' || 'The join link must be an http(s) URL.'
  } catch {
    return 'The join link must be an http(s) URL.'
  }
}

/**
 * Webinars on building or expanding a campaign. The public sees published webinars that have not
 * ended, soonest first, with `seatsLeft`; never the join link (sent by email to registered people
 * only), the capacity, or any count of registrations.
 */
export const Webinars: CollectionConfig = {
  slug: 'webinars',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'startsAt', 'registrationOpen', '_status'] },
  // Drafts are validated like published webinars (an invalid join link or time must not wait for publication).
  versions: { drafts: { validate: true } },
  defaultSort: 'startsAt',
  access: { read: publishedUpcomingOrEditor, readVersions: editors, create: editors, update: editors, delete: editors },
  endpoints: [registerEndpoint],
  hooks: { beforeDelete: [deleteRegistrations] },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, maxLength: 200 },
    { name: 'description', type: 'textarea', localized: true, maxLength: 5000 },
    {
      type: 'row',
      fields: [
        { name: 'startsAt', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        {
          name: 'endsAt',
          type: 'date',
          required: true,
          index: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
          validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
            if (!value) return 'An end time is required.'
            const starts = siblingData.startsAt ? new Date(siblingData.startsAt as string).getTime() : NaN
            return !(new Date(value as string).getTime() > starts) ? 'The webinar must end after it starts.' : true
          },
        },
      ],
    },
    {
      name: 'timezone',
      type: 'text',
      required: true,
      defaultValue: 'America/New_York',
      validate: isTimeZone,
      admin: { description: 'IANA time zone used for the times in emails, e.g. America/Chicago.' },
    },
    {
      name: 'capacity',
      type: 'number',
      min: 1,
      access: { read: editorsField },
      admin: { description: 'Seats. Empty: unlimited. Registrations past it go on the waitlist.' },
    },
    { name: 'registrationOpen', type: 'checkbox', defaultValue: true },
    {
      name: 'joinUrl',
      type: 'text',
      validate: isHttpUrl,
      custom: { url: 'web' }, // drafts too: src/plugins/safeLinks.ts
      access: { read: editorsField },
      admin: { description: 'Never public: emailed to registered people only (confirmation and the day-before reminder).' },
    },
    {
      name: 'language',
      type: 'select',
      required: true,
      defaultValue: 'en',
      options: [
        { label: 'English', value: 'en' },
        { label: 'Español', value: 'es' },
      ],
    },
    {
      name: 'seatsLeft',
      type: 'number',
      virtual: true,
      admin: { readOnly: true, description: 'Empty when capacity is unlimited.' },
      hooks: { afterRead: [seatsLeft] },
    },
    {
      name: 'reminderSentAt',
      type: 'date',
      access: { read: editorsField, create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar', description: 'Set by the reminder job the day before.' },
    },
  ],
}
