/**
 * The public site at / (English) and /es/ (Spanish): server-rendered pages of the published
 * toolkit, read through the public API (./publicApi.ts). Pages are cached like anonymous API
 * reads (the public cache under the content version: a publish shows on the next request) and
 * are the same for everyone: no cookie is read or set. The two forms (webinar sign-up, alerts)
 * post here as plain HTML forms and go through the API's own endpoints and rate limits.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import express, { type Request } from 'express'
import type { Payload } from 'payload'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'
import type { PublicContentVersion } from '../cache/publicContentVersion'
import type { PublicResponseCache } from '../cache/publicResponses'
import { cachedPublicRead, etagOf, publicRead } from '../http/httpCaching'
import { siteContentSecurityPolicy } from '../http/contentSecurityPolicy'
import { projectRoot } from '../settings/paths'
import { stringsFor } from './labels'
import { compareData, homeData, jurisdictionData, type Lang, mapData, resourceData, searchData, upcomingWebinars, webinarData } from './reads'
import { publicApi } from './publicApi'
import { renderPage } from './render'
import { Compare } from './pages/Compare'
import { Home } from './pages/Home'
import { Jurisdiction } from './pages/Jurisdiction'
import { Resource } from './pages/Resource'
import { Search } from './pages/Search'
import { Subscribe } from './pages/Subscribe'
import { Webinar, Webinars } from './pages/Webinars'
import { formRoutes } from './forms'
import { langOf, notFoundPage, type Page } from './render'

type PageHandler = (lang: Lang, req: Request) => Promise<Page>

const SITE_ROUTES = ['/', '/site.css', '/jurisdictions/:code', '/resources/:slug', '/search', '/webinars', '/webinars/:id', '/subscribe', '/compare']

const CSS = readFileSync(path.join(projectRoot, 'src/site/site.css'))
const CSS_ETAG = etagOf(CSS)

export type SiteOptions = {
  cache: PublicResponseCache
  contentVersion: PublicContentVersion
  limits: { registration: RateLimiterAbstract | undefined; subscription: RateLimiterAbstract | undefined }
}

export function siteRouter(payload: Payload, { cache, contentVersion, limits }: SiteOptions): express.Router {
  const api = publicApi(payload)
  const states = (lang: Lang) => mapData(api, lang)

  const inFlight = new Map<string, Promise<{ status: number; body: Buffer }>>()

  /**
   * GET pages: from the public cache while the content version holds; only 200s are stored.
   * `fresh: 'always'` renders every time: a webinar's seats move with registrations, which do not
   * move the content version. `'hourly'` lets a page that lists upcoming webinars drop one that
   * has ended within the hour. Without a content version (the check failed) nothing is cached.
   */
  const page =
    (handler: PageHandler, { fresh = 'content' }: { fresh?: 'content' | 'hourly' | 'always' } = {}): express.RequestHandler =>
    async (req, res, next) => {
      try {
        const lang = langOf(req)
        const hour = fresh === 'hourly' ? `@${Math.floor(Date.now() / 3_600_000)}` : ''
        const key = `site:${req.originalUrl}${hour}`
        const version = fresh === 'always' ? undefined : await contentVersion.current()
        const hit = version === undefined ? undefined : cache.get(key, version)
        if (hit?.etag) {
          const answer = cachedPublicRead({ get: (n) => req.get(n) }, hit.headers, hit.etag, [])
          answer.headers.delete('access-control-allow-origin')
          for (const [name, value] of answer.headers) res.setHeader(name, value)
          res.status(answer.status).end(answer.status === 304 || req.method === 'HEAD' ? undefined : hit.body)
          return
        }
        // Concurrent misses of one page under one content version share one render.
        const flight = `${key}\n${version}`
        let rendering = inFlight.get(flight)
        if (!rendering) {
          rendering = handler(lang, req).then((result) => ({ status: result.status ?? 200, body: Buffer.from(renderPage(lang, result.title, req.path, result.content)) }))
          inFlight.set(flight, rendering)
          void rendering.finally(() => inFlight.delete(flight)).catch(() => undefined)
        }
        const { status, body } = await rendering
        if (status !== 200) {
          res.status(status).setHeader('Cache-Control', 'no-store')
          res.type('html').send(body)
          return
        }
        const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8' })
        const etag = etagOf(body)
        if (version !== undefined) cache.set(key, version, { status: 200, headers: [...headers.entries()], body, etag })
        const answer = publicRead({ get: (n) => req.get(n) }, headers, etag)
        for (const [name, value] of headers) res.setHeader(name, value)
        res.status(answer).end(answer === 304 || req.method === 'HEAD' ? undefined : body)
      } catch (error) {
        next(error)
      }
    }

  const router = express.Router()
  // The site's own policy on its routes only; everything else keeps the API's (or the admin's).
  router.all(SITE_ROUTES, siteContentSecurityPolicy)
  router.get('/site.css', (req, res) => {
    const headers = new Headers({ 'Content-Type': 'text/css; charset=utf-8' })
    const status = publicRead({ get: (n) => req.get(n) }, headers, CSS_ETAG)
    headers.set('Cache-Control', 'public, max-age=3600')
    for (const [name, value] of headers) res.setHeader(name, value)
    res.status(status).end(status === 304 ? undefined : CSS)
  })

  router.get(
    '/',
    page(async (lang) => {
      const data = await homeData(api, lang)
      return { title: stringsFor(lang).nav.home, content: <Home lang={lang} data={data} /> }
    }, { fresh: 'hourly' }),
  )

  router.get(
    '/jurisdictions/:code',
    page(async (lang, req) => {
      const code = String(req.params.code).toUpperCase()
      const [data, choices] = await Promise.all([jurisdictionData(api, lang, code), states(lang)])
      if (!data) return notFoundPage(lang, stringsFor(lang).jurisdiction.notFound)
      return { title: data.toolkit.jurisdiction.name, content: <Jurisdiction lang={lang} toolkit={data.toolkit} places={data.places} choices={choices} /> }
    }),
  )

  router.get(
    '/resources/:slug',
    page(async (lang, req) => {
      const resource = await resourceData(api, lang, String(req.params.slug))
      if (!resource) return notFoundPage(lang, stringsFor(lang).resource.notFound)
      return { title: resource.title ?? '', content: <Resource lang={lang} resource={resource} /> }
    }),
  )

  router.get(
    '/search',
    page(async (lang, req) => {
      const t = stringsFor(lang)
      const q = typeof req.query.q === 'string' ? req.query.q : ''
      const jurisdiction = typeof req.query.jurisdiction === 'string' ? req.query.jurisdiction : undefined
      const pageNumber = typeof req.query.page === 'string' && /^\d{1,3}$/.test(req.query.page) ? Number(req.query.page) : 1
      if (!q.trim()) return { title: t.search.title, content: <Search lang={lang} q="" jurisdiction={jurisdiction} /> }
      const { status, body } = await searchData(api, lang, q, pageNumber, jurisdiction)
      if (status !== 200 || !body) {
        return { status: 400, title: t.search.title, content: <Search lang={lang} q={q} jurisdiction={jurisdiction} error={body?.errors?.[0]?.message ?? t.search.none} /> }
      }
      return { title: `${t.search.title}: ${q}`, content: <Search lang={lang} q={q} jurisdiction={jurisdiction} result={body} /> }
    }),
  )

  router.get(
    '/webinars',
    page(async (lang) => ({ title: stringsFor(lang).webinars.title, content: <Webinars lang={lang} webinars={await upcomingWebinars(api, lang, 50)} /> }), { fresh: 'hourly' }),
  )

  router.get(
    '/subscribe',
    page(async (lang) => ({ title: stringsFor(lang).subscribe.title, content: <Subscribe lang={lang} choices={await states(lang)} /> })),
  )

  router.get(
    '/compare',
    page(async (lang, req) => {
      const t = stringsFor(lang)
      const raw = req.query.j
      const selected = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string').slice(0, 20)
      const choices = await states(lang)
      if (!selected.length) return { title: t.compare.title, content: <Compare lang={lang} states={choices} selected={[]} /> }
      const { status, body } = await compareData(api, lang, selected)
      if (status !== 200 || !body) {
        return { status: 400, title: t.compare.title, content: <Compare lang={lang} states={choices} selected={selected} error={body?.errors?.[0]?.message ?? t.search.none} /> }
      }
      return { title: t.compare.title, content: <Compare lang={lang} states={choices} selected={selected} matrix={body} /> }
    }),
  )

  // The cancel page and the forms' answers are per person: never cached (formRoutes).
  router.use(formRoutes(api, limits))

  router.get(
    '/webinars/:id',
    page(async (lang, req) => {
      const [webinar, choices] = await Promise.all([webinarData(api, lang, String(req.params.id)), states(lang)])
      if (!webinar) return notFoundPage(lang, stringsFor(lang).webinars.notFound)
      return { title: webinar.title, content: <Webinar lang={lang} webinar={webinar} states={choices} /> }
    }, { fresh: 'always' }),
  )
  return router
}
