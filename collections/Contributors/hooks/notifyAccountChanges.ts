import type { CollectionAfterChangeHook } from 'payload'
import { deliverAfterCommit, queueEmail } from '../../../src/email/outbox'
import { activeIds } from '../../../src/workflow/recipients'
import { EMAIL_CHANGE_REQUESTED } from './deferEmailChange'

/**
 * A sign-up (a pending account created through the API) → every active editor (admins when
 * there is no editor). An account going from pending to active → its owner. A requested address
 * change (hooks/deferEmailChange) → the new address (a confirmation link) and the old one (a notice). Queued in the
 * operation's transaction, delivered after commit, retried by the jobs queue.
 */
export const notifyAccountChanges: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const jobs: (string | number)[] = []
  if (operation === 'create' && doc.status === 'pending' && req.payloadAPI !== 'local') {
    let editors = await activeIds(req, 'editor')
    if (!editors.length) editors = await activeIds(req, 'admin')
    for (const recipient of editors) {
      jobs.push(await queueEmail(req, { template: 'signup', contributor: String(doc.id), recipient: String(recipient) }))
    }
  }
  if (operation === 'update' && req.context[EMAIL_CHANGE_REQUESTED] && doc.pendingEmail) {
    req.context[EMAIL_CHANGE_REQUESTED] = false
    jobs.push(await queueEmail(req, { template: 'email-change', contributor: String(doc.id) }))
    jobs.push(await queueEmail(req, { template: 'email-change-notice', contributor: String(doc.id) }))
  }
  if (operation === 'update' && previousDoc?.status === 'pending' && doc.status === 'active') {
    jobs.push(await queueEmail(req, { template: 'activated', contributor: String(doc.id) }))
  }
  if (jobs.length) deliverAfterCommit(req, jobs)
  return doc
}
