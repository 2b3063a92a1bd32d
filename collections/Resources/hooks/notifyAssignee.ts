import type { CollectionAfterChangeHook } from 'payload'
import { isEditor } from '../../../access/roles'
import { sameId } from '../../../access/sameId'
import { deliverAfterCommit, queueEmail } from '../../../src/email/outbox'

const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id: string | number }).id : (v as string | number | null | undefined))

/** An editor who assigns a resource to another editor tells them (queued with the change, sent after commit). */
export const notifyAssignee: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const assignee = idOf(doc?.assignee)
  if (operation !== 'update' || !isEditor(req.user) || assignee === null || assignee === undefined) return doc
  if (sameId(assignee, previousDoc?.assignee) || sameId(assignee, req.user!.id)) return doc
  const job = await queueEmail(req, { template: 'assigned', resource: String(doc.id), contributor: String(req.user!.id), recipient: String(assignee) })
  deliverAfterCommit(req, [job])
  return doc
}
