import type { Access } from 'payload'
import { isEditor } from './roles'

/** Editors read everything, drafts included; everyone else reads published documents only. */
export const publishedOrEditor: Access = ({ req }) => {
  if (isEditor(req.user)) return true
  return { _status: { equals: 'published' } }
}
