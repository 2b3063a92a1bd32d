import { type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'
import { forbidden } from '../../../access/forbidden'
import { isAdmin, isEditor } from '../../../access/roles'
import { sameId } from '../../../access/sameId'


type Args = { id?: string | number; data?: Record<string, unknown>; overrideAccess?: boolean; req: PayloadRequest }

/**
 * Refuses, with 403 rather than silently ignoring, an account change the caller may not make:
 * only admins change roles; only admins and editors (on contributor accounts other than their
 * own) change status and jurisdictions (what a leader may work on, or an editor review:
 * access/withinJurisdictions.ts; nobody widens their own); an editor changing someone else's
 * account may change nothing else. Runs before the field access that would otherwise drop the values quietly.
 */
export const guardAccountChanges: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const a = args as unknown as Args
  if (operation !== 'update' || a.overrideAccess === true || isAdmin(req.user) || !a.data) return args
  const original =
    a.id !== undefined
      ? ((await req.payload.findByID({ collection: 'contributors', id: a.id, depth: 0, overrideAccess: true, disableErrors: true, req })) as unknown as Record<string, unknown> | null)
      : null
  const differs = (key: string) =>
    key in a.data! && a.data![key] !== undefined && (key === 'jurisdictions' ? !sameIds(a.data![key], original?.[key]) : a.data![key] !== original?.[key])
  if (differs('role')) throw forbidden('Only an admin may change a role.')
  // A capability like a role: an unset value reads as false (the panel sends the field back).
  if ('legalReviewer' in a.data && a.data.legalReviewer !== undefined && Boolean(a.data.legalReviewer) !== Boolean(original?.legalReviewer)) {
    throw forbidden('Only an admin may make an account a legal reviewer, or end it.')
  }
  const self = original ? sameId(original.id, req.user?.id) : false
  if (differs('status') && (self || !isEditor(req.user) || original?.role !== 'contributor')) {
    throw forbidden('Only editors may change the status of a contributor account (and admins of any account).')
  }
  if (differs('jurisdictions') && (self || !isEditor(req.user) || original?.role !== 'contributor')) {
    throw forbidden('Only editors may set the jurisdictions of a contributor account (and admins of any account).')
  }
  if (original && !self && isEditor(req.user)) {
    const others = Object.keys(a.data).filter((key) => key !== 'status' && key !== 'jurisdictions' && key !== 'legalReviewer' && differs(key))
    if (others.length) throw forbidden(`Editors may change only the status and jurisdictions of someone else's account, not ${others.map((k) => `"${k}"`).join(', ')}.`)
  }
  return args
}

/** The same set of ids, populated or not, in any order (the admin panel sends the field back unchanged). */
function sameIds(a: unknown, b: unknown): boolean {
  const ids = (v: unknown) => (Array.isArray(v) ? v : v ? [v] : []).map((x) => String(x && typeof x === 'object' && 'id' in x ? (x as { id: unknown }).id : x)).sort()
  return ids(a).join(',') === ids(b).join(',')
}
