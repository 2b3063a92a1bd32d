import { GRAPHQL_PLAYGROUND_GET, GRAPHQL_POST } from '@payloadcms/next/routes'
import express, { type RequestHandler } from 'express'
import { handleEndpoints, type SanitizedConfig } from 'payload'
import type { ContentVersion } from '../cache/contentVersion'
import type { PublicResponseCache } from '../cache/publicResponses'
import { type BodyLimits, sendWebResponse, toWebRequest } from './bridge'
import { HttpError } from './errors'
import { applyHttpCaching, etagOf, isAnonymous } from './httpCaching'
import { cappedPageQuery, queryProblem } from './queryGuard'

export type PayloadApiOptions = {
  limits: BodyLimits
  corsOrigins: string[]
  cache: PublicResponseCache
  contentVersion: ContentVersion
}

/**
 * Payload's REST and GraphQL API, served by express through Payload's framework-agnostic
 * handlers. Never put express.json() in front of this: Payload reads the body itself.
 */
export function payloadApi(config: SanitizedConfig, { limits, corsOrigins, cache, contentVersion }: PayloadApiOptions): express.Router {
  const graphql = GRAPHQL_POST(Promise.resolve(config))
  const playground = GRAPHQL_PLAYGROUND_GET(Promise.resolve(config))
  const rest = (request: Request) => handleEndpoints({ config, request })

  /** Caching rules, unless a route chose its own Cache-Control before reaching here (e.g. no-store). */
  const finish = async (res: express.Response, request: Request, response: Response, etag?: string) => {
    const preset = res.getHeader('cache-control')
    if (preset) response.headers.set('Cache-Control', String(preset))
    await sendWebResponse(res, await applyHttpCaching(request, response, corsOrigins, etag))
  }

  const serve =
    (handler: (request: Request) => Promise<Response>): RequestHandler =>
    async (req, res) => {
      const request = await toWebRequest(req, res, limits)
      await finish(res, request, await handler(request))
    }

  /** REST reads by anonymous clients are answered from the public cache while it is current. */
  const serveRest: RequestHandler = async (req, res) => {
    const request = await toWebRequest(req, res, limits)
    if (request.method !== 'GET' || !isAnonymous(request.headers) || res.getHeader('cache-control')) {
      await finish(res, request, await rest(request))
      return
    }
    const version = await contentVersion.current()
    const hit = cache.get(req.originalUrl, version)
    let response: Response
    let etag: string | undefined
    if (hit) {
      response = new Response(hit.body as BodyInit, { status: hit.status, headers: hit.headers })
      etag = hit.etag
    } else {
      response = await rest(request)
      if (response.status === 200 && !response.headers.has('cache-control') && !response.headers.has('set-cookie')) {
        const body = new Uint8Array(await response.arrayBuffer())
        const headers = [...response.headers.entries()]
        etag = etagOf(body)
        cache.set(req.originalUrl, version, { status: 200, headers, body, etag })
        response = new Response(body as BodyInit, { status: 200, headers })
      }
    }
    await finish(res, request, response, etag)
  }

  const listPaths = new Set(config.collections.flatMap(({ slug }) => [`/api/${slug}`, `/api/${slug}/versions`]))
  const isCollectionList = (path: string) => listPaths.has(path.replace(/\/$/, ''))

  const router = express.Router()
  // Writes move the content version once they have answered, i.e. after their transaction committed.
  router.use((req, res, next) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method)) res.on('finish', () => contentVersion.bump())
    next()
  })
  router.post('/graphql', serve(graphql))
  router.get('/graphql-playground', serve(playground))
  router.use((req, _res, next) => {
    const [path, search] = req.originalUrl.split('?', 2)
    if (!search) return next()
    const problem = queryProblem(search)
    if (problem) return next(new HttpError(400, problem))
    // Lists of a collection (and of its versions) are capped; custom endpoints check their own limits.
    const capped = isCollectionList(path ?? '') ? cappedPageQuery(search) : undefined
    if (capped !== undefined) req.originalUrl = `${path}?${capped}` // what the bridge hands to Payload
    next()
  })
  router.use(serveRest)
  return router
}
