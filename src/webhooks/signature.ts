import crypto from 'node:crypto'

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the webhook's secret>`. */
export const SIGNATURE_HEADER = 'X-Toolkit-Signature'

/** A new webhook secret: 32 random bytes; the prefix tells people what it is when it turns up in a config file. */
export const newSecret = () => `whsec_${crypto.randomBytes(32).toString('base64url')}`

export function sign(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
  return `t=${timestamp},v1=${v1}`
}

/**
 * What a receiver does (docs/API.md shows the same in a few lines): recompute the HMAC over the
 * raw body, compare in constant time, and refuse old timestamps (replays).
 */
export function verify(secret: string, body: string, header: string | undefined, toleranceSeconds = 300, now = Date.now()): boolean {
  if (!header) return false
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]))
  const t = Number(parts.t)
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(now / 1000 - t) > toleranceSeconds) return false
  const expected = Buffer.from(sign(secret, body, t).split('v1=')[1]!, 'hex')
  const given = Buffer.from(parts.v1, 'hex')
  return given.length === expected.length && crypto.timingSafeEqual(given, expected)
}
