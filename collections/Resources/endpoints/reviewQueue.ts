import type { Endpoint } from 'payload'
import { activeRole, isEditor } from '../../../access/roles'
import { parseQueueQuery, reviewQueue } from '../../../src/workflow/reviewQueue'

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } })
const error = (status: number, message: string) => json(status, { errors: [{ message }] })

/**
 * GET /api/resources/review-queue?show=mine|region|all&state=in_review|changes_requested|scheduled
 * The editors' review queue (the dashboard's panel): counts per state in the chosen scope and the
 * longest-waiting items of one state. `show` defaults to "region" for a regional editor, "all"
 * otherwise; `?locale=` picks the titles' language. 401 not signed in; 403 not an active editor;
 * 400 an unknown `show` or `state`.
 */
export const reviewQueueEndpoint: Endpoint = {
  path: '/review-queue',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return error(401, 'Sign in to see the review queue.')
    if (!activeRole(req.user)) return error(403, 'Your account is not active.')
    if (!isEditor(req.user)) return error(403, 'The review queue is for editors.')
    const query = req.query as { show?: unknown; state?: unknown }
    const parsed = parseQueueQuery(req.user, { show: query.show, state: query.state })
    if (!parsed.ok) return error(400, parsed.error)
    return json(200, await reviewQueue(req, parsed.show, parsed.state))
  },
}
