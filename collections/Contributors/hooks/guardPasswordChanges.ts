import { ValidationError, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'
import { forbidden } from '../../../access/forbidden'
import { sameId } from '../../../access/sameId'
import { passwordProblem } from '../password/policy'
import { matchesStoredPassword } from '../password/verify'

type Args = { id?: string | number; data?: Record<string, unknown>; overrideAccess?: boolean; req: PayloadRequest }

/**
 * Every way a password is set applies the policy (../password/policy.ts): sign-up, the first
 * admin, reset and change. A change is the owner's alone and needs the current password
 * (`currentPassword`), so a stolen session cannot take over the account; nobody sets another
 * person's password (admins neither: they send a reset). Server code (the Local API without a
 * user: seed, scripts) is trusted with the change but not with a weak password.
 */
export const guardPasswordChanges: CollectionBeforeOperationHook = async ({ args, operation, collection, req }) => {
  const a = args as unknown as Args
  const data = a.data
  if (!data || !['create', 'update', 'resetPassword'].includes(operation)) return args
  const currentPassword = data.currentPassword
  delete data.currentPassword // never stored, never echoed
  const password = data.password
  if (typeof password !== 'string' || password === '') return args // rejectMalformedCredentials refuses non-text

  const refuse = (path: string, message: string) => new ValidationError({ collection: collection.slug, errors: [{ path, message }], req })
  if (operation !== 'update') {
    const problem = passwordProblem(password, [data.email as string, data.name as string])
    if (problem) throw refuse('password', problem)
    return args
  }

  const trusted = req.payloadAPI === 'local' && !req.user
  if (a.id === undefined) {
    if (!trusted) throw forbidden('A password is changed on one account at a time, by its owner.')
    const problem = passwordProblem(password)
    if (problem) throw refuse('password', problem)
    return args
  }
  const account = (await req.payload.db.findOne({ collection: collection.slug, where: { id: { equals: a.id } }, req })) as Record<string, unknown> | null
  const problem = passwordProblem(password, [(data.email ?? account?.email) as string, (data.name ?? account?.name) as string])
  if (trusted) {
    if (problem) throw refuse('password', problem)
    return args
  }
  if (!account || !sameId(account.id, req.user?.id)) {
    throw forbidden("Only the account's owner may change its password; send them a password reset (forgot password) instead.")
  }
  if (typeof currentPassword !== 'string' || currentPassword === '') {
    throw refuse('currentPassword', 'Enter your current password to set a new one.')
  }
  if (!(await matchesStoredPassword(account, currentPassword))) throw refuse('currentPassword', 'The current password is not correct.')
  if (problem) throw refuse('password', problem)
  return args
}
