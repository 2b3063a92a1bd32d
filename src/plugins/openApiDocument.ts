import type { Endpoint, PayloadHandler, Plugin } from 'payload'
import { openapi } from 'payload-oapi'

/** The collections a frontend reads; the document describes these and the custom endpoints. */
export const PUBLIC_COLLECTIONS = ['resources', 'jurisdictions', 'organizations', 'topics', 'documents', 'webinars']

const SPEC_PATH = '/openapi.json'

/**
 * `GET /api/openapi.json`: an OpenAPI 3.1 document generated from the collections by
 * payload-oapi; custom endpoints describe themselves in `custom.openapi`. Two corrections:
 * the plugin's OAuth helper endpoint is dropped (one more way to log in, for a documentation
 * UI we do not serve), and relationships to private collections (a resource's owner) point at
 * an opaque id schema instead of a schema the document leaves out.
 */
export const openApiDocument = (version: string): Plugin => {
  const withSpec = openapi({
    openapiVersion: '3.1',
    specEndpoint: SPEC_PATH,
    metadata: {
      title: 'ICE Out of Courts Campaign Toolkit API',
      version,
      description:
        'Published toolkit content (resources, jurisdictions, organizations, topics, documents, webinars) and the public endpoints built on it.',
    },
    filters: { includeCollections: PUBLIC_COLLECTIONS },
  })
  return (config) => {
    const next = withSpec(config) as typeof config
    const endpoints = (next.endpoints ?? [])
      .filter((e) => e.path !== '/openapi-auth')
      .map((e): Endpoint => (e.path === SPEC_PATH ? { ...e, handler: withoutDanglingRefs(e.handler) } : e))
    return { ...next, endpoints }
  }
}

function withoutDanglingRefs(generate: PayloadHandler): PayloadHandler {
  return async (req) => {
    const spec = (await (await generate(req)).json()) as { components?: { schemas?: Record<string, unknown> } }
    const schemas = (spec.components ??= {}).schemas ??= {}
    const text = JSON.stringify(spec)
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      if (!schemas[name!]) {
        schemas[name!] = { description: 'A document that is not public: only its id is shown.', type: ['string', 'number'] }
      }
    }
    return Response.json(spec)
  }
}
