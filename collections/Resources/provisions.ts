import type { CheckboxField, CollapsibleField } from 'payload'
import { editorsField } from '../../access/editors'
import { shownWhen } from '../../fields/shownWhen'

/** The categories whose items carry law or policy, and so can provide provisions. */
export const PROVISION_CATEGORIES = ['legislation', 'judicial-rule', 'policy', 'litigation'] as const

const carriesLaw = (doc: Record<string, unknown> | undefined) => PROVISION_CATEGORIES.includes(doc?.category as never)

export const PROVISION_EXTENTS = [
  { value: 'full', label: 'Full: provides it as the provision describes' },
  { value: 'partial', label: 'Partial: provides part of it, or with exceptions' },
]

/**
 * What this instrument provides, provision by provision, with its pinpoint citation: the cells of
 * the compare matrix (src/compare/). Editors fill it; leaders may propose it in their submissions.
 */
export const provisionsFields: CollapsibleField = shownWhen(carriesLaw, {
  type: 'collapsible',
  label: 'Provisions provided',
  admin: {
    description: 'For law and policy: which provisions of the catalogue this instrument provides. Leave one out rather than guess.',
  },
  fields: [
    {
      name: 'provisions',
      type: 'array',
      labels: { singular: 'Provision', plural: 'Provisions' },
      fields: [
        { name: 'provision', type: 'relationship', relationTo: 'provisions', required: true },
        {
          type: 'row',
          fields: [
            {
              name: 'section',
              type: 'text',
              maxLength: 120,
              admin: { width: '50%', description: 'Pinpoint citation, e.g. "Civil Rights Law §28". Empty when not known.' },
            },
            { name: 'extent', type: 'select', required: true, defaultValue: 'full', options: PROVISION_EXTENTS, admin: { width: '50%' } },
          ],
        },
        { name: 'quote', type: 'textarea', maxLength: 1000, admin: { description: 'A short quote of the text that provides it, exactly as written.' } },
      ],
    },
  ],
})

/** A model law: what other jurisdictions are compared against. Editors set it. */
export const isModelField: CheckboxField = shownWhen(carriesLaw, {
  name: 'isModel',
  type: 'checkbox',
  defaultValue: false,
  index: true,
  access: { create: editorsField, update: editorsField },
  admin: { description: 'A model law: the default that /api/jurisdictions/{code}/gaps compares a jurisdiction against.' },
})
