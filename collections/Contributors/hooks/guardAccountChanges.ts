import { type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'
import { forbidden } from '../../../access/forbidden'
import { isAdmin, isEditor } from '../../../access/roles'
import { sameId } from '../../../access/sameId'


type Args = { id?: string | number; data?: Record<string, unknown>; overrideAccess?: boolean; req: PayloadRequest }

/**
 * Refuses, with 403 rather than silently ignoring, an account change the caller may not make:
 * only admins change roles; only admins and editors (on contributor accounts other than their
 * own) change status; an editor changing someone else's account may change nothing but its
 * status. Runs before the field access that would otherwise drop the values quietly.
 */
export const guardAccountChanges: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const a = args as unknown as Args
  if (operation !== 'update' || a.overrideAccess === true || isAdmin(req.user) || !a.data) return args
  const original =
    a.id !== undefined
      ? ((await req.payload.findByID({ collection: 'contributors', id: a.id, depth: 0, overrideAccess: true, disableErrors: true, req })) as unknown as Record<string, unknown> | null)
      : null
  const differs = (key: string) => key in a.data! && a.data![key] !== undefined && a.data![key] !== original?.[key]
  if (differs('role')) throw forbidden('Only an admin may change a role.')
  const self = original ? sameId(original.id, req.user?.id) : false
  if (differs('status') && (self || !isEditor(req.user) || original?.role !== 'contributor')) {
    throw forbidden('Only editors may change the status of a contributor account (and admins of any account).')
  }
  if (original && !self && isEditor(req.user)) {
    const others = Object.keys(a.data).filter((key) => key !== 'status' && differs(key))
    if (others.length) throw forbidden(`Editors may change only the status of someone else's account, not ${others.map((k) => `"${k}"`).join(', ')}.`)
  }
  return args
}
