import type { ErrorRequestHandler, RequestHandler } from 'express'

/** An error whose status and message are safe to show the client. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** Payload's own error shape, so clients parse one format everywhere. */
export function errorBody(message: string) {
  return { errors: [{ message }] }
}

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json(errorBody(`Route not found: ${req.method} ${req.path}`))
}

/**
 * A path that is not valid percent-encoding (`/api/resources/%C3%28`) names nothing: 400 here,
 * where Payload's router would throw a URIError (a 500) decoding it.
 */
export const malformedPath: RequestHandler = (req, res, next) => {
  try {
    decodeURIComponent(req.path)
  } catch {
    res.status(400).json(errorBody('The URL path is not valid percent-encoding (UTF-8).'))
    return
  }
  next()
}

/**
 * Methods a WHATWG Request cannot carry (the Fetch standard forbids them): Payload's handlers take
 * such a Request, so TRACE reached `new Request` and threw (a 500). No route answers them.
 */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK'])

export const unsupportedMethod: RequestHandler = (req, res, next) => {
  if (!FORBIDDEN_METHODS.has(req.method.toUpperCase())) return next()
  res.status(405).set('Allow', 'GET, HEAD, POST, PATCH, DELETE, OPTIONS').json(errorBody(`The ${req.method} method is not allowed.`))
}

type ParserError = Error & { status?: number; type?: string; expose?: boolean }

/** Last resort: every error leaves as JSON; details of unexpected ones stay in the log. */
export function errorHandler(log: (error: unknown) => void): ErrorRequestHandler {
  return (error: ParserError, _req, res, next) => {
    if (res.headersSent) return next(error)
    if (error instanceof HttpError) {
      res.status(error.status).json(errorBody(error.message))
      return
    }
    if (error.expose && error.status && error.status < 500) {
      res.status(error.status).json(errorBody(error.message))
      return
    }
    log(error)
    res.status(500).json(errorBody('Something went wrong.'))
  }
}
