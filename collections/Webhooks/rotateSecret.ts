import type { Endpoint } from 'payload'
import { isEditor } from '../../access/roles'
import { newSecret } from '../../src/webhooks/signature'

/** `POST /api/webhooks/:id/secret`: replaces the signing secret and answers it, once. Editors only. */
export const rotateSecretEndpoint: Endpoint = {
  path: '/:id/secret',
  method: 'post',
  handler: async (req) => {
    if (!isEditor(req.user)) return Response.json({ errors: [{ message: 'Only editors manage webhooks.' }] }, { status: req.user ? 403 : 401 })
    const id = req.routeParams?.id as string
    const found = await req.payload.findByID({ collection: 'webhooks', id, depth: 0, overrideAccess: true, disableErrors: true, req })
    if (!found) return Response.json({ errors: [{ message: `No webhook with id ${id}.` }] }, { status: 404 })
    const secret = newSecret()
    await req.payload.update({ collection: 'webhooks', id: found.id, data: { secret } as never, overrideAccess: true, depth: 0, req, context: { webhookDeliveryRecord: true } })
    return Response.json({ id: found.id, secret }, { headers: { 'Cache-Control': 'no-store' } })
  },
  custom: {
    openapi: {
      summary: 'Rotate a webhook\'s signing secret (editors)',
      tags: ['webhooks'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        200: { description: 'The new secret, shown this once.', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: ['string', 'number'] }, secret: { type: 'string' } } } } } },
        401: { description: 'Not signed in.' },
        403: { description: 'Not an editor.' },
        404: { description: 'No such webhook.' },
      },
    },
  },
}
