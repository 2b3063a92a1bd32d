import type { Access, CollectionBeforeChangeHook, Where } from 'payload'
import { activeRole, isEditor } from '../../access/roles'

/** Not held back for review: public files (rows from before `private` existed count as public). */
const PUBLIC: Where = { or: [{ private: { equals: false } }, { private: { exists: false } }] }

/**
 * Files are public, except one a contributor uploaded for a resource that has not been
 * published yet: only editors and the uploader may read it (the file itself included).
 */
export const publicOrOwnOrEditor: Access = ({ req }) => {
  if (isEditor(req.user)) return true
  if (activeRole(req.user)) return { or: [PUBLIC, { uploadedBy: { equals: req.user!.id } }] }
  return PUBLIC
}

/** A contributor's upload is theirs and private until a resource using it is published. */
export const holdContributorUploads: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create' || isEditor(req.user)) return data
  return { ...data, uploadedBy: req.user?.id, private: true }
}
