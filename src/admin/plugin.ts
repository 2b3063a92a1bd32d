import type { CollectionConfig, Condition, Config, Field, Plugin } from 'payload'
import { isEditor } from '../../access/roles'
import { labelCollection } from './labels'
import { adminTranslations } from './translations'
import { MARK_ICON } from './Brand'

/** Shown only to editors and admins: for contributors the field is not in the form at all. */
export const forEditors: Condition = (_data, _siblingData, { user }) => isEditor(user as never)

/** Collections a contributor never needs in the admin panel's navigation and dashboard. */
const EDITOR_COLLECTIONS = new Set([
  'contributors',
  'review-events',
  'reverifications',
  'jurisdictions',
  'organizations',
  'topics',
  'provisions',
  'documents',
  'webinars',
  'webinar-registrations',
  'registration-audit',
])

/** Resource fields that are workflow or editorial internals: absent from a contributor's form. */
const EDITOR_FIELDS = new Set(['reviewStatus', 'owner', 'assignee', 'publishedAt', 'publishAt', 'slug', 'supersededBy', 'superseded', 'verification'])
const DOCUMENT_EDITOR_FIELDS = new Set(['uploadedBy', 'private'])

const component = (name: string, file = name) => `/admin/${file}#${name}`

function hideFields(fields: Field[], names: Set<string>): Field[] {
  return fields.map((field) => {
    if ('name' in field && names.has(field.name)) return { ...field, admin: { ...field.admin, condition: forEditors } } as Field
    if ('fields' in field && !('name' in field)) return { ...field, fields: hideFields(field.fields, names) } as Field
    return field
  })
}

function resources(collection: CollectionConfig): CollectionConfig {
  const cells: Record<string, string> = { reviewStatus: component('ReviewStatusCell', 'StatusBadge'), title: component('TitleCell') }
  // A title written in the other language only: shown under the empty one, and in the header (not the id).
  const afterInput: Record<string, string[]> = { title: [component('TitleInOtherLanguage')] }
  const fields = hideFields(collection.fields, EDITOR_FIELDS).map((field) =>
    'name' in field && cells[field.name]
      ? ({ ...field, admin: { ...field.admin, components: { ...field.admin?.components, Cell: cells[field.name], ...(afterInput[field.name] ? { afterInput: afterInput[field.name] } : {}) } } } as Field)
      : field,
  )
  return {
    ...collection,
    admin: {
      ...collection.admin,
      components: {
        ...collection.admin?.components,
        beforeListTable: [component('ResourceFilters')],
        edit: {
          ...collection.admin?.components?.edit,
          // Publishing goes only through the workflow: the review panel replaces these buttons.
          PublishButton: component('NoPublishButton', 'WorkflowPanel'),
          UnpublishButton: component('NoPublishButton', 'WorkflowPanel'),
          // One state everywhere: the review state, not Payload's draft/published.
          Status: component('ReviewStatusHeader', 'StatusBadge'),
        },
      },
    },
    fields: [
      {
        name: 'review',
        type: 'ui',
        label: { en: 'Review', es: 'Revisión' },
        admin: { position: 'sidebar', components: { Field: component('WorkflowPanel') } },
      },
      ...fields,
    ],
  }
}

/**
 * The admin panel for editors and campaign leaders, through Payload's own extension points:
 * dashboard panels, the review panel on a resource, list cells and filters, conditions that
 * keep editor-only fields and collections out of a contributor's view, and our translations.
 */
export const adminPanel: Plugin = (config: Config): Config => ({
  ...config,
  admin: {
    ...config.admin,
    // Our name and mark, not Payload's: the browser tab (title suffix, icon), login screen and navigation.
    meta: {
      ...config.admin?.meta,
      icons: [{ rel: 'icon', type: 'image/svg+xml', url: MARK_ICON }],
      openGraph: { ...config.admin?.meta?.openGraph, siteName: 'ICE Out of Courts Campaign Toolkit', title: 'ICE Out of Courts Campaign Toolkit', images: [] },
    },
    components: {
      ...config.admin?.components,
      graphics: { Logo: component('Logo', 'Brand'), Icon: component('Icon', 'Brand') },
      beforeNavLinks: [component('NavBrand', 'Brand'), ...(config.admin?.components?.beforeNavLinks ?? [])],
      beforeDashboard: [...(config.admin?.components?.beforeDashboard ?? []), component('Dashboard')],
      // Contributors land on "My submissions"; editors keep Payload's dashboard.
      views: {
        ...config.admin?.components?.views,
        dashboard: { Component: component('HomeView') },
        compare: { Component: component('CompareView'), path: '/compare' },
        signUp: { Component: component('SignUpView'), path: '/signup', exact: true },
      },
      afterLogin: [...(config.admin?.components?.afterLogin ?? []), component('SignUpLink', 'SignUpView')],
      afterNavLinks: [...(config.admin?.components?.afterNavLinks ?? []), component('CompareNavLink', 'CompareView')],
    },
  },
  i18n: { ...config.i18n, translations: { ...config.i18n?.translations, ...adminTranslations } as never },
  collections: (config.collections ?? []).map(labelCollection).map((collection) => {
    if (collection.slug === 'resources') return resources(collection)
    const hidden = EDITOR_COLLECTIONS.has(collection.slug)
      ? { hidden: ({ user }: { user: unknown }) => !isEditor(user as never) }
      : {}
    const fields = collection.slug === 'documents' ? hideFields(collection.fields, DOCUMENT_EDITOR_FIELDS) : collection.fields
    return { ...collection, admin: { ...collection.admin, ...hidden }, fields }
  }),
})
