import type { AfterErrorHook } from 'payload'
import { AuthenticationError } from 'payload'

/**
 * Payload answers a login to a locked account with "This user is locked…", which tells anyone
 * that the address has an account. Answer exactly as for a wrong email or password instead.
 */
export const hideAccountLock: AfterErrorHook = ({ error, req, graphqlResult }) => {
  if (error.name !== 'LockedAuth' && (error as { originalError?: Error }).originalError?.name !== 'LockedAuth') return
  const generic = new AuthenticationError(req.t)
  if (graphqlResult) {
    return { graphqlResult: { ...graphqlResult, message: generic.message, extensions: { ...graphqlResult.extensions, name: generic.name } } }
  }
  return { response: { errors: [{ message: generic.message }] }, status: generic.status }
}
