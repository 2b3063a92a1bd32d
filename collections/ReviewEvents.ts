import type { Access, CollectionConfig } from 'payload'
import { editorsField } from '../access/editors'
import { activeRole, isEditor } from '../access/roles'
import { nobody } from '../access/signedIn'
import { ownedResourceIds } from './Resources/ownership'
import { ACTIONS, STATES } from '../src/workflow/machine'

/**
 * Editors read every event; a contributor the events of the resources they own now (a
 * reassigned resource's whole history goes with it); nobody else.
 */
const editorsOrResourceOwner: Access = async ({ req }) => {
  if (isEditor(req.user)) return true
  if (activeRole(req.user)) return { resource: { in: await ownedResourceIds(req, req.user!.id) } }
  return false
}

const options = (values: readonly string[]) => values.map((value) => ({ label: value.replace('_', ' '), value }))

/**
 * The review history: one row per workflow transition (who, when, from, to, the note, the
 * checklist). Written only by the workflow; nobody may change or delete a row. Never public.
 */
export const ReviewEvents: CollectionConfig = {
  slug: 'review-events',
  labels: { singular: 'Review event', plural: 'Review events' },
  admin: { useAsTitle: 'action', defaultColumns: ['resource', 'action', 'from', 'to', 'by', 'at'], group: 'Workflow' },
  access: { read: editorsOrResourceOwner, create: nobody, update: nobody, delete: nobody },
  timestamps: true,
  fields: [
    // Written only by server code; not validated against the caller's read access (drafts included).
    { name: 'resource', type: 'relationship', relationTo: 'resources', required: true, index: true, validate: () => true as const },
    // Who owned the resource when the event happened (a record; access follows the current owner).
    {
      name: 'resourceOwner',
      type: 'relationship',
      relationTo: 'contributors',
      index: true,
      validate: () => true as const,
      access: { read: editorsField },
      admin: { hidden: true },
    },
    // `verify`: a legal sign-off (src/verification/signOff.ts); its from and to are the state it was in.
    { name: 'action', type: 'select', required: true, options: options([...ACTIONS, 'verify']) },
    { name: 'from', type: 'select', required: true, options: options(STATES) },
    { name: 'to', type: 'select', required: true, options: options(STATES) },
    // Who acted. Empty once their account is deleted: the event stays (docs/WORKFLOW.md
    // "Deleting an account"; collections/Contributors/hooks/forgetDeletedAccount.ts).
    {
      name: 'by',
      type: 'relationship',
      relationTo: 'contributors',
      validate: () => true as const,
      admin: { description: 'Empty: the account was deleted.' },
    },
    { name: 'note', type: 'textarea', maxLength: 5000 },
    { name: 'checklist', type: 'json', admin: { description: 'The pre-publication checklist the editor confirmed.' } },
    { name: 'at', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    // A sign-off's date for the next check (verify events only).
    { name: 'reviewBy', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
    // Whether the transition emailed anyone; a submit or withdraw that did starts the resource's
    // quiet period (src/workflow/quietPeriod.ts).
    {
      name: 'emailed',
      type: 'checkbox',
      defaultValue: false,
      admin: { readOnly: true, description: 'Whether this transition sent notification emails (none during the quiet period after a submit or withdraw that did).' },
    },
  ],
}
