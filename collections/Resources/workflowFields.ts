import type { Field } from 'payload'
import { editorsField } from '../../access/editors'
import { nobodyField } from '../../access/signedIn'
import { STATES } from '../../src/workflow/machine'
import { QUERY_ACCESS } from '../../src/security/queryRules'
import { ownerFieldRead, ownerQueryAccess, reviewStatusRead } from './access'

const label = (state: string) => state[0]!.toUpperCase() + state.slice(1).replace('_', ' ')

/**
 * The review workflow's fields on `resources`. Only server code writes them (the workflow
 * endpoint and hooks run with overrideAccess); through the API they are read-only, and a
 * request that tries to change them is refused with 403 (see hooks/guardWorkflowFields).
 */
export const workflowFields: Field[] = [
  {
    name: 'reviewStatus',
    type: 'select',
    required: true,
    defaultValue: 'draft',
    index: true,
    options: STATES.map((value) => ({ label: label(value), value })),
    access: { read: reviewStatusRead, create: nobodyField, update: nobodyField },
    admin: {
      position: 'sidebar',
      readOnly: true,
      description: 'Changed only by the review actions (submit, request changes, publish…).',
    },
  },
  {
    name: 'owner',
    type: 'relationship',
    relationTo: 'contributors',
    index: true,
    // Contributors always own what they create; editors may hand a resource to someone else.
    access: { read: ownerFieldRead, create: editorsField, update: editorsField },
    custom: { [QUERY_ACCESS]: ownerQueryAccess },
    admin: { position: 'sidebar', description: 'Who submitted this resource. Never shown publicly.' },
  },
  {
    name: 'assignee',
    type: 'relationship',
    relationTo: 'contributors',
    index: true,
    filterOptions: { role: { in: ['editor', 'admin'] }, status: { equals: 'active' } },
    access: { read: editorsField, create: editorsField, update: editorsField },
    admin: { position: 'sidebar', description: 'The editor reviewing this submission (optional).' },
  },
  {
    name: 'publishedAt',
    type: 'date',
    index: true,
    access: { read: () => true, create: nobodyField, update: nobodyField },
    admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
  },
  {
    name: 'publishAt',
    type: 'date',
    access: { read: editorsField, create: nobodyField, update: nobodyField },
    admin: {
      position: 'sidebar',
      readOnly: true,
      date: { pickerAppearance: 'dayAndTime' },
      description: 'Scheduled publication, set by the publish action with a future publishAt.',
    },
  },
]

/** The fields a create or update through the API may not change (403), whoever sends them. */
export const WORKFLOW_ONLY_FIELDS = ['_status', 'reviewStatus', 'publishedAt', 'publishAt'] as const
/** Fields only editors may set. */
export const EDITOR_ONLY_FIELDS = ['owner', 'assignee'] as const
