/**
 * Caching and CORS rules for API responses, applied in one place to REST, GraphQL and custom
 * endpoints alike:
 * - an anonymous read (Payload's auth found no user: src/http/bridge.ts, requestAuth) is public: ETag, 304 on
 *   If-None-Match, `Cache-Control: public, max-age=60, stale-while-revalidate=600`, readable
 *   from any origin without credentials, and never sets a cookie;
 * - anything authenticated is `private, no-store`;
 * - a handler that chose its own Cache-Control (e.g. registration data: no-store) keeps it.
 */
import crypto from 'node:crypto'

export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600'
export const PRIVATE_CACHE_CONTROL = 'private, no-store'

/** Bodies up to this size get an ETag; larger ones (file downloads) are streamed untouched. */
const ETAG_MAX_BYTES = 2 * 1024 * 1024

type HeaderSource = { get: (name: string) => string | null | undefined }

/** The weak ETag of a body (the public cache stores it, so a hit does not hash again). */
export const etagOf = (body: Uint8Array) => `W/"${crypto.createHash('sha1').update(body).digest('base64url')}"`

/** `anonymous`: Payload's auth found no user for this request (never guessed from its headers). */
export async function applyHttpCaching(request: Request, response: Response, corsOrigins: string[], anonymous: boolean, knownEtag?: string): Promise<Response> {
  const headers = new Headers(response.headers)
  const read = request.method === 'GET' || request.method === 'HEAD'

  if (!anonymous) {
    headers.set('Cache-Control', PRIVATE_CACHE_CONTROL)
    return rebuild(response, headers)
  }
  if (!read) return rebuild(response, headers)
  headers.delete('set-cookie')
  openToAnyOrigin(request.headers, headers, corsOrigins)
  if (headers.has('cache-control')) return rebuild(response, headers)
  if (response.status !== 200) {
    headers.set('Cache-Control', 'no-store')
    return rebuild(response, headers)
  }

  const length = Number(headers.get('content-length') ?? NaN)
  if (!response.body || length > ETAG_MAX_BYTES) {
    headers.set('Cache-Control', PUBLIC_CACHE_CONTROL)
    headers.append('Vary', 'Origin')
    return rebuild(response, headers)
  }
  const body = new Uint8Array(await response.arrayBuffer())
  const status = publicRead(request.headers, headers, knownEtag ?? etagOf(body))
  return new Response(status === 304 || request.method === 'HEAD' ? null : body, { status, headers })
}

/**
 * The caching headers of a public 200 read (set on `headers`, which already has its CORS
 * headers): 304 when the client holds this ETag. The public cache's hits come here directly.
 */
export function publicRead(requestHeaders: HeaderSource, headers: Headers, etag: string): 200 | 304 {
  headers.set('Cache-Control', PUBLIC_CACHE_CONTROL)
  headers.append('Vary', 'Origin')
  headers.set('ETag', etag)
  if (!matchesEtag(requestHeaders.get('if-none-match') ?? null, etag)) return 200
  headers.delete('content-length')
  headers.delete('content-type')
  return 304
}

/** A stored public 200 answer, with the caching and CORS headers this request gets. */
export function cachedPublicRead(requestHeaders: HeaderSource, stored: [string, string][], etag: string, corsOrigins: string[]): { status: 200 | 304; headers: Headers } {
  const headers = new Headers(stored)
  headers.delete('set-cookie')
  openToAnyOrigin(requestHeaders, headers, corsOrigins)
  return { status: publicRead(requestHeaders, headers, etag), headers }
}

/**
 * Public reads may be embedded anywhere; credentialed CORS stays limited to CORS_ORIGINS. Decided
 * here for each request, never taken from the response: a cached response may have been made for
 * another origin.
 */
function openToAnyOrigin(requestHeaders: HeaderSource, headers: Headers, corsOrigins: string[]): void {
  const origin = requestHeaders.get('origin')
  if (origin && corsOrigins.includes(origin)) {
    headers.set('Access-Control-Allow-Origin', origin)
    headers.set('Access-Control-Allow-Credentials', 'true')
    return
  }
  headers.set('Access-Control-Allow-Origin', '*')
  headers.delete('Access-Control-Allow-Credentials')
}

function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false
  const weak = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || weak(tag) === weak(etag))
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304])

function rebuild(response: Response, headers: Headers): Response {
  const body = NULL_BODY_STATUSES.has(response.status) ? null : response.body
  return new Response(body, { status: response.status, statusText: response.statusText, headers })
}
