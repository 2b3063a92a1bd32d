import type { CollectionConfig } from 'payload'
import {
  activeAccounts,
  deletableByOwnerOrEditor,
  editableByOwnerOrEditor,
  publishedOrOwnOrEditor,
  versionsOfOwnOrEditor,
} from './access'
import { workflowEndpoint, workflowStateEndpoint } from './endpoints/workflow'
import { guardOperations } from './hooks/guardOperations'
import { resetReviewOnEdit } from './hooks/resetReviewOnEdit'
import { workflowFields } from './workflowFields'

/**
 * A MINIMAL `resources` collection: just enough content to build and test the review workflow.
 * The content model (issue 3) owns the real one; merge into it the keys marked WORKFLOW.
 */
export const Resources: CollectionConfig = {
  slug: 'resources',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'category', 'reviewStatus', 'updatedAt'] },
  versions: { drafts: true, maxPerDoc: 50 },
  // WORKFLOW: access, hooks, endpoints
  access: {
    read: publishedOrOwnOrEditor,
    create: activeAccounts,
    update: editableByOwnerOrEditor,
    delete: deletableByOwnerOrEditor,
    readVersions: versionsOfOwnOrEditor,
  },
  hooks: {
    beforeOperation: [guardOperations],
    beforeChange: [resetReviewOnEdit],
  },
  endpoints: [workflowEndpoint, workflowStateEndpoint],
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, maxLength: 300 },
    {
      name: 'category',
      type: 'select',
      required: true,
      options: ['legal-theory', 'legislation', 'judicial-rule', 'campaign-material', 'statement', 'policy', 'litigation', 'training', 'media', 'social-media'].map(
        (value) => ({ label: value, value }),
      ),
    },
    // WORKFLOW: fields
    ...workflowFields,
  ],
}
