import type { CollectionAfterErrorHook, CollectionBeforeChangeHook } from 'payload'
import { isAdmin } from '../../../access/roles'

/**
 * Over REST and GraphQL only an admin chooses a new account's role and status. The very first
 * account (the admin panel's first-register screen) becomes the active admin; everyone else
 * starts as a pending contributor, whatever the request says. Server code (the Local API:
 * seed, tests) is trusted.
 */
export const assignRoleOnCreate: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || req.payloadAPI === 'local' || isAdmin(req.user)) return { ...data, firstAdminKey: undefined }
  const { totalDocs } = await req.payload.count({ collection: 'contributors', req, overrideAccess: true })
  // Two first sign-ups at once on MongoDB both count 0: the unique firstAdminKey lets one insert
  // win; the other fails (answered 409 by firstAdminRace) and nobody becomes a second admin.
  return totalDocs === 0
    ? { ...data, role: 'admin', status: 'active', firstAdminKey: FIRST_ADMIN }
    : { ...data, role: 'contributor', status: 'pending', firstAdminKey: undefined }
}

const FIRST_ADMIN = 'first'

/** The loser of that race: 409, saying what happened, instead of a validation error on a hidden field. */
export const firstAdminRace: CollectionAfterErrorHook = ({ error }) => {
  const fields = (error as { data?: { errors?: { path?: string }[] } }).data?.errors ?? []
  if (!fields.some((f) => /^first_?admin_?key/i.test(String(f.path)))) return
  return { response: { errors: [{ message: 'Another account was created at the same moment as the first one. Sign up again: an administrator will activate your account.' }] }, status: 409 }
}
