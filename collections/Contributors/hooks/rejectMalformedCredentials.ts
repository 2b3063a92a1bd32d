import { ValidationError, type CollectionBeforeOperationHook } from 'payload'

const TEXT_FIELDS = ['email', 'password'] as const

/**
 * Email and password must be text when given. Payload's auth code calls string
 * methods on them (lower-casing, hashing), so an object or a number would answer 500; this
 * answers 400 naming the field, before anything is read or written. Found by the fuzz tests.
 */
export const rejectMalformedCredentials: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const data = (args as { data?: unknown }).data
  if (!data || typeof data !== 'object') return args
  const wrong = TEXT_FIELDS.filter((key) => key in data && (data as Record<string, unknown>)[key] != null && typeof (data as Record<string, unknown>)[key] !== 'string')
  if (wrong.length) {
    throw new ValidationError({ collection: collection.slug, errors: wrong.map((path) => ({ path, message: `"${path}" must be text.` })), req })
  }
  return args
}
