import type { AfterErrorHook } from 'payload'
import { isTransientTransactionError } from '../db/transientRetry'

const MESSAGE = 'Someone else changed this at the same moment; reload and try again.'

/**
 * A Payload operation (REST, GraphQL, a custom endpoint) that lost a write conflict to another
 * instance's transaction (MongoDB: WriteConflict, TransientTransactionError) answers 409 with a
 * message saying to try again, not a 500: nothing was saved (the transaction was rolled back).
 * Our own write paths run the transaction again first (src/db/transientRetry.ts).
 */
export const writeConflictAs409: AfterErrorHook = ({ error, graphqlResult }) => {
  const original = (error as { originalError?: unknown }).originalError
  if (!isTransientTransactionError(error) && !isTransientTransactionError(original) && (error as { name?: string }).name !== 'WriteConflict') return
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message: MESSAGE, extensions: { ...graphqlResult.extensions, name: 'WriteConflict', statusCode: 409 } } }
  return { response: { errors: [{ message: MESSAGE }] }, status: 409 }
}
