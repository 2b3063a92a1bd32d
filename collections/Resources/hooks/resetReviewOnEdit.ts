import type { CollectionBeforeChangeHook } from 'payload'
import { isEditor } from '../../../access/roles'
import { isWorkflowWrite } from './guardOperations'

/**
 * Keeps the review state honest for every write that is not a workflow transition:
 * - a new resource (or a duplicate) starts as a draft owned by its creator, never published;
 * - editing a published resource starts a new revision in `draft` (saved as a draft version:
 *   the public keeps the published one until the revision is published through review);
 * - server code (seed, imports) creating published content gets a consistent reviewStatus;
 * - a version restore brings back content, never a former owner or assignee.
 */
export const resetReviewOnEdit: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  // Who owns and who reviews a resource are not content: restoring a version (an editor's, or
  // the workflow's when an update is withdrawn) keeps them.
  if (req.context?.isRestoringVersion && originalDoc) {
    data.owner = originalDoc.owner ?? null
    data.assignee = originalDoc.assignee ?? null
  }
  if (isWorkflowWrite(req)) return data
  if (req.payloadAPI === 'local' && !req.user) {
    if (operation === 'create' && data._status === 'published') {
      // The field's default ('draft') is already in `data` here: a published create is 'published'.
      if (!data.reviewStatus || data.reviewStatus === 'draft') data.reviewStatus = 'published'
      data.publishedAt ??= new Date().toISOString()
    }
    return data
  }
  if (operation === 'create') {
    data._status = 'draft'
    data.reviewStatus = 'draft'
    data.publishedAt = null
    data.publishAt = null
    if (!isEditor(req.user) || !data.owner) data.owner = req.user?.id
    if (!isEditor(req.user)) data.assignee = null
    return data
  }
  // An edit or a version restore never changes the review state, except that changing published
  // content starts a new revision; the workflow-only values stay as they were.
  data._status = 'draft'
  const state = originalDoc?.reviewStatus ?? 'draft'
  data.reviewStatus = state === 'published' ? 'draft' : state
  data.publishedAt = originalDoc?.publishedAt ?? null
  data.publishAt = originalDoc?.publishAt ?? null
  return data
}
