import type { Access, FieldAccess } from 'payload'
import { isAdmin, isEditor } from '../../access/roles'

/**
 * Updating accounts: admins any; editors their own and contributors' (to activate or suspend
 * them: hooks/guardAccountChanges limits what they may change); everyone else their own.
 */
export const selfOrContributorsForEditors: Access = ({ req }) => {
  if (isAdmin(req.user)) return true
  if (req.user?.collection !== 'contributors') return false
  const self = { id: { equals: req.user.id } }
  return isEditor(req.user) ? { or: [self, { role: { equals: 'contributor' } }] } : self
}

/** `status`: admins, and editors on contributor accounts (approving sign-ups). */
export const statusFieldUpdate: FieldAccess = ({ req, doc }) =>
  isAdmin(req.user) || (isEditor(req.user) && doc?.role === 'contributor' && doc?.id !== req.user?.id)
