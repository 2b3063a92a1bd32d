import type { CollectionAfterOperationHook } from 'payload'
import { type AuditEntry, recordAudit } from '../../../src/webinars/audit'

/** The audit entry an operation on subscriptions leaves: every answer that carries rows or their number. */
function entryFor(operation: string, result: unknown): AuditEntry | undefined {
  const list = 'subscriptions' as const
  switch (operation) {
    case 'find':
      return { list, action: 'list', rows: (result as { docs: unknown[] }).docs.length }
    case 'findDistinct':
      return { list, action: 'list', rows: (result as { values: unknown[] }).values.length }
    case 'count':
      return { list, action: 'count', rows: (result as { totalDocs: number }).totalDocs }
    case 'findByID':
      return result ? { list, action: 'read', rows: 1 } : undefined
    case 'delete':
      return (result as { docs: unknown[] }).docs.length ? { list, action: 'delete', rows: (result as { docs: unknown[] }).docs.length } : undefined
    case 'deleteByID':
      return result ? { list, action: 'delete', rows: 1 } : undefined
  }
  return undefined
}

/**
 * Same rule as webinar registrations (collections/WebinarRegistrations/hooks/auditReads.ts), in
 * the same log: every read of the subscriber list by a person (REST, GraphQL, admin panel) is
 * recorded; server code with overrideAccess (the alert job, the subscribe endpoint) is not a person looking.
 */
export const auditSubscriptionReads: CollectionAfterOperationHook = async ({ operation, result, req, overrideAccess }) => {
  if (!req.user || req.context?.skipAudit || overrideAccess === true) return result
  const entry = entryFor(operation, result)
  if (entry) await recordAudit(req, entry)
  return result
}
