/**
 * Rate limits count the client, not the reverse proxy in front of it: with TRUST_PROXY the
 * address comes from X-Forwarded-For as far as the trusted hops vouch for it; without it
 * X-Forwarded-For is ignored (a client cannot pick a fresh address for every request).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { clientAddress } from '../src/http/clientAddress'
import { ConfigurationError, loadSettings } from '../src/settings'
import { startTestApp, type TestApp } from './helpers/testApp'

const base = { DATA_DIR: '/tmp/cms-settings-test', PAYLOAD_SECRET: 'x'.repeat(32) }

describe('TRUST_PROXY', () => {
  it('is off by default and takes a hop count or addresses and subnets', () => {
    expect(loadSettings(base).trustProxy).toBe(false)
    expect(loadSettings({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false)
    expect(loadSettings({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(loadSettings({ ...base, TRUST_PROXY: '10.0.0.0/8, loopback ,fd00::/8,192.168.1.7' }).trustProxy).toEqual(['10.0.0.0/8', 'loopback', 'fd00::/8', '192.168.1.7'])
  })

  it.each(['true', 'yes', '10.0.0.0/33', '300.1.1.1', 'loopback,,10.0.0.1', '-1', '1.5', '99'])('refuses %p at start with one clear line', (value) => {
    expect(() => loadSettings({ ...base, TRUST_PROXY: value })).toThrow(ConfigurationError)
    expect(() => loadSettings({ ...base, TRUST_PROXY: value })).toThrow(/^TRUST_PROXY must be a number of proxy hops/)
  })

  it('keys IPv4 (also IPv4-mapped) by address and IPv6 by its /64', () => {
    const key = (ip: string) => clientAddress({ ip, socket: {} as never })
    expect(key('203.0.113.9')).toBe('203.0.113.9')
    expect(key('::ffff:203.0.113.9')).toBe('203.0.113.9')
    expect(key('2001:db8:1:2:aaaa::1')).toBe(key('2001:db8:1:2:bbbb::2'))
    expect(key('2001:db8:1:2::1')).not.toBe(key('2001:db8:1:3::1'))
  })
})

const forgot = (app: TestApp, forwardedFor?: string) => {
  const call = request(app.url).post('/api/contributors/forgot-password')
  if (forwardedFor) call.set('X-Forwarded-For', forwardedFor)
  return call.send({ email: 'nobody@example.org' }).then((res) => res.status)
}
const register = (app: TestApp, forwardedFor: string) =>
  request(app.url).post('/api/webinars/no-such-webinar/register').set('X-Forwarded-For', forwardedFor).send({}).then((res) => res.status)

describe('without TRUST_PROXY', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ ACCOUNT_RATE_LIMIT: '2', REGISTRATION_RATE_LIMIT: '2' })
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('ignores X-Forwarded-For: a new forged address for every request still counts as the same client', async () => {
    expect([await forgot(app, '198.51.100.1'), await forgot(app, '198.51.100.2'), await forgot(app, '198.51.100.3')]).toEqual([200, 200, 429])
    expect([await register(app, '198.51.100.1'), await register(app, '198.51.100.2'), await register(app, '198.51.100.3')]).toEqual([404, 404, 429])
  })
})

describe('behind a trusted proxy (TRUST_PROXY=loopback, the tests connect from 127.0.0.1)', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ ACCOUNT_RATE_LIMIT: '2', REGISTRATION_RATE_LIMIT: '2', TRUST_PROXY: 'loopback' })
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('counts each client behind the proxy on its own: one client spending its limit blocks nobody else', async () => {
    expect([await forgot(app, '198.51.100.1'), await forgot(app, '198.51.100.1'), await forgot(app, '198.51.100.1')]).toEqual([200, 200, 429])
    expect(await forgot(app, '198.51.100.2')).toBe(200)
    expect([await register(app, '198.51.100.1'), await register(app, '198.51.100.1'), await register(app, '198.51.100.1')]).toEqual([404, 404, 429])
    expect(await register(app, '198.51.100.2')).toBe(404)
  })

  it('believes only the hop the proxy added: an address the client put in front of it changes nothing', async () => {
    // The proxy appends the address it saw; whatever the client sent stands to its left.
    expect(await forgot(app, '203.0.113.50, 198.51.100.1')).toBe(429)
    expect(await forgot(app, '203.0.113.51, 198.51.100.1')).toBe(429)
  })

  it('counts an IPv6 client by its /64, so rotating addresses inside it gains nothing', async () => {
    expect([await forgot(app, '2001:db8:5:6::1'), await forgot(app, '2001:db8:5:6::2'), await forgot(app, '2001:db8:5:6:ffff::3')]).toEqual([200, 200, 429])
  })
})
