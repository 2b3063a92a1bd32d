import { GRAPHQL_PLAYGROUND_GET, GRAPHQL_POST } from '@payloadcms/next/routes'
import express, { type RequestHandler } from 'express'
import { handleEndpoints, type SanitizedConfig } from 'payload'
import type { ContentVersion } from '../cache/contentVersion'
import type { PublicResponseCache } from '../cache/publicResponses'
import { type BodyLimits, sendWebResponse, setStatusAndHeaders, toWebRequest } from './bridge'
import { HttpError } from './errors'
import { applyHttpCaching, cachedPublicRead, etagOf, isAnonymous } from './httpCaching'
import { cappedPageQuery, queryProblem } from '../security/queryGuard'

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

  /**
   * REST reads by anonymous clients are answered from the public cache while it is current: a
   * hit is written straight from the stored bytes, without building a web Request or Response.
   */
  const serveRest: RequestHandler = async (req, res) => {
    const headers = { get: (name: string) => req.get(name) }
    const publicRead = req.method === 'GET' && isAnonymous(headers) && !res.getHeader('cache-control')
    const version = publicRead ? await contentVersion.current() : undefined
    const hit = version !== undefined ? cache.get(req.originalUrl, version) : undefined
    if (hit?.etag) {
      const answer = cachedPublicRead(headers, hit.headers, hit.etag, corsOrigins)
      setStatusAndHeaders(res, answer.status, answer.headers)
      res.end(answer.status === 304 ? undefined : hit.body)
      return
    }
    const request = await toWebRequest(req, res, limits)
    let response = await rest(request)
    let etag: string | undefined
    if (version !== undefined && response.status === 200 && !response.headers.has('cache-control') && !response.headers.has('set-cookie')) {
      const body = new Uint8Array(await response.arrayBuffer())
      const stored = [...response.headers.entries()]
      etag = etagOf(body)
      cache.set(req.originalUrl, version, { status: 200, headers: stored, body, etag })
      response = new Response(body as BodyInit, { status: 200, headers: stored })
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
