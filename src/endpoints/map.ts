import type { Endpoint } from 'payload'
import { PROTECTION_STATUSES } from '../../collections/Jurisdictions'
import { publicOperation } from './openapiCommon'

/** The jurisdictions a national map shows: states, DC and the territories. */
export const MAP_TYPES = ['state', 'district', 'territory']

/**
 * GET /api/map: every state, DC and territory with code, name, type and protectionStatus, in one
 * small response (about 4 KB) a map can fetch on page load. Cached like every anonymous read.
 */
export const mapEndpoint: Endpoint = {
  path: '/map',
  method: 'get',
  handler: async (req) => {
    const { docs } = await req.payload.find({
      collection: 'jurisdictions',
      where: { type: { in: MAP_TYPES } },
      select: { code: true, name: true, type: true, protectionStatus: true },
      sort: 'code',
      depth: 0,
      pagination: false,
      overrideAccess: false,
      // No req: the API's page cap (src/plugins/apiGuards.ts) is for clients' lists, not this one.
    })
    const jurisdictions = docs.map(({ code, name, type, protectionStatus }) => ({ code, name, type, protectionStatus: protectionStatus ?? null }))
    return Response.json({ jurisdictions })
  },
  custom: {
    openapi: {
      ...publicOperation,
      summary: 'Protection status of every state, DC and territory',
      responses: {
        200: {
          description: 'Sorted by code.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  jurisdictions: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        code: { type: 'string', example: 'US-NY' },
                        name: { type: 'string' },
                        type: { type: 'string', enum: MAP_TYPES },
                        protectionStatus: { type: ['string', 'null'], enum: [...PROTECTION_STATUSES.map((s) => s.value), null] },
                      },
                      required: ['code', 'name', 'type', 'protectionStatus'],
                    },
                  },
                },
                required: ['jurisdictions'],
              },
            },
          },
        },
      },
    },
  },
}
