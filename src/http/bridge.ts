/**
 * The one place that turns an express request into a WHATWG Request for Payload's handlers,
 * and a WHATWG Response back into an express response.
 */
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Request as ExpressRequest, Response as ExpressResponse, RequestHandler } from 'express'
import type { AuthStrategyResult, Payload } from 'payload'
import { HttpError } from './errors'
import { authenticate, handToPayload } from './requestAuth'

export type BodyLimits = {
  /** JSON and every other non-multipart body: read whole, refused past this size. */
  jsonBytes: number
  /** Multipart uploads: streamed, cut off past this size. */
  multipartBytes: number
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'http2-settings'])

function webHeaders(req: ExpressRequest): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v)
  }
  return headers
}

const authResults = new WeakMap<ExpressRequest, Promise<AuthStrategyResult>>()

/**
 * Payload's answer to "who sent this request?" (its auth strategies, run once per request):
 * the cache and the caching headers ask here, and toWebRequest hands the same answer to
 * Payload's handler. `user: null` is the only meaning of anonymous.
 */
export function requestAuth(payload: Payload, req: ExpressRequest): Promise<AuthStrategyResult> {
  let result = authResults.get(req)
  if (!result) {
    const { api, graphQL } = payload.config.routes
    result = authenticate(payload, webHeaders(req), req.originalUrl.split('?')[0] === `${api}${graphQL}`)
    authResults.set(req, result)
  }
  return result
}

export async function toWebRequest(req: ExpressRequest, res: ExpressResponse, limits: BodyLimits): Promise<Request> {
  const headers = webHeaders(req)
  const controller = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) controller.abort()
  })
  const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`
  // HEAD is the GET without its body (node's response drops the body of a HEAD): Payload has no HEAD routes.
  const init: RequestInit & { duplex?: 'half' } = { method: req.method === 'HEAD' ? 'GET' : req.method, headers, signal: controller.signal }

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const declared = Number(req.headers['content-length'] ?? NaN)
    const multipart = /^multipart\//i.test(req.headers['content-type'] ?? '')
    const limit = multipart ? limits.multipartBytes : limits.jsonBytes
    if (declared > limit) throw tooLarge(limit)
    if (multipart) {
      init.body = Readable.toWeb(req.pipe(byteLimit(limit))) as ReadableStream
      init.duplex = 'half'
    } else {
      const body = await readWhole(req, limit)
      if (body.length > 0) init.body = new Uint8Array(body)
    }
  }
  const request = new Request(url, init)
  const auth = authResults.get(req)
  if (auth) handToPayload(request, await auth)
  // A JSON body of a read sent as a POST: Payload attaches it to the request as it does itself.
  if (overrideData.has(req)) Object.assign(request, { data: overrideData.get(req) })
  return request
}

const overrideData = new WeakMap<ExpressRequest, unknown>()

/** Payload's own test (handleEndpoints): this POST is a GET in disguise. */
const isReadSentAsPost = (req: ExpressRequest) =>
  req.method === 'POST' && (req.headers['x-payload-http-method-override'] === 'GET' || req.headers['x-http-method-override'] === 'GET')

/**
 * Payload answers a POST carrying `X-Payload-HTTP-Method-Override: GET` (or
 * `X-HTTP-Method-Override: GET`) as the GET it stands for: the admin panel sends long queries that
 * way, the query string as a form body. Here it becomes that GET before anything else looks at
 * it, so every rule about reads (the query checks, the public cache, rate limits that count
 * writes) sees one kind of read, whichever way it was sent. Payload's GraphQL route ignores the
 * header, and so does this.
 */
export function readsSentAsPost(limits: BodyLimits, apiRoute: string, graphqlPath: string): RequestHandler {
  return async (req, _res, next) => {
    const [path = '', query] = splitUrl(req.originalUrl)
    if (!isReadSentAsPost(req) || !path.startsWith(`${apiRoute}/`) || path === graphqlPath) return next()
    const params = new URLSearchParams(query)
    const type = req.headers['content-type']
    const body = (await readWhole(req, limits.jsonBytes)).toString('utf8')
    if (type === 'application/x-www-form-urlencoded') {
      for (const [name, value] of new URLSearchParams(body)) params.append(name, value)
    } else if (type === 'application/json' && body.trim()) {
      let data: unknown
      try {
        data = JSON.parse(body)
      } catch {
        throw new HttpError(400, 'The request body is not valid JSON.')
      }
      overrideData.set(req, data)
      // Payload takes the locale of a JSON read from its body.
      for (const name of ['locale', 'fallbackLocale']) {
        const value = (data as Record<string, unknown> | null)?.[name]
        if (typeof value === 'string') params.set(name, value)
      }
    }
    const search = params.toString()
    req.method = 'GET'
    req.url = req.originalUrl = search ? `${path}?${search}` : path
    next()
  }
}

function splitUrl(url: string): [string, string] {
  const at = url.indexOf('?')
  return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at + 1)]
}

export async function sendWebResponse(res: ExpressResponse, response: Response): Promise<void> {
  // Already answered: the request's transaction was rolled back under it (src/http/transactionScope.ts).
  if (res.headersSent) return
  setStatusAndHeaders(res, response.status, response.headers)
  if (!response.body) {
    res.end()
    return
  }
  // API answers (JSON, XML, text) are small: one write is much cheaper than a web-stream pipeline.
  // Files and anything else are streamed.
  if (/json|xml|^text\//i.test(response.headers.get('content-type') ?? '')) {
    res.end(Buffer.from(await response.arrayBuffer()))
    return
  }
  try {
    await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), res)
  } catch (error) {
    // A client that hangs up mid-response is not a server error.
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error
  }
}

/** Status and headers of a web Response (or a stored one) onto the express response. */
export function setStatusAndHeaders(res: ExpressResponse, status: number, headers: Headers): void {
  res.status(status)
  headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'content-encoding' && !HOP_BY_HOP.has(name)) res.setHeader(name, value)
  })
  const cookies = headers.getSetCookie()
  if (cookies.length) res.setHeader('set-cookie', cookies)
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, `Request body is larger than the limit of ${formatBytes(limit)}.`)
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`
}

async function readWhole(req: ExpressRequest, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) {
      req.resume() // drain the rest so the 413 can be written
      throw tooLarge(limit)
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

function byteLimit(limit: number): Transform {
  let size = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length
      callback(size > limit ? tooLarge(limit) : null, chunk)
    },
  })
}
