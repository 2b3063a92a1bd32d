import type { Endpoint } from 'payload'
import { parseSearchParams, searchResources, MAX_SEARCH_LIMIT, MAX_SEARCH_PAGE, SEARCH_PAGE_SIZE } from '../search/search'
import { MAX_QUERY_LENGTH } from '../search/text'
import { CATEGORIES } from '../../collections/Resources/options'
import { errorJson, errorResponse, localeParameter, publicOperation, resourceSummarySchema } from './openapiCommon'

/**
 * GET /api/search?q=…: full-text search of the PUBLISHED resources (title, summary, body,
 * attached document titles). Every word must match (as a word prefix, ignoring case and
 * accents); title matches rank above summary, documents, then body. Drafts, resources in review
 * and archived ones are never indexed (src/search/sync.ts), whoever asks.
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req) => {
    const locales = req.payload.config.localization ? req.payload.config.localization.localeCodes : ['en']
    const params = parseSearchParams(new URL(req.url ?? '', 'http://localhost').searchParams, locales)
    if ('error' in params) return errorJson(400, params.error)
    const result = await searchResources(req.payload, params, req)
    const numeric = req.payload.db.defaultIDType === 'number'
    return Response.json({ ...result, docs: result.docs.map((d) => ({ ...d, id: numeric ? Number(d.id) : d.id })) })
  },
  custom: {
    openapi: {
      ...publicOperation,
      summary: 'Full-text search of published resources',
      description:
        'Every word of `q` must occur (as a word prefix, ignoring case and accents) in the title, summary, body or an attached document title. Best matches first: title over summary over document titles over body. `excerpt` is HTML-escaped text with the matching words in `<mark>`.',
      parameters: [
        { name: 'q', in: 'query', required: true, description: `Words to find, 1 to ${MAX_QUERY_LENGTH} characters.`, schema: { type: 'string', minLength: 1, maxLength: MAX_QUERY_LENGTH } },
        localeParameter,
        { name: 'category', in: 'query', required: false, schema: { type: 'string', enum: CATEGORIES.map((c) => c.value) } },
        { name: 'jurisdiction', in: 'query', required: false, description: 'A jurisdiction code; also finds the counties and cities under it (US-NY finds US-NY-KINGS).', schema: { type: 'string', example: 'US-NY' } },
        { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_SEARCH_PAGE, default: 1 } },
        { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_SEARCH_LIMIT, default: SEARCH_PAGE_SIZE } },
      ],
      responses: {
        200: {
          description: 'One page of results, best first.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  docs: {
                    type: 'array',
                    items: {
                      ...resourceSummarySchema,
                      properties: { ...resourceSummarySchema.properties, jurisdictions: { type: 'array', items: { type: 'string' } }, excerpt: { type: 'string' } },
                    },
                  },
                  totalDocs: { type: 'integer' },
                  page: { type: 'integer' },
                  limit: { type: 'integer' },
                  totalPages: { type: 'integer' },
                  hasNextPage: { type: 'boolean' },
                  hasPrevPage: { type: 'boolean' },
                },
              },
            },
          },
        },
        400: errorResponse('Empty, over-long or wordless query, or a bad locale, category, jurisdiction, page or limit.'),
      },
    },
  },
}
