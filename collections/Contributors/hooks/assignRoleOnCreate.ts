import type { CollectionBeforeChangeHook } from 'payload'
import { isAdmin } from '../../../access/roles'

/**
 * Over REST and GraphQL only an admin chooses a new account's role and status. The very first
 * account (the admin panel's first-register screen) becomes the active admin; everyone else
 * starts as a pending contributor, whatever the request says. Server code (the Local API:
 * seed, tests) is trusted.
 */
export const assignRoleOnCreate: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || req.payloadAPI === 'local' || isAdmin(req.user)) return data
  const { totalDocs } = await req.payload.count({ collection: 'contributors', req, overrideAccess: true })
  return totalDocs === 0
    ? { ...data, role: 'admin', status: 'active' }
    : { ...data, role: 'contributor', status: 'pending' }
}
