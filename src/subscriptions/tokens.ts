import crypto from 'node:crypto'

type Id = string | number

/**
 * Links in subscription emails: which subscription, when it was created (a reused id never
 * matches a later person), what the link is for, signed with HMAC-SHA256 under the server
 * secret. Confirm links expire with the unconfirmed subscription (7 days); unsubscribe and
 * manage links last as long as the subscription.
 */
export type Purpose = 'confirm' | 'unsubscribe' | 'manage'
export type LinkClaims = { subscription: Id; created: number; purpose: Purpose; expires?: number }
export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; status: 400 | 410; message: string }

const VERSION = 's1'
const sign = (secret: string, body: string) => crypto.createHmac('sha256', secret).update(`${VERSION}.${body}`).digest()

export function signLink(secret: string, claims: LinkClaims): string {
  const body = Buffer.from(JSON.stringify({ s: claims.subscription, c: claims.created, p: claims.purpose, x: claims.expires })).toString('base64url')
  return `${VERSION}.${body}.${sign(secret, body).toString('base64url')}`
}

export function verifyLink(secret: string, token: unknown, purpose: Purpose, now = Date.now()): LinkCheck {
  const invalid = { ok: false, status: 400, message: 'The link is invalid. Use the link from your email.' } as const
  if (typeof token !== 'string' || token.length > 512) return invalid
  const [version, body, signature] = token.split('.')
  if (version !== VERSION || !body || !signature) return invalid
  const expected = sign(secret, body)
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return invalid
  let parsed: { s?: unknown; c?: unknown; p?: unknown; x?: unknown }
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return invalid
  }
  const { s, c, p, x } = parsed
  if ((typeof s !== 'string' && typeof s !== 'number') || typeof c !== 'number' || p !== purpose) return invalid
  if (typeof x === 'number' && now > x) return { ok: false, status: 410, message: 'The link has expired. Subscribe again to get a new one.' }
  return { ok: true, claims: { subscription: s, created: c, purpose, expires: typeof x === 'number' ? x : undefined } }
}

/** One subscription per address: compared lower-cased and trimmed, kept as a hash (no address in index names or errors). */
export const subscriptionKey = (email: string): string => crypto.createHash('sha256').update(email.trim().toLowerCase()).digest('hex')
