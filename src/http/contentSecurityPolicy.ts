import crypto from 'node:crypto'
import type { RequestHandler } from 'express'
import helmet from 'helmet'

type Directives = Record<string, Iterable<string | ((req: unknown, res: unknown) => string)>>
const policy = (directives: Directives) => helmet.contentSecurityPolicy({ useDefaults: false, directives })

/**
 * Everything that is not a page of the admin panel (the API's JSON, files, health and metrics,
 * errors): nothing in it may load anything, run anything or be framed.
 */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'"
export const apiContentSecurityPolicy: RequestHandler = policy({ defaultSrc: ["'none'"], frameAncestors: ["'none'"] })

/**
 * The admin panel's pages (Next.js). Scripts: our own origin and this response's nonce, which
 * Next puts on its inline scripts (it reads it from the request's `Content-Security-Policy`
 * header, set here and never taken from the client). Styles: React's `style` attributes and the
 * select menus' injected styles need 'unsafe-inline' (a nonce would disable it). Images, fonts and
 * connections: our own origin only, so no third party (Gravatar, a CDN) learns who uses the panel.
 * `dev`: Next's dev server evaluates modules and talks to its HMR websocket.
 */
export function adminContentSecurityPolicy({ dev }: { dev: boolean }): RequestHandler {
  const header = policy({
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as { locals: { cspNonce: string } }).locals.cspNonce}'`, ...(dev ? ["'unsafe-eval'"] : [])],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", ...(dev ? ['ws:', 'wss:'] : [])],
    mediaSrc: ["'self'", 'blob:'],
    workerSrc: ["'self'", 'blob:'],
    frameSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  })
  return (req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
    header(req, res, (error?: unknown) => {
      // What Next reads the nonce from: ours, whatever the client sent.
      req.headers['content-security-policy'] = String(res.getHeader('Content-Security-Policy'))
      delete req.headers['content-security-policy-report-only']
      next(error)
    })
  }
}

/**
 * The public site's pages (src/site/): no script at all, one stylesheet and images from our own
 * origin, forms that post only to us, nothing framed and no frame around them. Readers' browsers
 * make no request to any other host.
 */
export const SITE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
export const siteContentSecurityPolicy: RequestHandler = policy({
  defaultSrc: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
})

/**
 * GraphQL Playground (outside production only): a page of inline scripts and styles loaded from
 * jsDelivr and Google Fonts, a developer's tool the admin panel's editors never open.
 */
export const playgroundContentSecurityPolicy: RequestHandler = policy({
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'unsafe-inline'", 'https://cdn.jsdelivr.net'],
  styleSrc: ["'self'", "'unsafe-inline'", 'https://cdn.jsdelivr.net', 'https://fonts.googleapis.com'],
  fontSrc: ["'self'", 'https://fonts.gstatic.com'],
  imgSrc: ["'self'", 'data:', 'https://cdn.jsdelivr.net'],
  frameAncestors: ["'none'"],
})
