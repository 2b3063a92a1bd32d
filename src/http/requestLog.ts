/**
 * One structured log line per request, and the request id that ties it to other lines.
 *
 * The line names the route *pattern* (`/api/resources/:id`), never the raw URL: paths and query
 * strings can carry emails, tokens and search terms, and logs must never carry personal data.
 * The same pattern labels the metrics, which keeps their cardinality bounded by the config.
 */
import crypto from 'node:crypto'
import type { Request, RequestHandler, Response } from 'express'
import type { SanitizedConfig } from 'payload'

/** What a request id from a proxy may look like: short, and nothing a log reader could misread. */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/

export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header
  return value && REQUEST_ID.test(value) ? value : crypto.randomUUID()
}

export type RequestRecord = {
  requestId: string
  method: string
  route: string
  status: number
  durationMs: number
}

type Logger = { info: (object: object, msg: string) => void }

/**
 * Accepts a valid `X-Request-Id` (or makes one), echoes it, and when the response is done logs
 * the request and hands it to `observe` (the metrics).
 */
export function requestLog(options: {
  logger: () => Logger
  route: (req: Request, res: Response) => string
  observe?: (record: RequestRecord) => void
}): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint()
    const requestId = requestIdOf(req.headers['x-request-id'])
    res.locals.requestId = requestId
    res.setHeader('X-Request-Id', requestId)
    let done = false
    const finish = () => {
      if (done) return
      done = true
      const record: RequestRecord = {
        requestId,
        method: methodLabel(req.method),
        route: options.route(req, res),
        // A client that hung up before the answer: nginx's convention.
        status: res.writableFinished ? res.statusCode : 499,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
      }
      options.logger().info(record, 'request')
      options.observe?.(record)
    }
    res.on('finish', finish)
    res.on('close', finish)
    next()
  }
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

export function methodLabel(method: string): string {
  return METHODS.has(method) ? method : 'OTHER'
}

type Endpoint = { path: string; method: string }

/**
 * The route pattern of a request, matched the way Payload's `handleEndpoints` matches: the
 * collection or global slug, then the first of its endpoints whose method and path fit. Whatever
 * matches nothing is `unmatched`, so a scanner probing random URLs adds no label values.
 */
export function routePatterns(config: SanitizedConfig, apiPrefix = '/api') {
  const collections = new Map<string, Endpoint[]>(config.collections.map((c) => [c.slug, endpointsOf(c.endpoints)]))
  const globals = new Map<string, Endpoint[]>(config.globals.map((g) => [g.slug, endpointsOf(g.endpoints)]))
  const root = endpointsOf(config.endpoints)
  const own = new Map([
    ['/graphql', 'POST'],
    ['/graphql-playground', 'GET'],
  ])

  const api = (method: string, path: string): string => {
    if (own.get(path) === method) return `${apiPrefix}${path}`
    const segments = path.split('/').slice(1)
    if (segments[0] === 'globals' && segments[1] && globals.has(segments[1])) {
      const found = find(globals.get(segments[1])!, method, segments.slice(2))
      return found === undefined ? 'unmatched' : `${apiPrefix}/globals/${segments[1]}${found}`
    }
    if (segments[0] && collections.has(segments[0])) {
      const found = find(collections.get(segments[0])!, method, segments.slice(1))
      return found === undefined ? 'unmatched' : `${apiPrefix}/${segments[0]}${found}`
    }
    const found = find(root, method, segments)
    return found === undefined ? 'unmatched' : `${apiPrefix}${found}`
  }

  return (req: Request, res: Response): string => {
    const path = (req.originalUrl || req.url).split('?')[0]!.replace(/\/+$/, '') || '/'
    if (path === apiPrefix || path.startsWith(`${apiPrefix}/`)) {
      // Preflights answer on any path; label them by nothing but the method.
      if (req.method === 'OPTIONS') return `${apiPrefix}/*`
      return api(req.method.toLowerCase(), path.slice(apiPrefix.length) || '/')
    }
    if (path === '/admin' || path.startsWith('/admin/')) return '/admin/*'
    if (path.startsWith('/_next/') || path.startsWith('/__nextjs')) return '/_next/*'
    // express's own routes (/healthz, /readyz, /metrics, /): their declared path.
    const declared = req.route?.path
    if (typeof declared === 'string' && res.statusCode !== 404) return declared
    return 'unmatched'
  }
}

function endpointsOf(endpoints: unknown): Endpoint[] {
  if (!Array.isArray(endpoints)) return []
  return endpoints.map((e: Endpoint) => ({ path: e.path === '/' ? '' : e.path, method: e.method.toLowerCase() }))
}

/** `:param` matches one non-empty segment; anything else must be equal. Returns the pattern. */
function find(endpoints: Endpoint[], method: string, segments: string[]): string | undefined {
  for (const endpoint of endpoints) {
    if (endpoint.method !== method) continue
    const pattern = endpoint.path.split('/').slice(1)
    if (pattern.length !== segments.length) continue
    if (pattern.every((part, i) => (part.startsWith(':') ? segments[i] !== '' : part === segments[i]))) {
      return endpoint.path
    }
  }
  return undefined
}
