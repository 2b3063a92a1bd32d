import type { CollectionBeforeChangeHook } from 'payload'
import { forbidden } from '../../../access/forbidden'
import { activeRole } from '../../../access/roles'
import { outOfScope } from '../../../access/withinJurisdictions'
import { isWorkflowWrite } from './guardOperations'

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

/**
 * A contributor writes only resources of their jurisdictions (access/withinJurisdictions.ts):
 * what a create, a duplicate or an edit leaves in `jurisdictions` must be within theirs, and
 * not empty. A version restore, by a contributor or a regional editor, must have both the
 * resource as it is and the version it brings back inside their scope (a restore is an edit
 * that can move an item into or out of a region). Runs for REST, GraphQL and the admin panel
 * alike (they all end in this hook); national editors, admins and server code (seed, imports,
 * the workflow) are not limited here.
 */
export const scopeToJurisdictions: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (isWorkflowWrite(req)) return data
  const role = activeRole(req.user)
  const restoring = req.context?.isRestoringVersion === true
  if (role !== 'contributor' && !(restoring && role === 'editor')) return data
  const sent = data && Object.prototype.hasOwnProperty.call(data, 'jurisdictions')
  const named = restoring
    ? [...asList(data?.jurisdictions), ...asList(originalDoc?.jurisdictions)]
    : sent
      ? data.jurisdictions
      : originalDoc?.jurisdictions
  const outside = await outOfScope(req, req.user, named)
  if (outside) throw forbidden(outside)
  return data
}
