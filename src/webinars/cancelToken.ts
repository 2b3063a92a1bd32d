import crypto from 'node:crypto'

type Id = string | number

/**
 * The cancel link's token: the registration it names, when that row was created (so a reused
 * id never matches a later person), and when the link expires, signed with HMAC-SHA256 under
 * the server secret. No guessable id is ever looked up without a valid signature.
 */
export type CancelClaims = { registration: Id; created: number; expires: number }

export type TokenCheck = { ok: true; claims: CancelClaims } | { ok: false; status: 400 | 410; message: string }

const VERSION = 'v1'
const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url')
const sign = (secret: string, body: string) =>
  crypto.createHmac('sha256', secret).update(`${VERSION}.${body}`).digest()

export function signCancelToken(secret: string, claims: CancelClaims): string {
  const body = b64(JSON.stringify({ r: claims.registration, c: claims.created, x: claims.expires }))
  return `${VERSION}.${body}.${b64(sign(secret, body))}`
}

export function verifyCancelToken(secret: string, token: unknown, now = Date.now()): TokenCheck {
  const invalid = { ok: false, status: 400, message: 'The cancel link is invalid. Use the link from your email.' } as const
  if (typeof token !== 'string' || token.length > 512) return invalid
  const [version, body, signature] = token.split('.')
  if (version !== VERSION || !body || !signature) return invalid
  const expected = sign(secret, body)
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return invalid
  let parsed: { r?: unknown; c?: unknown; x?: unknown }
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return invalid
  }
  const { r, c, x } = parsed
  if ((typeof r !== 'string' && typeof r !== 'number') || typeof c !== 'number' || typeof x !== 'number') return invalid
  if (now > x) return { ok: false, status: 410, message: 'The cancel link has expired.' }
  return { ok: true, claims: { registration: r, created: c, expires: x } }
}
