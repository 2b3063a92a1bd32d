import type { CollectionConfig } from 'payload'
import { languageField } from '../../fields/language'
import { linksField } from '../../fields/links'
import { neededInOneLanguage } from '../../fields/oneLanguage'
import { shownWhen } from '../../fields/shownWhen'
import { keepPublishedSlug, publishedSlugField, reservePublishedSlug, slugField } from '../../fields/slug'
import {
  activeAccounts,
  deletableByOwnerOrEditor,
  editableByOwnerOrEditor,
  publishedOrOwnOrEditor,
  versionsOfOwnOrEditor,
} from './access'
import { publicationPreviewEndpoint } from './endpoints/publicationPreview'
import { mirrorOwner } from './ownership'
import { workflowEndpoint, workflowStateEndpoint } from './endpoints/workflow'
import { reviewQueueEndpoint } from './endpoints/reviewQueue'
import { verifyEndpoint } from './endpoints/verify'
import { guardOperations } from './hooks/guardOperations'
import { confineRegionalEditors } from './hooks/confineRegionalEditors'
import { notifyWebhooksOnDelete } from './hooks/notifyWebhooksOnDelete'
import { rejectSelfSupersede } from './hooks/rejectSelfSupersede'
import { forgetSuperseded, reportSuperseded } from './hooks/reportSuperseded'
import { resetReviewOnEdit } from './hooks/resetReviewOnEdit'
import { scopeToJurisdictions } from './hooks/scopeToJurisdictions'
import { notifyAssignee } from './hooks/notifyAssignee'
import { deleteReviewHistory } from './hooks/deleteReviewHistory'
import {
  CATEGORIES,
  CATEGORY_DESCRIPTION,
  ISSUER_TYPES,
  LEGISLATIVE_STATUS_DESCRIPTION,
  LEGISLATIVE_STATUSES,
  SECTIONS,
  selectOptions,
} from './options'
import { isModelField, provisionsFields } from './provisions'
import { socialPostsField } from './socialPosts'
import { verificationField } from './verification'
import { workflowFields } from './workflowFields'
import { reindexAfterChange, unindexAfterDelete } from '../../src/search/sync'

const inCategory = (category: string) => (doc: { category?: unknown }) => doc.category === category

