import type { Endpoint, PayloadRequest } from 'payload'
import { verifyCancelToken } from '../../../src/webinars/cancelToken'
import { formatWhen } from '../../../src/webinars/emails'
import { BodyError, errorResponse, json, NO_STORE, readBody } from '../../../src/webinars/http'
import { promoteWaitlisted, type Webinar } from '../../../src/webinars/registrations'

type Registration = { id: string | number; createdAt: string; webinar: string | number }
const CANCELLED = { message: 'Your registration is cancelled and your details are deleted.' }

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const wantsHtml = (req: PayloadRequest) => /text\/html/.test(req.headers.get('accept') ?? '')

/** The registration a valid token names, if it still exists (a reused id never matches: createdAt must too). */
async function lookUp(req: PayloadRequest, token: unknown) {
  const check = verifyCancelToken(req.payload.secret, token)
  if (!check.ok) return { error: errorResponse(check.status, check.message) }
  const { docs } = await req.payload.find({
    collection: 'webinar-registrations',
    where: { id: { equals: check.claims.registration } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
    context: { skipAudit: true },
  })
  const doc = docs[0] as unknown as Registration | undefined
  const registration = doc && new Date(doc.createdAt).getTime() === check.claims.created ? doc : undefined
  return { registration }
}

const page = (title: string, content: string) =>
  new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body><main>${content}</main></body></html>`,
    { status: 200, headers: { ...NO_STORE, 'Content-Type': 'text/html; charset=utf-8' } },
  )

/** `GET …/cancel?token=…`: shows what would be cancelled and how; it deletes nothing (mail scanners follow links). */
const showCancel: Endpoint = {
  path: '/cancel',
  method: 'get',
  handler: async (req) => {
    const token = new URL(req.url ?? '', 'http://x').searchParams.get('token')
    const { error, registration } = await lookUp(req, token)
    if (error) return error
    if (!registration) return wantsHtml(req) ? page('Cancelled', `<p>${escapeHtml(CANCELLED.message)}</p>`) : json(CANCELLED)
    const webinar = (await req.payload.findByID({
      collection: 'webinars',
      id: registration.webinar,
      depth: 0,
      overrideAccess: true,
      req,
    })) as unknown as Webinar
    const summary = { title: webinar.title, when: formatWhen(webinar) }
    if (!wantsHtml(req)) {
      return json({ webinar: summary, message: 'POST this token to this address to cancel and delete your details.', token })
    }
    return page(
      'Cancel your registration',
      `<h1>Cancel your registration?</h1><p>${escapeHtml(summary.title)}<br>${escapeHtml(summary.when)}</p>` +
        `<form method="post" action="cancel"><input type="hidden" name="token" value="${escapeHtml(String(token))}">` +
        `<button type="submit">Cancel and delete my details</button></form>`,
    )
  },
}

/** `POST …/cancel` with `{ token }`: deletes the person's registration and gives the seat to the first on the waitlist. */
const cancel: Endpoint = {
  path: '/cancel',
  method: 'post',
  handler: async (req) => {
    let body: unknown
    try {
      body = await readBody(req)
    } catch (error) {
      if (error instanceof BodyError) return errorResponse(400, error.message)
      throw error
    }
    const { error, registration } = await lookUp(req, (body as { token?: unknown } | null)?.token)
    if (error) return error
    // Already cancelled: the same answer, so a second click is harmless.
    if (registration) {
      await req.payload.delete({
        collection: 'webinar-registrations',
        id: registration.id,
        overrideAccess: true,
        depth: 0,
        req,
        context: { skipAudit: true },
      })
      const webinar = (await req.payload.findByID({
        collection: 'webinars',
        id: registration.webinar,
        depth: 0,
        overrideAccess: true,
        req,
      })) as unknown as Webinar
      await promoteWaitlisted(req.payload, webinar)
    }
    return wantsHtml(req) ? page('Cancelled', `<p>${escapeHtml(CANCELLED.message)}</p>`) : json(CANCELLED)
  },
}

export const cancelEndpoints = [showCancel, cancel]
