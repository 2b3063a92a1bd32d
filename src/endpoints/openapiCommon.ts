import { verificationSchema } from '../verification/status'
/** Pieces of OpenAPI shared by the public custom endpoints' `custom.openapi` descriptions. */
export const errorResponse = (description: string) => ({
  description,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: { errors: { type: 'array', items: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] } } },
        required: ['errors'],
      },
    },
  },
})

export const localeParameter = {
  name: 'locale',
  in: 'query',
  required: false,
  description: 'en (default) or es; text missing in one language falls back to the other.',
  schema: { type: 'string', enum: ['en', 'es'] },
}

/** A resource as the toolkit and search list it (not the full document: fetch /api/resources/{id} for that). */
export const resourceSummarySchema = {
  type: 'object',
  properties: {
    id: { type: ['string', 'number'] },
    slug: { type: ['string', 'null'] },
    title: { type: ['string', 'null'] },
    summary: { type: ['string', 'null'] },
    category: { type: ['string', 'null'] },
    section: { type: ['string', 'null'] },
    issuedAt: { type: ['string', 'null'], format: 'date-time' },
    verification: verificationSchema,
  },
  required: ['id', 'slug', 'title'],
}

export const errorJson = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/** Public endpoints take no credentials: override payload-oapi's default of an API key. */
export const publicOperation = { security: [] }
