import type { Endpoint } from 'payload'
import { PROTECTION_STATUSES } from '../../collections/Jurisdictions'
import { jurisdictions as jurisdictionLabels } from '../admin/labels/reference'
import { publicOperation } from './openapiCommon'

/** The jurisdictions a national map shows: states, DC and the territories. */
export const MAP_TYPES = ['state', 'district', 'territory']

const SPANISH_STATUS = jurisdictionLabels.options?.protectionStatus ?? {}

/** What each protectionStatus means, in the order a legend lists them, in English or Spanish. */
export const mapLegend = (locale: string) =>
  PROTECTION_STATUSES.map(({ value, label }) => ({ value, label: (locale === 'es' && SPANISH_STATUS[value]) || label }))

/**
 * GET /api/map: every state, DC and territory with code, name, type and protectionStatus, and the
 * legend of the statuses, in one small response (about 5 KB) a map can fetch on page load. Cached
 * like every anonymous read. `unknown` (not researched yet) is a status of its own, never null.
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
    const jurisdictions = docs.map(({ code, name, type, protectionStatus }) => ({ code, name, type, protectionStatus }))
    return Response.json({ jurisdictions, legend: mapLegend(req.locale === 'es' ? 'es' : 'en') })
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
                        protectionStatus: { type: 'string', enum: PROTECTION_STATUSES.map((s) => s.value) },
                      },
                      required: ['code', 'name', 'type', 'protectionStatus'],
                    },
                  },
                  legend: {
                    type: 'array',
                    description: 'Every protectionStatus value with its meaning, in the requested locale (`?locale=es`).',
                    items: {
                      type: 'object',
                      properties: { value: { type: 'string', enum: PROTECTION_STATUSES.map((s) => s.value) }, label: { type: 'string' } },
                      required: ['value', 'label'],
                    },
                  },
                },
                required: ['jurisdictions', 'legend'],
              },
            },
          },
        },
      },
    },
  },
}
