import type { CollectionBeforeChangeHook } from 'payload'
import { forbidden } from '../../../access/forbidden'
import { activeRole } from '../../../access/roles'
import { outOfScope } from '../../../access/withinJurisdictions'
import { isWorkflowWrite } from './guardOperations'

/**
 * A contributor writes only resources of their jurisdictions (access/withinJurisdictions.ts):
 * what a create, a duplicate or an edit leaves in `jurisdictions` must be within theirs, and
 * not empty. Runs for REST, GraphQL and the admin panel alike (they all end in this hook);
 * editors and server code (seed, imports, the workflow) are not limited here.
 */
export const scopeToJurisdictions: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (isWorkflowWrite(req) || activeRole(req.user) !== 'contributor') return data
  const sent = data && Object.prototype.hasOwnProperty.call(data, 'jurisdictions')
  const outside = await outOfScope(req, req.user, sent ? data.jurisdictions : originalDoc?.jurisdictions)
  if (outside) throw forbidden(outside)
  return data
}
