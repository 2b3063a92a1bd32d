import { addDataAndFileToRequest, type Endpoint } from 'payload'
import { verify } from '../../../src/verification/signOff'

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } })

/**
 * POST /api/resources/:id/verify  { "note"?: …, "reviewBy"?: "2027-06-30" }
 * A legal reviewer's sign-off on a published resource or one in review, within their
 * jurisdictions (src/verification/signOff.ts). 200 with the new verification; 400 bad body or a
 * reviewBy not in the future; 401; 403 not a legal reviewer or outside their jurisdictions;
 * 404 no such resource (for the caller); 409 not published or in review.
 */
export const verifyEndpoint: Endpoint = {
  path: '/:id/verify',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return json(401, { errors: [{ message: 'Sign in to verify a resource.' }] })
    try {
      await addDataAndFileToRequest(req)
    } catch {
      return json(400, { errors: [{ message: 'The body must be JSON: { "note"?: …, "reviewBy"?: … }.' }] })
    }
    const body = req.data ?? {}
    if (typeof body !== 'object' || Array.isArray(body)) return json(400, { errors: [{ message: 'The body must be a JSON object: { "note"?: …, "reviewBy"?: … }.' }] })
    const result = await verify(req, req.routeParams?.id as string, body as Record<string, unknown>)
    return result.ok ? json(200, result.body) : json(result.status, { errors: [{ message: result.error }] })
  },
}
