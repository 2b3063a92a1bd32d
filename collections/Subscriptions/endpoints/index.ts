import type { Endpoint, PayloadRequest } from 'payload'
import type { SubscriptionDoc } from '../../../src/subscriptions/alerts'
import { parseChoices, parseEmail, subscribe, unknownFields } from '../../../src/subscriptions/subscribe'
import { type Purpose, verifyLink } from '../../../src/subscriptions/tokens'
import { BodyError, errorResponse, json, NO_STORE, readBody } from '../../../src/webinars/http'

/**
 * The one answer to every well-formed subscribe request: a new address, one already subscribed
 * (confirmed or not) and one refused by the rate limit (src/server.ts) read the same. The email
 * tells the owner of the address what happened.
 */
export const SUBSCRIBE_ACCEPTED = {
  message: 'Thank you. If this address can receive alerts, we have sent it an email: follow its link to confirm.',
}
const UNSUBSCRIBED = { message: 'You are unsubscribed and your address is deleted.' }

async function body(req: PayloadRequest): Promise<{ body?: Record<string, unknown>; error?: Response }> {
  try {
    const parsed = await readBody(req)
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { error: errorResponse(400, 'Send a JSON object.') }
    return { body: parsed as Record<string, unknown> }
  } catch (error) {
    if (error instanceof BodyError) return { error: errorResponse(400, error.message) }
    throw error
  }
}

/** `POST /api/subscriptions`: the public sign-up for alerts (double opt-in). */
const subscribeEndpoint: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    const { body: input, error } = await body(req)
    if (error) return error
    const email = parseEmail(input!.email)
    const { choices, errors } = await parseChoices(req.payload, input!)
    if (!email) errors.unshift({ path: 'email', message: 'A valid email address.' })
    errors.push(...unknownFields(input!, ['email']))
    if (!email || !choices || errors.length) return errorResponse(400, `The following fields are invalid: ${errors.map((e) => e.path).join(', ')}`, errors)
    await subscribe(req.payload, email, choices)
    return json(SUBSCRIBE_ACCEPTED, 202)
  },
}

const tokenOf = (req: PayloadRequest, input?: Record<string, unknown>) =>
  new URL(req.url ?? '', 'http://x').searchParams.get('token') ?? (input?.token as unknown)

