import type { Endpoint, PayloadRequest } from 'payload'
import { BodyError, errorResponse, json, NO_STORE, readBody } from '../../../src/webinars/http'
import { addressHash, verifyEmailChange } from '../emailChange/token'
import { EMAIL_CHANGE_CONFIRMED } from '../hooks/deferEmailChange'

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
const wantsHtml = (req: PayloadRequest) => /text\/html/.test(req.headers.get('accept') ?? '')
const page = (title: string, content: string) =>
  new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body><main>${content}</main></body></html>`,
    { status: 200, headers: { ...NO_STORE, 'Content-Type': 'text/html; charset=utf-8' } },
  )

/** The account a valid, current link names: the address it replaces is still the account's, and the change still pending. */
async function lookUp(req: PayloadRequest, token: unknown) {
  const check = verifyEmailChange(req.payload.secret, token)
  if (!check.ok) return { error: errorResponse(check.status, check.message) }
  const { account, email, replaces } = check.claims
  const doc = (await req.payload.db.findOne({ collection: 'contributors', where: { id: { equals: account } }, req })) as {
    id: string | number
    email?: string
    pendingEmail?: string | null
  } | null
  if (!doc?.email || addressHash(req.payload.secret, doc.email) !== replaces || doc.pendingEmail !== email) {
    return { error: errorResponse(410, 'This confirmation link has been used or replaced by a newer one.') }
  }
  return { account: doc, email }
}

/** `GET /api/contributors/confirm-email?token=…`: says what would change; changes nothing (mail scanners follow links). */
const showConfirm: Endpoint = {
  path: '/confirm-email',
  method: 'get',
  handler: async (req) => {
    const token = new URL(req.url ?? '', 'http://x').searchParams.get('token')
    const { error, email } = await lookUp(req, token)
    if (error) return error
    if (!wantsHtml(req)) return json({ email, message: 'POST this token to this address to make it your account’s email address.', token })
    return page(
      'Confirm your new email address',
      `<h1>Use ${escapeHtml(email!)} for your account?</h1>` +
        `<form method="post" action="confirm-email"><input type="hidden" name="token" value="${escapeHtml(String(token))}">` +
        `<button type="submit">Confirm the new address</button></form>`,
    )
  },
}

/** `POST /api/contributors/confirm-email` with `{ token }`: the new address replaces the old one. */
const confirm: Endpoint = {
  path: '/confirm-email',
  method: 'post',
  handler: async (req) => {
    let body: unknown
    try {
      body = await readBody(req)
    } catch (error) {
      if (error instanceof BodyError) return errorResponse(400, error.message)
      throw error
    }
    const { error, account, email } = await lookUp(req, (body as { token?: unknown } | null)?.token)
    if (error) return error
    // Whoever follows the link owns the new address: telling them it has an account reveals nothing.
    const { totalDocs } = await req.payload.count({ collection: 'contributors', where: { email: { equals: email } }, overrideAccess: true, req })
    if (totalDocs > 0) return errorResponse(409, 'This address already has an account, so it cannot be used for a second one.')
    await req.payload.update({
      collection: 'contributors',
      id: account!.id,
      data: { email, pendingEmail: null } as never,
      depth: 0,
      overrideAccess: true,
      context: { [EMAIL_CHANGE_CONFIRMED]: true },
      req,
    })
    const message = 'Your account’s email address is changed. Sign in with the new address from now on.'
    return wantsHtml(req) ? page('Email address changed', `<p>${escapeHtml(message)}</p>`) : json({ message })
  },
}

export const confirmEmailEndpoints: Endpoint[] = [showConfirm, confirm]
