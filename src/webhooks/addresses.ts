/**
 * SSRF guard for webhook URLs: in production a webhook may not reach this server's own network
 * (loopback, private, link-local — where cloud metadata lives —, carrier-grade NAT, multicast,
 * reserved). The check runs where the connection is made (`guardedLookup`, the address the socket
 * will actually use), so a name that resolves to a public address when saved and a private one
 * later (DNS rebinding) is still refused. WEBHOOK_ALLOW_PRIVATE_URLS=true lifts it (development,
 * tests, or receivers on a private network on purpose).
 */
import dns from 'node:dns'
import net from 'node:net'

const blocked = new net.BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(network, prefix, 'ipv4')
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(network, prefix, 'ipv6')

/** True for an address a public webhook must not reach. IPv4-mapped IPv6 (::ffff:10.0.0.1) counts as its IPv4. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address)
  if (family === 4) return blocked.check(address, 'ipv4')
  if (family !== 6) return true
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return blocked.check(mapped[1]!, 'ipv4')
  return blocked.check(address, 'ipv6')
}

/** A problem with a webhook URL's form, or undefined. Private hosts are checked separately. */
export function urlProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return 'Give the URL that should receive the notifications.'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `"${value.slice(0, 100)}" is not a URL.`
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The URL must start with https:// (or http://).'
  if (value.length > 2000) return 'The URL must be at most 2000 characters long.'
  return undefined
}

/** Host part of a URL without IPv6 brackets. */
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '')

/** Resolves the URL's host and says whether it reaches a private network (for saving a webhook). */
export async function privateHostProblem(value: string): Promise<string | undefined> {
  const host = hostOf(new URL(value))
  if (host === 'localhost' || host.endsWith('.localhost')) return 'The URL points to this server (localhost); webhooks must go to a public address.'
  let addresses: string[]
  if (net.isIP(host)) addresses = [host]
  else {
    try {
      addresses = (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address)
    } catch {
      return `The host "${host}" could not be found.`
    }
  }
  const bad = addresses.find(isPrivateAddress)
  return bad ? `The URL points to a private or local network address (${bad}); webhooks must go to a public address.` : undefined
}

/** A `lookup` for http.request that refuses private addresses at connection time. */
export const guardedLookup: net.LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
    if (error) return callback(error, '', 4)
    const list = addresses as unknown as dns.LookupAddress[]
    const bad = list.find((a) => isPrivateAddress(a.address))
    if (bad || !list.length) return callback(new Error(`${hostname} resolves to a private or local address; refused`), '', 4)
    if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list)
    callback(null, list[0]!.address, list[0]!.family)
  })
}

/** For delivery: an IP literal never goes through lookup, so it is checked here. */
export function literalPrivateHost(url: URL): boolean {
  const host = hostOf(url)
  return host === 'localhost' || (net.isIP(host) !== 0 && isPrivateAddress(host))
}
