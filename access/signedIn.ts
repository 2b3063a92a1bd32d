import type { Access, FieldAccess, PayloadRequest } from 'payload'
import { activeRole } from './roles'

/** Any active account (pending and suspended accounts count as nobody). */
export const signedIn: Access = ({ req }) => Boolean(activeRole(req.user))
export const signedInField: FieldAccess = ({ req }) => Boolean(activeRole(req.user))

/** Nobody through the API: the value is written by server code only (workflow, hooks). */
export const nobody: Access = () => false
export const nobodyField: FieldAccess = () => false

/** Any signed-in account, pending ones included: only for what concerns the account itself. */
export const anyAccount = ({ req }: { req: PayloadRequest }): boolean => Boolean(req.user)
