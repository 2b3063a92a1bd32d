/**
 * The one place that says who the client is, for every per-client limit (and anything else
 * that needs a client address). express's `req.ip` honours `trust proxy` (TRUST_PROXY): behind
 * the configured proxies it is the first untrusted address in X-Forwarded-For; without it,
 * the socket's address, and X-Forwarded-For is ignored.
 */
import type { Request } from 'express'
import ipaddr from 'ipaddr.js'

/**
 * A limiter key for the client: an IPv4 address as such (IPv4-mapped IPv6 too), an IPv6
 * address by its /64, the block one subscriber gets and can rotate through at will.
 */
export function clientAddress(req: Pick<Request, 'ip' | 'socket'>): string {
  const raw = req.ip ?? req.socket.remoteAddress ?? ''
  if (!ipaddr.isValid(raw)) return raw || 'unknown'
  let address = ipaddr.parse(raw)
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) address = (address as ipaddr.IPv6).toIPv4Address()
  if (address.kind() === 'ipv4') return address.toString()
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16))
  return `${parts.join(':')}::/64`
}
