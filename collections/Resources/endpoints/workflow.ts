import { addDataAndFileToRequest, type Endpoint } from 'payload'
import { activeRole, isEditor } from '../../../access/roles'
import { sameId } from '../../../access/sameId'
import { outOfScope } from '../../../access/withinJurisdictions'
import { CHECKLIST_ITEMS, availableActions, isState } from '../../../src/workflow/machine'
import { transition } from '../../../src/workflow/transition'
import { currentState } from '../workingCopy'
import { legalReviewState, publishedVerification } from '../../../src/verification/signOff'

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } })
const error = (status: number, message: string) => json(status, { errors: [{ message }] })

/**
 * POST /api/resources/:id/workflow  { "action": …, "note"?: …, "checklist"?: {…} }
 * The only way to change a resource's review status, and the only way to publish it.
 * 200 with the new state; 400 bad body / unknown action / missing note or checklist;
 * 401 not signed in; 403 role or ownership forbids; 404 no such resource (for the caller);
 * 409 the action is not allowed from the current state.
 */
export const workflowEndpoint: Endpoint = {
  path: '/:id/workflow',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return error(401, 'Sign in to change a review status.')
    try {
      await addDataAndFileToRequest(req)
    } catch {
      return error(400, 'The body must be JSON: { "action": …, "note"?: … }.')
    }
    const body = req.data
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return error(400, 'The body must be a JSON object: { "action": …, "note"?: … }.')
    }
    const id = req.routeParams?.id as string | undefined
    if (!id) return error(404, 'No resource id given.')
    const result = await transition(req, id, body as { action: unknown })
    return result.ok ? json(200, result.body) : error(result.status, result.error)
  },
}

/**
 * GET /api/resources/:id/workflow: the current review state and the actions the caller may take
 * from it (the admin panel's buttons), with the checklist a publish must confirm.
 */
export const workflowStateEndpoint: Endpoint = {
  path: '/:id/workflow',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return error(401, 'Sign in to see a review status.')
    const role = activeRole(req.user)
    if (!role) return error(403, 'Your account is not active.')
    const id = req.routeParams?.id as string
    const state = await currentState(req, id)
    const isOwner = state ? sameId(state.owner, req.user.id) : false
    if (!state || !(isEditor(req.user) || isOwner || state.live)) return error(404, `No resource with id ${id}.`)
    const reviewStatus = isState(state.reviewStatus) ? state.reviewStatus : 'draft'
    const inScope = !(await outOfScope(req, req.user, state.jurisdictions))
    return json(200, {
      id,
      reviewStatus: isEditor(req.user) || isOwner ? reviewStatus : 'published',
      live: state.live,
      actions: availableActions(reviewStatus, { role, isOwner, inScope }),
      checklist: CHECKLIST_ITEMS,
      // The schedule, for the review panel: editors, and the owner waiting for their item.
      ...(isEditor(req.user) || isOwner ? { publishAt: state.publishAt ?? null } : {}),
      // The legal sign-off: whether the caller may verify it now, or keep it over a typo fix on publish.
      legalReview: await legalReviewState(req, id, reviewStatus),
      verification: await publishedVerification(req, id),
    })
  },
}
