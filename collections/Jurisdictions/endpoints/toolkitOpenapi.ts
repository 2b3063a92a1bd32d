import { errorResponse, localeParameter, publicOperation, resourceSummarySchema } from '../../../src/endpoints/openapiCommon'
import { SECTIONS } from '../../Resources/options'

/** Resources per list of the toolkit unless `?perSection=` asks for fewer or more (up to MAX_PER_SECTION). */
export const DEFAULT_PER_SECTION = 10
export const MAX_PER_SECTION = 50

const toolkitResource = { ...resourceSummarySchema, properties: { ...resourceSummarySchema.properties, superseded: { type: 'boolean' } } }

/** A list of the toolkit: its newest resources, how many there are, and the list request for the rest. */
const groupProperties = {
  totalDocs: { type: 'integer', description: 'How many published resources the list has in all.' },
  resources: { type: 'array', items: toolkitResource, description: 'The newest ones (by issued date), at most perSection.' },
  more: {
    type: ['string', 'null'],
    description:
      'A GET /api/resources request (filter, sort=-issuedAt, limit=perSection, page=2) that pages through the rest: follow `page` while `hasNextPage`. Null when `resources` holds them all.',
  },
}

export const toolkitOpenapi = {
  ...publicOperation,
  summary: "A jurisdiction's toolkit: protection profile and its newest published resources by section",
  parameters: [
    { name: 'code', in: 'path', required: true, description: 'Jurisdiction code: US, US-NY, US-NY-KINGS…', schema: { type: 'string', example: 'US-NY' } },
    localeParameter,
    {
      name: 'perSection',
      in: 'query',
      required: false,
      description: 'Resources per section, for unsectioned and per level above.',
      schema: { type: 'integer', minimum: 1, maximum: MAX_PER_SECTION, default: DEFAULT_PER_SECTION },
    },
  ],
  responses: {
    200: {
      description: 'The jurisdiction, its nine sections in order, other resources, and the levels above it nearest first.',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              jurisdiction: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, protection: { type: 'object' } } },
              perSection: { type: 'integer' },
              sections: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { section: { type: 'string', enum: SECTIONS.map((s) => s.value) }, label: { type: 'string' }, ...groupProperties },
                  required: ['section', 'label', 'totalDocs', 'resources', 'more'],
                },
              },
              unsectioned: { type: 'object', properties: groupProperties, required: ['totalDocs', 'resources', 'more'] },
              inherited: {
                type: 'array',
                items: { type: 'object', properties: { jurisdiction: { type: 'object' }, ...groupProperties }, required: ['jurisdiction', 'totalDocs', 'resources', 'more'] },
              },
            },
          },
        },
      },
    },
    400: errorResponse('perSection is not a whole number from 1 to 50.'),
    404: errorResponse('No jurisdiction has this code.'),
  },
}
