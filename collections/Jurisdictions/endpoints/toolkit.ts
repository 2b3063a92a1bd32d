import type { Endpoint, PayloadRequest, Where } from 'payload'
import { errorJson, errorResponse, localeParameter, publicOperation, resourceSummarySchema } from '../../../src/endpoints/openapiCommon'
import { SECTIONS } from '../../Resources/options'

type Id = string | number
type Jurisdiction = { id: Id; code: string; name: string; type: string; parent?: Id | null } & Record<string, unknown>

const RESOURCE_FIELDS = { slug: true, title: true, summary: true, category: true, section: true, issuedAt: true, effectiveAt: true, legislativeStatus: true, superseded: true } as const
const PROFILE_FIELDS = ['protectionStatus', 'protectionSummary', 'effectiveAt', 'warrantStandard', 'scope', 'remedy'] as const
/** A guard against a parent loop in bad data; real chains are city → county → state → federal. */
const MAX_ANCESTORS = 5

/** Published resources naming the jurisdiction, newest first; always the published version, whoever asks. */
type ResourceSummary = { id: Id; section?: string | null } & Record<string, unknown>

async function publishedResources(req: PayloadRequest, jurisdiction: Id): Promise<ResourceSummary[]> {
  const where: Where = { and: [{ jurisdictions: { equals: jurisdiction } }, { _status: { equals: 'published' } }] }
  const { docs } = await req.payload.find({
    collection: 'resources',
    where,
    draft: false,
    select: RESOURCE_FIELDS,
    sort: '-issuedAt',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    locale: localeOf(req),
    // No req: the API's page cap (src/plugins/apiGuards.ts) would cut this list at a page.
  })
  return docs.map((d) => ({ id: d.id, ...Object.fromEntries(Object.keys(RESOURCE_FIELDS).map((k) => [k, (d as Record<string, unknown>)[k] ?? null])) }))
}

async function findJurisdiction(req: PayloadRequest, where: Where): Promise<Jurisdiction | undefined> {
  const { docs } = await req.payload.find({ collection: 'jurisdictions', where, depth: 0, limit: 1, locale: localeOf(req), overrideAccess: false })
  return docs[0] as unknown as Jurisdiction | undefined
}

/** `?locale=all` would return every translation as an object: the toolkit answers in one language. */
const localeOf = (req: PayloadRequest) => (req.locale === 'all' ? undefined : req.locale)

const brief = (j: Jurisdiction) => ({ id: j.id, code: j.code, name: j.name, type: j.type })

/**
 * GET /api/jurisdictions/:code/toolkit: what a campaign in one place needs on one page — the
 * jurisdiction and its protection profile, its published resources grouped by the nine toolkit
 * sections (in the toolkit's order; `unsectioned` for the rest), and the resources of the levels
 * above it (its state, the federal level), nearest first. Superseded items stay listed, flagged
 * `superseded: true`. Unknown code: 404.
 */
export const toolkitEndpoint: Endpoint = {
  path: '/:code/toolkit',
  method: 'get',
  handler: async (req) => {
    const code = String(req.routeParams?.code ?? '')
    const jurisdiction = code.length <= 60 ? await findJurisdiction(req, { code: { equals: code } }) : undefined
    if (!jurisdiction) return errorJson(404, `No jurisdiction with code "${code.slice(0, 60)}".`)

    const own = await publishedResources(req, jurisdiction.id)
    const sections = SECTIONS.map(({ value, label }) => ({ section: value, label, resources: own.filter((r) => r.section === value) }))
    const unsectioned = own.filter((r) => !SECTIONS.some((s) => s.value === r.section))

    const inherited = []
    const seen = new Set([String(jurisdiction.id)])
    let parentId = jurisdiction.parent
    while (parentId !== null && parentId !== undefined && inherited.length < MAX_ANCESTORS && !seen.has(String(parentId))) {
      seen.add(String(parentId))
      const parent = await findJurisdiction(req, { id: { equals: parentId } })
      if (!parent) break
      inherited.push({ jurisdiction: brief(parent), resources: await publishedResources(req, parent.id) })
      parentId = parent.parent
    }

    const profile = Object.fromEntries(PROFILE_FIELDS.map((k) => [k, jurisdiction[k] ?? null]))
    return Response.json({ jurisdiction: { ...brief(jurisdiction), protection: profile }, sections, unsectioned, inherited })
  },
  custom: {
    openapi: {
      ...publicOperation,
      summary: "A jurisdiction's toolkit: protection profile and published resources by section",
      parameters: [
        { name: 'code', in: 'path', required: true, description: 'Jurisdiction code: US, US-NY, US-NY-KINGS…', schema: { type: 'string', example: 'US-NY' } },
        localeParameter,
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
                  sections: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        section: { type: 'string', enum: SECTIONS.map((s) => s.value) },
                        label: { type: 'string' },
                        resources: { type: 'array', items: { ...resourceSummarySchema, properties: { ...resourceSummarySchema.properties, superseded: { type: 'boolean' } } } },
                      },
                    },
                  },
                  unsectioned: { type: 'array', items: resourceSummarySchema },
                  inherited: {
                    type: 'array',
                    items: { type: 'object', properties: { jurisdiction: { type: 'object' }, resources: { type: 'array', items: resourceSummarySchema } } },
                  },
                },
              },
            },
          },
        },
        404: errorResponse('No jurisdiction has this code.'),
      },
    },
  },
}
