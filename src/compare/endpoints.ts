import type { Endpoint, PayloadRequest } from 'payload'
import { errorJson, errorResponse, localeParameter, publicOperation } from '../endpoints/openapiCommon'
import { matrixCsv } from './csv'
import { verificationSchema } from '../verification/status'
import { CompareError, compareMatrix, gapsAgainstModel, MAX_JURISDICTIONS } from './matrix'

/** Runs a compare handler; a CompareError is the client's problem, answered with its status. */
const answering = (handler: (req: PayloadRequest) => Promise<Response>) => async (req: PayloadRequest) => {
  try {
    return await handler(req)
  } catch (error) {
    if (error instanceof CompareError) return errorJson(error.status, error.message)
    throw error
  }
}

const instrumentSchema = {
  type: 'object',
  description: 'A published instrument that provides the provision.',
  properties: {
    id: { type: ['string', 'number'] },
    slug: { type: ['string', 'null'] },
    title: { type: ['string', 'null'] },
    category: { type: ['string', 'null'] },
    superseded: { type: 'boolean', description: 'A published resource supersedes it.' },
    verification: verificationSchema,
    section: { type: ['string', 'null'], description: 'Pinpoint citation, e.g. "Civil Rights Law §28"; null when not known.' },
    quote: { type: ['string', 'null'] },
    extent: { type: 'string', enum: ['full', 'partial'] },
  },
  required: ['id', 'slug', 'title', 'section', 'quote', 'extent'],
}
const provisionProperties = {
  key: { type: 'string', example: 'judicial-warrant-required' },
  name: { type: 'string' },
  description: { type: ['string', 'null'] },
  order: { type: 'number' },
}
const modelSchema = {
  type: ['object', 'null'],
  properties: { id: { type: ['string', 'number'] }, slug: { type: ['string', 'null'] }, title: { type: ['string', 'null'] }, jurisdictions: { type: 'array', items: { type: 'string' } } },
}
const modelParameter = (required: boolean) => ({
  name: 'model',
  in: 'query',
  required: false,
  description: `A published resource's id or slug to compare against${required ? '; default: the resource editors marked as the model' : ' (adds a model column)'}.`,
  schema: { type: 'string', example: 'ny-protect-our-courts-act' },
})
const compareParameters = [
  {
    name: 'jurisdictions',
    in: 'query',
    required: true,
    description: `Comma-separated jurisdiction codes, at most ${MAX_JURISDICTIONS}. Each is a column of its own: a county inherits nothing from its state here.`,
    schema: { type: 'string', example: 'US-NY,US-NJ,US-WA' },
  },
  modelParameter(false),
  localeParameter,
]
const compareErrors = {
  400: errorResponse(`No jurisdictions named, or more than ${MAX_JURISDICTIONS}.`),
  404: errorResponse('A jurisdiction code, or the model, is unknown (the message names it).'),
}

/** GET /api/compare: the protections of up to 12 jurisdictions side by side, provision by provision. */
export const compareEndpoint: Endpoint = {
  path: '/compare',
  method: 'get',
  handler: answering(async (req) => Response.json(await compareMatrix(req))),
  custom: {
    openapi: {
      ...publicOperation,
      summary: 'Compare jurisdictions provision by provision (published instruments only)',
      parameters: compareParameters,
      responses: {
        200: {
          description: 'For each provision of the catalogue, in order, the published instruments of each jurisdiction that provide it.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  jurisdictions: {
                    type: 'array',
                    items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' } }, required: ['code', 'name', 'type'] },
                  },
                  model: modelSchema,
                  provisions: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        ...provisionProperties,
                        model: { type: 'array', items: instrumentSchema, description: 'What the model provides (only with ?model=).' },
                        cells: { type: 'object', description: 'Jurisdiction code → instruments.', additionalProperties: { type: 'array', items: instrumentSchema } },
                      },
                      required: ['key', 'name', 'order', 'cells'],
                    },
                  },
                },
                required: ['jurisdictions', 'model', 'provisions'],
              },
            },
          },
        },
        ...compareErrors,
      },
    },
  },
}

/** GET /api/compare.csv: the same matrix as a spreadsheet (formula-safe cells). */
export const compareCsvEndpoint: Endpoint = {
  path: '/compare.csv',
  method: 'get',
  handler: answering(async (req) => {
    const csv = matrixCsv(await compareMatrix(req))
    return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="compare.csv"' } })
  }),
  custom: {
    openapi: {
      ...publicOperation,
      summary: 'The compare matrix as CSV',
      parameters: compareParameters,
      responses: {
        200: { description: 'A row per provision, a column per jurisdiction (the model first when asked for).', content: { 'text/csv': { schema: { type: 'string' } } } },
        ...compareErrors,
      },
    },
  },
}

/** GET /api/jurisdictions/{code}/gaps: what the model law provides and the jurisdiction does not, fully. */
export const gapsEndpoint: Endpoint = {
  path: '/:code/gaps',
  method: 'get',
  handler: answering(async (req) => Response.json(await gapsAgainstModel(req, String(req.routeParams?.code ?? '')))),
  custom: {
    openapi: {
      ...publicOperation,
      summary: "A jurisdiction's gaps against a model law: the campaign's to-do list",
      parameters: [
        { name: 'code', in: 'path', required: true, description: 'Jurisdiction code: US-NJ, US-NY-KINGS…', schema: { type: 'string', example: 'US-NJ' } },
        modelParameter(true),
        localeParameter,
      ],
      responses: {
        200: {
          description:
            'The provisions the model provides that no published instrument of the jurisdiction provides in full, in catalogue order: `missing`, or `partial` with the instruments that provide part of it.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  jurisdiction: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' } } },
                  model: modelSchema,
                  gaps: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        ...provisionProperties,
                        model: instrumentSchema,
                        status: { type: 'string', enum: ['missing', 'partial'] },
                        partial: { type: 'array', items: instrumentSchema },
                      },
                      required: ['key', 'name', 'model', 'status', 'partial'],
                    },
                  },
                },
                required: ['jurisdiction', 'model', 'gaps'],
              },
            },
          },
        },
        400: errorResponse('No model named and none marked as the model.'),
        404: errorResponse('Unknown jurisdiction code, or unknown model.'),
      },
    },
  },
}
