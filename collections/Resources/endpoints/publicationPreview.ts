import type { Endpoint } from 'payload'
import { activeRole, isEditor } from '../../../access/roles'
import { sameId } from '../../../access/sameId'
import { publicationPreview } from '../../../src/workflow/publicationPreview'
import { currentState } from '../workingCopy'

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } })
const error = (status: number, message: string) => json(status, { errors: [{ message }] })

/**
 * GET /api/resources/:id/publication-preview: what publishing the working copy would make public,
 * every publicly readable field in every locale beside the last published version
 * (src/workflow/publicationPreview.ts). For the people who may read the draft: editors and the
 * owner; 404 for anyone else, as for the draft itself.
 */
export const publicationPreviewEndpoint: Endpoint = {
  path: '/:id/publication-preview',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return error(401, 'Sign in to see what a publication would show.')
    if (!activeRole(req.user)) return error(403, 'Your account is not active.')
    const id = req.routeParams?.id as string
    const state = await currentState(req, id)
    if (!state || !(isEditor(req.user) || sameId(state.owner, req.user.id))) return error(404, `No resource with id ${id}.`)
    const preview = await publicationPreview(req, 'resources', id)
    return preview ? json(200, preview) : error(404, `No resource with id ${id}.`)
  },
}
