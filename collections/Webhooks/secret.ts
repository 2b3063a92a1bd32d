import type { CollectionAfterOperationHook, CollectionBeforeChangeHook } from 'payload'
import { newSecret } from '../../src/webhooks/signature'

const REVEAL = 'webhookSecretToReveal'

/** Every webhook gets its own secret from the server at creation; nobody picks one. */
export const generateSecret: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const secret = newSecret()
  req.context[REVEAL] = secret
  return { ...data, secret }
}

/**
 * The create's answer carries the secret this once (field access hides it from non-admins in
 * every other read), so the editor who set the webhook up can paste it into the receiver.
 */
export const revealSecretOnce: CollectionAfterOperationHook = ({ operation, req, result }) => {
  const secret = req.context[REVEAL]
  if (operation !== 'create' || typeof secret !== 'string' || !result || typeof result !== 'object') return result
  delete req.context[REVEAL]
  return { ...(result as object), secret } as typeof result
}
