import type { Plugin } from 'payload'
import { openapi } from 'payload-oapi'

/** The collections a frontend reads; the document describes these and the custom endpoints. */
export const PUBLIC_COLLECTIONS = ['resources', 'jurisdictions', 'organizations', 'topics', 'documents', 'webinars']

/**
 * `GET /api/openapi.json`: an OpenAPI 3.1 document generated from the collections by
 * payload-oapi; custom endpoints describe themselves in `custom.openapi`. The plugin's OAuth
 * helper endpoint is dropped: it would be one more way to log in, for a documentation UI we
 * do not serve.
 */
export const openApiDocument = (version: string): Plugin => {
  const withSpec = openapi({
    openapiVersion: '3.1',
    specEndpoint: '/openapi.json',
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
    return { ...next, endpoints: (next.endpoints ?? []).filter((e) => e.path !== '/openapi-auth') }
  }
}
