/**
 * The site's two forms and the cancel page, for browsers without JavaScript: a urlencoded POST
 * here is turned into the JSON body of the API's own endpoint (POST /api/webinars/:id/register,
 * POST /api/subscriptions, POST /api/webinar-registrations/cancel) and called in process, so the
 * checks, the same-answer rules and the emails are the endpoint's. The rate limits are the very
 * limiters the API routes use (src/server.ts): a sign-up counts once, whichever door it came in by.
 * The answer is a page, or the endpoint's JSON when the client asks for JSON.
 */
import express, { type Request, type Response } from 'express'
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { clientAddress } from '../http/clientAddress'
import { href, stringsFor } from './labels'
import { mapData, webinarData, type Lang } from './reads'
import type { ApiAnswer, PublicApi } from './publicApi'
import { Message } from './pages/common'
import { Subscribe } from './pages/Subscribe'
import { Webinar } from './pages/Webinars'
import { langOf, notFoundPage, type Page, sendPage } from './render'

type ApiErrors = { message?: string; errors?: { message: string; data?: { errors?: { path: string; message: string }[] } }[] }

const wantsJson = (req: Request) => req.accepts(['html', 'json']) === 'json'
/** The endpoint's field errors, in the page's language where its strings have them. */
const fieldErrors = (lang: Lang, body: unknown) =>
  ((body as ApiErrors | null)?.errors?.[0]?.data?.errors ?? []).map((e) => ({ path: e.path, message: stringsFor(lang).fieldProblems[e.path] ?? e.message }))
const firstMessage = (body: unknown) => (body as ApiErrors | null)?.errors?.[0]?.message ?? (body as ApiErrors | null)?.message ?? ''

/** One point from the client's address; false when the address has spent its points. */
async function withinLimit(limiter: RateLimiterAbstract | undefined, req: Request): Promise<boolean> {
  if (!limiter) return true
  try {
    await limiter.consume(clientAddress(req))
    return true
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return false
    throw rejection
  }
}

/** Form fields as the API's JSON: single values as strings, the listed ones as arrays. */
function formBody(req: Request, lists: string[] = []): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  const input = (req.body ?? {}) as Record<string, unknown>
  for (const [key, value] of Object.entries(input)) {
    if (lists.includes(key)) body[key] = Array.isArray(value) ? value : [value]
    else body[key] = Array.isArray(value) ? value[0] : value
  }
  return body
}

function answer(req: Request, res: Response, api: ApiAnswer, page: () => Page | Promise<Page>) {
  res.setHeader('Cache-Control', 'no-store')
  if (wantsJson(req)) {
    res.status(api.status).json(api.body)
    return
  }
  return Promise.resolve(page()).then((p) => sendPage(res, langOf(req), req.path, { status: api.status, ...p }))
}

export function formRoutes(api: PublicApi, limits: { registration?: RateLimiterAbstract; subscription?: RateLimiterAbstract }): express.Router {
  const router = express.Router()
  // Only on these routes, never in front of Payload's handlers (which read their own bodies).
  const form = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 100 })
  const run =
    (handler: (lang: Lang, req: Request, res: Response) => Promise<unknown>): express.RequestHandler =>
    (req, res, next) => {
      handler(langOf(req), req, res).catch(next)
    }

  router.post(
    '/subscribe',
    form,
    run(async (lang, req, res) => {
      const t = stringsFor(lang)
      const body = formBody(req, ['jurisdictions', 'categories'])
      // Over the limit: the accepted answer, and nothing done (as POST /api/subscriptions does).
      const result = (await withinLimit(limits.subscription, req)) ? await api.post('/subscriptions', body) : { status: 202, body: { message: t.answer.subscribed } }
      await answer(req, res, result, async () =>
        result.status === 202
          ? { title: t.answer.thanks, content: <Message title={t.answer.thanks} lines={[t.answer.subscribed]} back={{ href: href(lang, '/'), label: t.nav.home }} /> }
          : {
              title: t.answer.problem,
              content: (
                <>
                  <div role="alert" className="error">
                    <p>{t.answer.problem}</p>
                    <ul>
                      {fieldErrors(lang, result.body).map((e) => (
                        <li key={e.path}>{e.message}</li>
                      ))}
                    </ul>
                  </div>
                  <Subscribe lang={lang} choices={await mapData(api, lang)} />
                </>
              ),
            },
      )
    }),
  )

  router.get(
    '/webinars/cancel',
    run(async (lang, req, res) => {
      const t = stringsFor(lang)
      const token = typeof req.query.token === 'string' ? req.query.token : ''
      const result = await api.get<{ webinar?: { title: string; when: string }; message?: string }>('/webinar-registrations/cancel', { token })
      await answer(req, res, result, () => {
        const webinar = result.body?.webinar
        if (result.status !== 200) return { title: t.cancel.title, content: <Message title={t.cancel.title} lines={[firstMessage(result.body)]} /> }
        if (!webinar) return { title: t.cancel.done, content: <Message title={t.cancel.done} lines={[t.answer.cancelled]} /> }
        return {
          title: t.cancel.title,
          content: (
            <>
              <h1>{t.cancel.title}</h1>
              <p>
                <strong>{webinar.title}</strong>
                <br />
                {webinar.when}
              </p>
              <form method="post" action={href(lang, '/webinars/cancel')}>
                <input type="hidden" name="token" value={token} />
                <button type="submit">{t.cancel.confirm}</button>
              </form>
            </>
          ),
        }
      })
    }),
  )

  router.post(
    '/webinars/cancel',
    form,
    run(async (lang, req, res) => {
      const t = stringsFor(lang)
      const result = await api.post('/webinar-registrations/cancel', { token: formBody(req).token })
      await answer(req, res, result, () =>
        result.status === 200
          ? { title: t.cancel.done, content: <Message title={t.cancel.done} lines={[t.answer.cancelled]} /> }
          : { title: t.cancel.title, content: <Message title={t.cancel.title} lines={[firstMessage(result.body)]} /> },
      )
    }),
  )

  router.post(
    '/webinars/:id',
    form,
    run(async (lang, req, res) => {
      const t = stringsFor(lang)
      const id = String(req.params.id)
      if (!(await withinLimit(limits.registration, req))) {
        res.setHeader('Retry-After', '60')
        const limited = { status: 429, body: { errors: [{ message: 'Too many registrations from this address. Try again in a minute.' }] } }
        return answer(req, res, limited, () => ({ title: t.answer.tooMany, content: <Message title={t.answer.tooMany} lines={[t.answer.tooManyText]} /> }))
      }
      const body = formBody(req)
      // A checkbox sends its value when ticked and nothing otherwise; the API wants true.
      body.consent = body.consent === 'true' || body.consent === 'on'
      const result = await api.post(`/webinars/${encodeURIComponent(id)}/register`, body)
      await answer(req, res, result, async () => {
        if (result.status === 202) return { title: t.answer.thanks, content: <Message title={t.answer.thanks} lines={[t.answer.registered]} back={{ href: href(lang, '/webinars'), label: t.webinars.title }} /> }
        if (result.status === 404) return notFoundPage(lang, t.webinars.notFound)
        const webinar = await webinarData(api, lang, id)
        if (result.status === 400 && webinar) {
          return { title: t.answer.problem, content: <Webinar lang={lang} webinar={webinar} states={await mapData(api, lang)} errors={fieldErrors(lang, result.body)} /> }
        }
        return { title: t.answer.problem, content: <Message title={t.answer.problem} lines={[firstMessage(result.body)]} /> }
      })
    }),
  )
  return router
}
