import fs from 'node:fs'
import path from 'node:path'
import type { Endpoint, PayloadHandler, Plugin } from 'payload'
import { openapi } from 'payload-oapi'
import { projectRoot } from '../settings/paths'
import { correctDocument } from './openApiContract'

/** The collections a frontend reads; the document describes these and the custom endpoints. */
export const PUBLIC_COLLECTIONS = ['resources', 'jurisdictions', 'organizations', 'topics', 'documents', 'webinars']

const SPEC_PATH = '/openapi.json'

/**
 * `GET /api/openapi.json`: an OpenAPI 3.1 document generated from the collections by
 * payload-oapi; custom endpoints describe themselves in `custom.openapi`. The plugin's OAuth
 * helper endpoint is dropped (one more way to log in, for a documentation UI we do not serve),
 * no global is described (the only one is Payload's internal jobs statistics), and the generated
 * document is corrected where it says what the API does not (src/plugins/openApiContract.ts).
 */
export const openApiDocument = (): Plugin => {
  const { version, license } = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string; license: string }
  const withSpec = openapi({
    openapiVersion: '3.1',
    specEndpoint: SPEC_PATH,
    metadata: {
      title: 'ICE Out of Courts Campaign Toolkit API',
      version,
      description:
        'Published toolkit content (resources, jurisdictions, organizations, topics, documents, webinars) and the public endpoints built on it.',
    },
    filters: { includeCollections: PUBLIC_COLLECTIONS, includeGlobals: [] },
  })
  return (config) => {
    const next = withSpec(config) as typeof config
    const endpoints = (next.endpoints ?? [])
      .filter((e) => e.path !== '/openapi-auth')
      .map((e): Endpoint => (e.path === SPEC_PATH ? { ...e, handler: corrected(e.handler, license) } : e))
    return { ...next, endpoints }
  }
}

function corrected(generate: PayloadHandler, license: string): PayloadHandler {
  return async (req) => {
    const spec = await (await generate(req)).json()
    return Response.json(correctDocument(spec, { license, cookiePrefix: req.payload.config.cookiePrefix }))
  }
}
