import type { CollectionAfterDeleteHook } from 'payload'
import { deliverWebhooksAfterCommit, queueWebhooks } from '../../../src/webhooks/queue'

/** Deleting a published resource takes it down: webhooks hear `resource.unpublished`. */
export const notifyWebhooksOnDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if ((doc as { _status?: string })._status !== 'published') return doc
  deliverWebhooksAfterCommit(req, await queueWebhooks(req, 'unpublish', { id: doc.id, slug: (doc as { slug?: string }).slug }))
  return doc
}
