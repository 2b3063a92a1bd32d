import type { Access, FieldAccess } from 'payload'
import { isEditor } from './roles'

/** Editors and admins: the people who review and publish. */
export const editors: Access = ({ req }) => isEditor(req.user)
export const editorsField: FieldAccess = ({ req }) => isEditor(req.user)