/** The subscription a valid link names, if it still exists (a reused id never matches: createdAt must too). */
async function lookUp(req: PayloadRequest, token: unknown, purpose: Purpose): Promise<{ error?: Response; subscription?: SubscriptionDoc }> {
  const check = verifyLink(req.payload.secret, token, purpose)
  if (!check.ok) return { error: errorResponse(check.status, check.message) }
  const { docs } = await req.payload.find({
    collection: 'subscriptions',
    where: { id: { equals: check.claims.subscription } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    context: { skipAudit: true },
    req,
  })
  const doc = docs[0] as unknown as SubscriptionDoc | undefined
  return { subscription: doc && new Date(doc.createdAt).getTime() === check.claims.created ? doc : undefined }
}

const wantsHtml = (req: PayloadRequest) => /text\/html/.test(req.headers.get('accept') ?? '')
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
const page = (title: string, content: string) =>
  new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body><main>${content}</main></body></html>`,
    { status: 200, headers: { ...NO_STORE, 'Content-Type': 'text/html; charset=utf-8' } },
  )
const answer = (req: PayloadRequest, message: string, extra: object = {}) => (wantsHtml(req) ? page('Toolkit alerts', `<p>${escapeHtml(message)}</p>`) : json({ message, ...extra }))
const button = (action: string, token: string, label: string) =>
  `<form method="post" action="${action}"><input type="hidden" name="token" value="${escapeHtml(token)}"><button type="submit">${escapeHtml(label)}</button></form>`

/** GET shows a button, POST acts: mail scanners follow links, and must neither confirm nor unsubscribe anyone. */
const confirmEndpoints: Endpoint[] = [
  {
    path: '/confirm',
    method: 'get',
    handler: async (req) => {
      const token = tokenOf(req)
      const { error, subscription } = await lookUp(req, token, 'confirm')
      if (error) return error
      if (!subscription) return errorResponse(410, 'This request has expired. Subscribe again to get a new link.')
      if (!wantsHtml(req)) return json({ message: 'POST this token to this address to confirm.', token })
      return page('Confirm your alerts', `<h1>Confirm your toolkit alerts?</h1>${button('confirm', String(token), 'Confirm')}`)
    },
  },
  {
    path: '/confirm',
    method: 'post',
    handler: async (req) => {
      const { body: input, error: bodyError } = await body(req)
      if (bodyError) return bodyError
      const { error, subscription } = await lookUp(req, tokenOf(req, input), 'confirm')
      if (error) return error
      if (!subscription) return errorResponse(410, 'This request has expired. Subscribe again to get a new link.')
      if (!subscription.confirmedAt) {
        const now = new Date().toISOString()
        await req.payload.update({ collection: 'subscriptions', id: subscription.id, data: { confirmedAt: now, alertedThrough: now } as never, overrideAccess: true, depth: 0, context: { skipAudit: true }, req })
      }
      return answer(req, 'Your alerts are confirmed.')
    },
  },
]

/**
 * GET shows a button; POST unsubscribes and deletes the subscription at once. The POST takes
 * the token from the query too: RFC 8058 mail clients POST `List-Unsubscribe=One-Click` to the
 * List-Unsubscribe link itself. A second click answers the same.
 */
const unsubscribeEndpoints: Endpoint[] = [
  {
    path: '/unsubscribe',
    method: 'get',
    handler: async (req) => {
      const token = tokenOf(req)
      const { error, subscription } = await lookUp(req, token, 'unsubscribe')
      if (error) return error
      if (!subscription) return answer(req, UNSUBSCRIBED.message)
      if (!wantsHtml(req)) return json({ message: 'POST this token to this address to unsubscribe and delete your address.', token })
      return page('Unsubscribe', `<h1>Stop your toolkit alerts?</h1>${button('unsubscribe', String(token), 'Unsubscribe and delete my address')}`)
    },
  },
  {
    path: '/unsubscribe',
    method: 'post',
    handler: async (req) => {
      // One-click clients may post any form encoding: with the token in the link, the body does not matter.
      const queryToken = new URL(req.url ?? '', 'http://x').searchParams.get('token')
      const { body: input, error: bodyError } = queryToken ? { body: undefined, error: undefined } : await body(req)
      if (bodyError) return bodyError
      const { error, subscription } = await lookUp(req, queryToken ?? input?.token, 'unsubscribe')
      if (error) return error
      if (subscription) await req.payload.delete({ collection: 'subscriptions', id: subscription.id, overrideAccess: true, depth: 0, context: { skipAudit: true }, req })
      return answer(req, UNSUBSCRIBED.message)
    },
  },
]

/** `GET /manage?token=` the current choices; `POST /manage` with the token and new choices changes them. */
const manageEndpoints: Endpoint[] = [
  {
    path: '/manage',
    method: 'get',
    handler: async (req) => {
      const { error, subscription } = await lookUp(req, tokenOf(req), 'manage')
      if (error) return error
      if (!subscription) return errorResponse(404, 'This subscription no longer exists.')
      const { docs } = await req.payload.find({ collection: 'jurisdictions', where: { id: { in: subscription.jurisdictions ?? [] } }, pagination: false, depth: 0, overrideAccess: true, select: { code: true }, req })
      const { frequency, language, categories } = subscription
      return json({ jurisdictions: docs.map((d) => (d as { code: string }).code), categories: categories ?? [], frequency, language })
    },
  },
  {
    path: '/manage',
    method: 'post',
    handler: async (req) => {
      const { body: input, error: bodyError } = await body(req)
      if (bodyError) return bodyError
      const { error, subscription } = await lookUp(req, tokenOf(req, input), 'manage')
      if (error) return error
      if (!subscription) return errorResponse(404, 'This subscription no longer exists.')
      const { choices, errors } = await parseChoices(req.payload, input!)
      errors.push(...unknownFields(input!, ['token']))
      if (!choices || errors.length) return errorResponse(400, `The following fields are invalid: ${errors.map((e) => e.path).join(', ')}`, errors)
      await req.payload.update({ collection: 'subscriptions', id: subscription.id, data: choices as never, overrideAccess: true, depth: 0, context: { skipAudit: true }, req })
      return json({ message: 'Your choices are saved.' })
    },
  },
]

export const subscriptionEndpoints: Endpoint[] = [subscribeEndpoint, ...confirmEndpoints, ...unsubscribeEndpoints, ...manageEndpoints]
