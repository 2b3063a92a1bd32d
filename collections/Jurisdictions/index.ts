import type { CollectionConfig } from 'payload'
import { anyone } from '../../access/anyone'
import { editors } from '../../access/editors'
import { reindexNamingResources } from '../../src/search/reindexJurisdiction'
import { gapsEndpoint } from '../../src/compare/endpoints'
import { toolkitEndpoint } from './endpoints/toolkit'
import { keepStoredName, nameForReader, searchSpanishNames } from './spanishNames'
import { validateJurisdictionCode } from './validateCode'

const options = (values: [string, string][]) => values.map(([value, label]) => ({ value, label }))

export const JURISDICTION_TYPES = options([
  ['federal', 'Federal'],
  ['state', 'State'],
  ['district', 'District (DC)'],
  ['territory', 'Territory'],
  ['county', 'County'],
  ['city', 'City'],
  ['tribal', 'Tribal nation'],
])

export const PROTECTION_STATUSES = options([
  ['statute', 'Statute: a law protects people at courthouses'],
  ['court-rule', 'Court rule or policy: the court system sets limits at its courthouses'],
  ['executive-order', 'Executive order'],
  ['attorney-general-guidance', 'Attorney general guidance'],
  ['local-policy', 'Local policy (county or city)'],
  ['campaign-active', 'No protection yet; a campaign is active'],
  ['none-known', 'No protection known'],
  ['unknown', 'Not yet researched'],
])

/** Never empty: "not researched yet" is a value of its own, so that a map can tell it from "no protection". */
const unknownWhenEmpty = ({ value }: { value?: unknown }) => value ?? 'unknown'

export const WARRANT_STANDARDS = options([
  ['judicial-warrant', 'Judicial warrant required'],
  ['judicial-warrant-or-order', 'Judicial warrant or court order required'],
  ['none', 'No warrant requirement'],
])

/** The federal level, states, DC, territories, counties, cities and tribal nations, with their protection profile. */
export const Jurisdictions: CollectionConfig = {
  slug: 'jurisdictions',
  labels: { singular: 'Jurisdiction', plural: 'Jurisdictions' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'code', 'type', 'protectionStatus'] },
  access: { read: anyone, create: editors, update: editors, delete: editors },
  defaultSort: 'code',
  // A jurisdiction populated inside another document (a resource at depth ≥ 1) carries its own
  // fields, not its `resources` join: computing that join walks every resource of the
  // jurisdiction for each one populated (docs/BENCHMARKS.md, "Growth").
  defaultPopulate: {
    name: true, code: true, type: true, parent: true, protectionStatus: true, protectionSummary: true,
    effectiveAt: true, warrantStandard: true, scope: true, remedy: true, updatedAt: true, createdAt: true,
  },
  // The Spanish name is by code (./spanishNames.ts): a read selecting `name` alone (the panel's picker) gets it too.
  forceSelect: { code: true },
  endpoints: [toolkitEndpoint, gapsEndpoint],
  hooks: { beforeOperation: [searchSpanishNames], afterChange: [reindexNamingResources] },
  fields: [
    // One stored (English) name; Spanish readers get the Spanish one where it differs (./spanishNames.ts).
    { name: 'name', type: 'text', required: true, maxLength: 200, hooks: { afterRead: [nameForReader], beforeChange: [keepStoredName] } },
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      maxLength: 60,
      validate: validateJurisdictionCode,
      admin: { description: '"US" (federal), ISO 3166-2 for states, DC and territories ("US-NY"), a part under the state for counties and cities ("US-NY-KINGS").' },
    },
    { name: 'type', type: 'select', required: true, index: true, options: JURISDICTION_TYPES },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'jurisdictions',
      index: true,
      admin: { description: 'The jurisdiction this one sits in: a state for a county, the United States for a state.' },
    },
    {
      type: 'collapsible',
      label: 'Protection profile',
      admin: { description: 'How people going to court here are protected from civil immigration arrest.' },
      fields: [
        {
          name: 'protectionStatus',
          type: 'select',
          index: true,
          options: PROTECTION_STATUSES,
          // On every write, so a new jurisdiction is `unknown` until researched; on every read too, for
          // rows written before `unknown` existed (SQLite's migration backfills them; MongoDB has none).
          hooks: { beforeChange: [unknownWhenEmpty], afterRead: [unknownWhenEmpty] },
        },
        {
          name: 'protectionSummary',
          type: 'textarea',
          localized: true,
          maxLength: 2000,
          admin: { description: 'In plain words: what protects people here, since when, and what is missing.' },
        },
        { name: 'effectiveAt', type: 'date', admin: { description: 'When the main protection took effect.', date: { pickerAppearance: 'dayOnly' } } },
        { name: 'warrantStandard', type: 'select', options: WARRANT_STANDARDS, admin: { description: 'What an officer needs to make a civil arrest at court.' } },
        { name: 'scope', type: 'textarea', localized: true, maxLength: 1000, admin: { description: 'Who and where is covered: courthouses, their grounds, travel to and from court, parties, witnesses, family.' } },
        { name: 'remedy', type: 'textarea', localized: true, maxLength: 1000, admin: { description: 'What happens when the protection is violated: contempt, a civil action, suppression.' } },
      ],
    },
    {
      name: 'resources',
      type: 'join',
      collection: 'resources',
      on: 'jurisdictions',
      admin: { description: 'Resources that name this jurisdiction.' },
    },
  ],
}
