import crypto from 'node:crypto'

type Id = string | number

/**
 * The link that confirms a new address: the account, the new address, the address it replaces
 * (as a hash, so the link dies once the change, or another one, has happened) and when it
 * expires, signed with HMAC-SHA256 under the server secret.
 */
export type EmailChangeClaims = { account: Id; email: string; replaces: string; expires: number }
export type EmailChangeCheck = { ok: true; claims: EmailChangeClaims } | { ok: false; status: 400 | 410; message: string }

export const EMAIL_CHANGE_LINK_HOURS = 24
const PURPOSE = 'email-change.v1'
const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url')
const sign = (secret: string, body: string) => crypto.createHmac('sha256', secret).update(`${PURPOSE}.${body}`).digest()

/** A short hash of the current address: enough to tell it changed, without carrying it in the link. */
export const addressHash = (secret: string, email: string) =>
  crypto.createHmac('sha256', secret).update(`address.${email.toLowerCase()}`).digest('base64url').slice(0, 22)

export function signEmailChange(secret: string, claims: EmailChangeClaims): string {
  const body = b64(JSON.stringify({ a: claims.account, e: claims.email, r: claims.replaces, x: claims.expires }))
  return `${body}.${b64(sign(secret, body))}`
}

export function verifyEmailChange(secret: string, token: unknown, now = Date.now()): EmailChangeCheck {
  const invalid = { ok: false, status: 400, message: 'The confirmation link is invalid. Use the link from your email.' } as const
  if (typeof token !== 'string' || token.length > 1024) return invalid
  const [body, signature] = token.split('.')
  if (!body || !signature) return invalid
  const expected = sign(secret, body)
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return invalid
  let parsed: { a?: unknown; e?: unknown; r?: unknown; x?: unknown }
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return invalid
  }
  const { a, e, r, x } = parsed
  if ((typeof a !== 'string' && typeof a !== 'number') || typeof e !== 'string' || typeof r !== 'string' || typeof x !== 'number') return invalid
  if (now > x) return { ok: false, status: 410, message: 'The confirmation link has expired. Change the address again to get a new one.' }
  return { ok: true, claims: { account: a, email: e, replaces: r, expires: x } }
}
