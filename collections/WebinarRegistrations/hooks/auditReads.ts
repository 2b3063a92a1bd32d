import type { CollectionAfterOperationHook, Where } from 'payload'
import { recordAudit } from '../../../src/webinars/audit'
import { findById } from '../../../src/webinars/http'

type Id = string | number

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

/**
 * Records every read of registrations by a person (REST, GraphQL, admin panel): who, when,
 * which webinar, how many rows. Reads by the server itself (no user) are not people looking.
 */
export const auditReads: CollectionAfterOperationHook = async ({ operation, args, result, req }) => {
  if (!req.user || req.context?.skipAudit) return result
  if (operation === 'find') {
    const { docs } = result as { docs: unknown[] }
    // A filter value arrives as text from a query string: store the webinar's own id.
    const filtered = webinarOf((args as { where?: Where }).where)
    const webinar = filtered === undefined ? undefined : (await findById<{ id: Id }>(req, 'webinars', filtered))?.id
    await recordAudit(req, { action: 'list', webinar, rows: docs.length })
  } else if (operation === 'findByID' && result) {
    const webinar = (result as { webinar?: Id | { id: Id } }).webinar
    await recordAudit(req, { action: 'read', webinar: typeof webinar === 'object' ? webinar?.id : webinar, rows: 1 })
  }
  return result
}
