import { ValidationError, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'
import { email as validateEmail } from 'payload/shared'
import { forbidden } from '../../../access/forbidden'

type Args = { id?: string | number; data?: Record<string, unknown>; req: PayloadRequest }

/** Set on the request when an update asked for a new address: hooks/notifyAccountChanges sends the emails. */
export const EMAIL_CHANGE_REQUESTED = 'emailChangeRequested'
/** Context of the write that applies a confirmed link (endpoints/confirmEmail.ts); no client can set it. */
export const EMAIL_CHANGE_CONFIRMED = 'emailChangeConfirmed'

/**
 * A new address takes effect only once confirmed from it (endpoints/confirmEmail.ts): an update
 * that changes `email` keeps the old one and records the new one as `pendingEmail`; the new
 * address gets a signed link (or, if it already has an account, a note saying so) and the old
 * one a notice. The answer is the same either way, so an email change cannot probe which
 * addresses have accounts. Server code (the Local API without a user) changes it directly.
 */
export const deferEmailChange: CollectionBeforeOperationHook = async ({ args, operation, collection, req }) => {
  const a = args as unknown as Args
  if (operation !== 'update' || !a.data) return args
  const data = a.data
  const trusted = (req.payloadAPI === 'local' && !req.user) || req.context[EMAIL_CHANGE_CONFIRMED] === true
  if (!trusted) delete data.pendingEmail // set here only
  if (trusted || typeof data.email !== 'string') return args
  if (a.id === undefined) throw forbidden('An email address is changed on one account at a time.')
  const wanted = data.email.toLowerCase().trim()
  delete data.email
  const account = (await req.payload.db.findOne({ collection: collection.slug, where: { id: { equals: a.id } }, req })) as { email?: string } | null
  if (!account || wanted === account.email) return args
  const valid = validateEmail(wanted, { req, required: true } as never)
  if (valid !== true) throw new ValidationError({ collection: collection.slug, errors: [{ path: 'email', message: String(valid) }], req })
  data.pendingEmail = wanted
  req.context[EMAIL_CHANGE_REQUESTED] = true
  return args
}
