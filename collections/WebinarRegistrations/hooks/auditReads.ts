import type { CollectionAfterOperationHook, PayloadRequest, Where } from 'payload'
import { recordAudit, type AuditEntry } from '../../../src/webinars/audit'
import { findById } from '../../../src/webinars/http'

type Id = string | number
type Row = { webinar?: Id | { id: Id } | null }

/**
 * The webinar a list was filtered to, when the filter names exactly one (`where[webinar][equals]=…`).
 * `and` arrives in lower case whatever the client wrote (`AND`, GraphQL's AND): src/security/queryRules.ts.
 */
function webinarOf(where: Where | undefined): Id | undefined {
  if (!where) return undefined
  const direct = (where.webinar as { equals?: unknown } | undefined)?.equals
  if (typeof direct === 'string' || typeof direct === 'number') return direct
  for (const clause of (where.and as Where[] | undefined) ?? []) {
    const found = webinarOf(clause)
    if (found !== undefined) return found
  }
  return undefined
}

/** A filter value arrives as text from a query string: store the webinar's own id. */
async function filteredWebinar(req: PayloadRequest, where: Where | undefined): Promise<Id | undefined> {
  const filtered = webinarOf(where)
  return filtered === undefined ? undefined : (await findById<{ id: Id }>(req, 'webinars', filtered))?.id
}
const webinarOfRow = (row: Row | null | undefined): Id | undefined => {
  const webinar = row?.webinar
  return webinar && typeof webinar === 'object' ? webinar.id : (webinar ?? undefined)
}

/**
 * Every operation whose answer carries registrations (their rows, their number, their distinct
 * values), as the audit entry it leaves: REST, GraphQL and the admin panel all run these
 * operations, so each is recorded once whichever way it came.
 */
async function entryFor(operation: string, args: { where?: Where }, result: unknown, req: PayloadRequest): Promise<AuditEntry | undefined> {
  switch (operation) {
    case 'find':
      return { action: 'list', webinar: await filteredWebinar(req, args.where), rows: (result as { docs: unknown[] }).docs.length }
    case 'findDistinct':
      return { action: 'list', webinar: await filteredWebinar(req, args.where), rows: (result as { values: unknown[] }).values.length }
    case 'count':
      return { action: 'count', webinar: await filteredWebinar(req, args.where), rows: (result as { totalDocs: number }).totalDocs }
    case 'findByID':
      return result ? { action: 'read', webinar: webinarOfRow(result as Row), rows: 1 } : undefined
    case 'delete': {
      const { docs } = result as { docs: Row[] }
      return docs.length ? { action: 'delete', webinar: await filteredWebinar(req, args.where), rows: docs.length } : undefined
    }
    case 'deleteByID':
      return result ? { action: 'delete', webinar: webinarOfRow(result as Row), rows: 1 } : undefined
  }
  return undefined
}

/**
 * Records every read of registrations by a person: who, when, which webinar, how many rows. A
 * person's read goes through access control; server code reading with overrideAccess (seat
 * counts, jobs, the export, which records itself) is not a person looking, nor is a read with no
 * user (access refuses it).
 */
export const auditReads: CollectionAfterOperationHook = async ({ operation, args, result, req, overrideAccess }) => {
  if (!req.user || req.context?.skipAudit || overrideAccess === true) return result
  const entry = await entryFor(operation, args as { where?: Where }, result, req)
  if (entry) await recordAudit(req, entry)
  return result
}