/** One item of the toolkit: a statute, a court rule, an ICE memo, a campaign letter, a training… */
export const Resources: CollectionConfig = {
  slug: 'resources',
  labels: { singular: 'Resource', plural: 'Resources' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'category', 'jurisdictions', 'reviewStatus', 'updatedAt'],
    listSearchableFields: ['title', 'slug', 'billNumber', 'issuedBy'],
  },
  // Who may do what, by role, ownership and review state: docs/WORKFLOW.md.
  access: {
    read: publishedOrOwnOrEditor,
    create: activeAccounts,
    update: editableByOwnerOrEditor,
    delete: deletableByOwnerOrEditor,
    readVersions: versionsOfOwnOrEditor,
  },
  // Drafts are validated like everything else: every API update is saved as a draft (hooks/guardOperations),
  // and without this no update was validated at all (a javascript: link, a 400-character title, went in).
  versions: { drafts: { validate: true }, maxPerDoc: 50 },
  defaultSort: '-updatedAt',
  // The public list filters on _status (access) and sorts by a date, then createdAt (Payload's
  // tie-break); a documented filter leads its own index, so a filtered page is read in sort order
  // and stops at `limit` instead of sorting every match (docs/API.md "Filtering", docs/BENCHMARKS.md).
  indexes: [
    ...['updatedAt', 'issuedAt', 'publishedAt'].map((sort) => ({ fields: ['_status', sort, 'createdAt'] })),
    ...['category', 'section', 'legislativeStatus', 'slug'].map((filter) => ({ fields: [filter, '_status', 'updatedAt', 'createdAt'] })),
  ],
  hooks: {
    // confineRegionalEditors after guardOperations: what it refuses is refused whatever the scope.
    beforeOperation: [guardOperations, confineRegionalEditors],
    beforeValidate: [rejectSelfSupersede],
    // resetReviewOnEdit after the slug hooks: it sees the slug they settled; reservePublishedSlug last:
    // it sees whether the write publishes.
    // forgetSuperseded: the per-request memo of superseded ids is stale after a write.
    // scopeToJurisdictions first: a contributor's write outside their jurisdictions goes no further.
    beforeChange: [scopeToJurisdictions, keepPublishedSlug, resetReviewOnEdit, reservePublishedSlug, ({ data, req }) => (forgetSuperseded(req), data)],
    // mirrorOwner: one owner for the working copy and the main document (ownership.ts).
    // The search index follows the published version, in the same transaction.
    // notifyAssignee: an editor assigning a resource to another editor tells them.
    afterChange: [mirrorOwner, reindexAfterChange, notifyAssignee],
    beforeDelete: [deleteReviewHistory],
    afterDelete: [unindexAfterDelete, notifyWebhooksOnDelete, ({ req }) => forgetSuperseded(req)],
  },
  // Payload tries custom endpoints before its own: GET /:id does not take /review-queue.
  endpoints: [reviewQueueEndpoint, workflowEndpoint, workflowStateEndpoint, publicationPreviewEndpoint, verifyEndpoint],
  fields: [
    // In English or Spanish, or both (fields/oneLanguage.ts); readers of the other language get this one.
    {
      name: 'title',
      type: 'text',
      localized: true,
      maxLength: 300,
      admin: { description: 'In English, Spanish or both: readers of a missing language see the other one.' },
      hooks: { beforeChange: [neededInOneLanguage('A resource needs a title in English or Spanish.')] },
    },
    // Unique among published resources only: a draft's slug must not tell anyone of other people's drafts.
    slugField('title', 'Part of the public URL, made from the title when left empty. Fixed once the resource has been published.', 'published'),
    publishedSlugField,
    {
      name: 'summary',
      type: 'textarea',
      localized: true,
      maxLength: 1500,
      admin: { description: 'A few plain sentences: what this is and why a campaign would use it.' },
    },
    { name: 'body', type: 'richText', localized: true },
    {
      type: 'row',
      fields: [
        {
          name: 'category',
          type: 'select',
          required: true,
          index: true,
          options: selectOptions(CATEGORIES),
          admin: { description: CATEGORY_DESCRIPTION, width: '50%' },
        },
        {
          name: 'section',
          type: 'select',
          index: true,
          options: selectOptions(SECTIONS),
          admin: { description: 'Where it sits in the nine sections of the published toolkit.', width: '50%' },
        },
      ],
    },
    {
      name: 'jurisdictions',
      type: 'relationship',
      relationTo: 'jurisdictions',
      hasMany: true,
      index: true,
      admin: { description: 'Where it applies or comes from. Federal items name "United States" (US).' },
    },
    {
      name: 'organizations',
      type: 'relationship',
      relationTo: 'organizations',
      hasMany: true,
      index: true,
      admin: { description: 'The bodies that wrote or issued it.' },
    },
    { name: 'topics', type: 'relationship', relationTo: 'topics', hasMany: true, index: true },
    {
      type: 'collapsible',
      label: 'Issuer and dates',
      fields: [
        {
          name: 'issuedBy',
          type: 'text',
          maxLength: 300,
          localized: true,
          admin: { description: 'Who issued it, in words, e.g. "Chief Judge of the State of New York".' },
        },
        { name: 'issuerType', type: 'select', options: selectOptions(ISSUER_TYPES) },
        {
          type: 'row',
          fields: [
            { name: 'issuedAt', type: 'date', index: true, admin: { description: 'Date issued, signed, filed or decided.', date: { pickerAppearance: 'dayOnly' } } },
            { name: 'effectiveAt', type: 'date', admin: { description: 'Date it takes or took effect.', date: { pickerAppearance: 'dayOnly' } } },
          ],
        },
      ],
    },
    shownWhen(inCategory('legislation'), {
      type: 'collapsible',
      label: 'Legislation',
      fields: [
        { name: 'billNumber', type: 'text', maxLength: 100, admin: { description: 'e.g. "A2176-A / S425-A", "SB 20-083".' } },
        {
          name: 'legislativeStatus',
          type: 'select',
          index: true,
          options: selectOptions(LEGISLATIVE_STATUSES),
          admin: { description: LEGISLATIVE_STATUS_DESCRIPTION },
        },
      ],
    }),
    provisionsFields,
    isModelField,
    {
      type: 'collapsible',
      label: 'Replaces or replaced by',
      fields: [
        {
          name: 'supersedes',
          type: 'relationship',
          relationTo: 'resources',
          hasMany: true,
          // Read by every resource's supersededBy join and the superseded flag (src/db/mongoSuperseding.ts).
          index: true,
          admin: { description: 'Earlier items this one replaces, e.g. the memo a new ICE memo rescinds.' },
        },
        {
          name: 'supersededBy',
          type: 'join',
          collection: 'resources',
          on: 'supersedes',
          admin: { description: 'Later items that name this one in "supersedes".' },
        },
        {
          name: 'superseded',
          type: 'checkbox',
          virtual: true,
          admin: { readOnly: true, description: 'True when a published resource supersedes this one.' },
          hooks: { afterRead: [reportSuperseded] },
        },
      ],
    },
    {
      name: 'documents',
      type: 'upload',
      relationTo: 'documents',
      hasMany: true,
      // Read by a renamed document's re-indexing and the document access rule ({ documents: { in } }).
      index: true,
      admin: { description: 'The item itself and related files: PDF, Word or image.' },
    },
    linksField(),
    languageField({
      hasMany: true,
      admin: { description: 'Languages the item is available in.' },
    }),
    shownWhen(inCategory('social-media'), socialPostsField),
    shownWhen(inCategory('social-media'), {
      name: 'graphics',
      type: 'upload',
      relationTo: 'documents',
      hasMany: true,
      // Checked on every save, drafts too (src/security/relationTargets.ts), as well as in the picker.
      filterOptions: { mimeType: { contains: 'image/' } },
      custom: { relationHint: 'Graphics must be images you uploaded or that are already public.' },
      admin: { description: 'Shareable images for social media.' },
    }),
    ...workflowFields,
    verificationField,
  ],
}
