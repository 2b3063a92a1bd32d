import { GRAPHQL_PLAYGROUND_GET, GRAPHQL_POST } from '@payloadcms/next/routes'
import express, { type RequestHandler } from 'express'
import { handleEndpoints, headersWithCors, type Payload } from 'payload'
import type { PublicContentVersion } from '../cache/publicContentVersion'
import { showsOnlyPublicContent } from '../cache/publicContentWrites'
import type { PublicResponseCache } from '../cache/publicResponses'
import type { ReadModel } from '../readModel'
import { type BodyLimits, requestAuth, sendWebResponse, setStatusAndHeaders, toWebRequest } from './bridge'
import { HttpError } from './errors'
import { applyHttpCaching, cachedPublicRead, etagOf } from './httpCaching'
import { reuseBridgeAuth } from './requestAuth'
import { queryProblem } from '../security/queryGuard'
import { documentProblem } from '../graphql/documentSize'

export type PayloadApiOptions = {
  limits: BodyLimits
  corsOrigins: string[]
  cache: PublicResponseCache
  contentVersion: PublicContentVersion
  readModel: ReadModel
}

/**
 * Payload's REST and GraphQL API, served by express through Payload's framework-agnostic
 * handlers. Never put express.json() in front of this: Payload reads the body itself.
 */
export function payloadApi(payload: Payload, { limits, corsOrigins, cache, contentVersion, readModel }: PayloadApiOptions): express.Router {
  const { config } = payload
  // Payload's handler takes the bridge's auth result instead of authenticating a second time.
  reuseBridgeAuth(payload)
  const graphql = refusalsAre400(refuseExplodingDocuments(GRAPHQL_POST(Promise.resolve(config))))
  const playground = GRAPHQL_PLAYGROUND_GET(Promise.resolve(config))
  const rest = (request: Request) => handleEndpoints({ config, request })

  /** Caching rules, unless a route chose its own Cache-Control before reaching here (e.g. no-store). */
  const finish = async (res: express.Response, request: Request, response: Response, anonymous: boolean, etag?: string) => {
    const preset = res.getHeader('cache-control')
    if (preset) response.headers.set('Cache-Control', String(preset))
    await sendWebResponse(res, await applyHttpCaching(request, response, corsOrigins, anonymous, etag))
  }

  const serve =
    (handler: (request: Request) => Promise<Response>): RequestHandler =>
    async (req, res) => {
      const anonymous = !(await requestAuth(payload, req)).user
      const request = await toWebRequest(req, res, limits)
      await finish(res, request, await handler(request), anonymous)
    }

  /**
   * REST reads by anonymous clients of public content are answered from the public cache while
   * the public content version is unchanged: a hit is written straight from the stored bytes,
   * without building a web Request or Response.
   */
  const serveRest: RequestHandler = async (req, res) => {
    const headers = { get: (name: string) => req.get(name) }
    const anonymous = !(await requestAuth(payload, req)).user
    const publicRead = (req.method === 'GET' || req.method === 'HEAD') && anonymous && !res.getHeader('cache-control') && showsOnlyPublicContent(req.originalUrl)
    const version = publicRead ? await contentVersion.current() : undefined
    const hit = version !== undefined ? cache.get(req.originalUrl, version) : undefined
    if (hit?.etag) {
      const answer = cachedPublicRead(headers, hit.headers, hit.etag, corsOrigins)
      setStatusAndHeaders(res, answer.status, answer.headers)
      res.end(answer.status === 304 ? undefined : hit.body)
      return
    }
    // Published resources, from the read model when it can answer exactly as Payload would (src/readModel),
    // written as a cache hit is, without a web Request or Response; a read sent as a POST may carry a
    // body Payload reads: Payload answers it.
    const sentAsPost = req.headers['x-payload-http-method-override'] !== undefined || req.headers['x-http-method-override'] !== undefined
    const modelled = publicRead && !sentAsPost ? await readModel.answer(req.originalUrl) : undefined
    if (modelled !== undefined) {
      const body = Buffer.from(modelled)
      const stored = [...modelHeaders(req.get('origin')).entries()]
      const etag = etagOf(body)
      if (version !== undefined) cache.set(req.originalUrl, version, { status: 200, headers: stored, body, etag })
      const answer = cachedPublicRead(headers, stored, etag, corsOrigins)
      setStatusAndHeaders(res, answer.status, answer.headers)
      res.end(answer.status === 304 ? undefined : body)
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
    await finish(res, request, response, anonymous, etag)
  }

  /** The headers Payload's handler gives its own JSON answers (CORS), for a request from `origin`. */
  const modelHeaders = (origin: string | undefined) =>
    headersWithCors({ headers: new Headers({ 'Content-Type': 'application/json' }), req: { payload, headers: new Headers(origin ? { origin } : {}) } as never })

  const router = express.Router()
  router.post('/graphql', serve(graphql))
  router.get('/graphql-playground', serve(playground))
  // Values the database could not bind are refused before Payload parses them (a 500 otherwise),
  // and locales Payload would silently read as the default one.
  // Page sizes are capped in the operation itself (src/plugins/apiGuards.ts), whatever the route.
  const locales = config.localization ? config.localization.localeCodes : []
  // A collection without REST routes (payload-migrations) has none here: Payload answers them 501.
  const withoutRoutes = new Set<string>(config.collections.filter((c) => c.endpoints === false).map((c) => c.slug))
  router.use((req, _res, next) => {
    next(withoutRoutes.has(req.path.split('/')[1] ?? '') ? new HttpError(404, `Route not found: ${req.method} ${req.originalUrl.split('?')[0]}`) : undefined)
  })
  router.use((req, _res, next) => {
    const search = req.originalUrl.split('?', 2)[1]
    const problem = search ? queryProblem(search, locales) : undefined
    next(problem ? new HttpError(400, problem) : undefined)
  })
  router.use(serveRest)
  return router
}

/** A document whose fragments expand to more fields than any rule should walk is refused before validation (src/graphql/documentSize.ts). */
function refuseExplodingDocuments(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const body = await request
      .clone()
      .json()
      .catch(() => undefined)
    const problem = documentProblem(body)
    return problem ? Response.json({ errors: [{ message: problem }] }, { status: 400 }) : handler(request)
  }
}

/**
 * A GraphQL request refused before it ran (unparsable, a batch, over the depth or cost limits)
 * answers 400 whatever the client accepts: graphql-http answers 200 to `Accept: application/json`,
 * which hides a refusal from clients and monitoring that look at the status. Such an answer has
 * `errors` and no `data`.
 */
function refusalsAre400(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const response = await handler(request)
    if (response.status !== 200 || !/json/.test(response.headers.get('content-type') ?? '')) return response
    const text = await response.text()
    let refused = false
    if (text.startsWith('{"errors"')) {
      try {
        refused = !('data' in (JSON.parse(text) as object))
      } catch {
        // not ours to judge
      }
    }
    return new Response(text, { status: refused ? 400 : 200, statusText: refused ? 'Bad Request' : response.statusText, headers: response.headers })
  }
}
