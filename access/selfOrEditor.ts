import type { Access } from 'payload'
import { isEditor } from './roles'

/** Editors see every account; anyone signed in sees their own. */
export const selfOrEditor: Access = ({ req }) => {
  if (isEditor(req.user)) return true
  if (req.user?.collection === 'contributors') return { id: { equals: req.user.id } }
  return false
}
