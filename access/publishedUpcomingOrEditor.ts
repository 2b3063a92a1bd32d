import type { Access, Where } from 'payload'
import { isEditor } from './roles'

/**
 * Editors see every webinar; everyone else sees published webinars that have not ended yet
 * (a past webinar offers nothing to sign up for, and its page should not linger).
 */
export const publishedUpcomingOrEditor: Access = ({ req }) => {
  if (isEditor(req.user)) return true
  const published: Where = { _status: { equals: 'published' } }
  const notEnded: Where = { endsAt: { greater_than: new Date().toISOString() } }
  return { and: [published, notEnded] }
}
