import { APIError, type CollectionBeforeValidateHook } from 'payload'
import { isAdmin, isEditor } from '../../../access/roles'
import { sameId } from '../../../access/sameId'

const forbidden = (message: string) => new APIError(message, 403, undefined, true)

/**
 * Refuses, with 403 rather than silently ignoring, an account change the caller may not make:
 * only admins change roles; only admins and editors (on contributor accounts) change status;
 * an editor changing someone else's account may change nothing but its status.
 */
export const guardAccountChanges: CollectionBeforeValidateHook = ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !data || req.payloadAPI === 'local' || isAdmin(req.user)) return data
  const differs = (key: string) => key in data && data[key] !== undefined && data[key] !== originalDoc?.[key]
  if (differs('role')) throw forbidden('Only an admin may change a role.')
  const self = sameId(originalDoc?.id, req.user?.id)
  if (differs('status') && (self || !isEditor(req.user) || originalDoc?.role !== 'contributor')) {
    throw forbidden('Only editors may change the status of a contributor account (and admins of any account).')
  }
  if (!self) {
    const others = Object.keys(data).filter((key) => key !== 'status' && differs(key))
    if (others.length) throw forbidden(`Editors may change only the status of someone else's account, not ${others.map((k) => `"${k}"`).join(', ')}.`)
  }
  return data
}
