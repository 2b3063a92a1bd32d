import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { createAccount, startTestApp, type TestApp } from './helpers/testApp'

/** A pino destination that keeps every line the app logs. */
function captureLogs() {
  const lines: string[] = []
  return {
    lines,
    destination: { write: (line: string) => lines.push(line) },
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    requests: () =>
      lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((record) => record.msg === 'request'),
  }
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 50 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20))
}

describe('request log and metrics (development, no METRICS_TOKEN)', () => {
  let app: TestApp
  const logs = captureLogs()
  beforeAll(async () => {
    app = await startTestApp({ LOG_LEVEL: 'info' }, { logDestination: logs.destination })
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('echoes a valid X-Request-Id and replaces an invalid or missing one', async () => {
    const given = await request(app.url).get('/healthz').set('X-Request-Id', 'proxy-1234.abc_DEF')
    expect(given.headers['x-request-id']).toBe('proxy-1234.abc_DEF')

    for (const bad of ['has spaces', 'x'.repeat(65), 'semi;colon', '<script>']) {
      const res = await request(app.url).get('/healthz').set('X-Request-Id', bad)
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    }
    const generated = await request(app.url).get('/healthz')
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('logs one JSON line per request with method, route pattern, status, duration and request id', async () => {
    const topic = await app.payload.create({ collection: 'topics', data: { name: 'Logged', slug: 'logged' } })
    const cases = [
      { path: '/healthz', route: '/healthz', status: 200 },
      { path: '/api/topics?where[slug][equals]=logged', route: '/api/topics', status: 200 },
      { path: `/api/topics/${topic.id}?depth=0`, route: '/api/topics/:id', status: 200 },
      { path: '/api/topics/999999', route: '/api/topics/:id', status: 404 },
      { path: '/api/no-such-collection/42', route: 'unmatched', status: 404 },
      { path: '/no/such/page', route: 'unmatched', status: 404 },
    ]
    for (const { path, route, status } of cases) {
      const id = `case-${Math.random().toString(36).slice(2)}`
      const res = await request(app.url).get(path).set('X-Request-Id', id)
      expect(res.status).toBe(status)
      await waitFor(() => logs.requests().some((r) => r.requestId === id))
      const lines = logs.requests().filter((r) => r.requestId === id)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatchObject({ method: 'GET', route, status, requestId: id, level: 30 })
      expect(typeof lines[0]!.durationMs).toBe('number')
    }
  })

  it('never writes an email address from a URL, a query string or a body into the log', async () => {
    const account = await createAccount(app, 'editor')
    const victim = 'victim.person@example.org'
    const before = logs.requests().length
    await request(app.url).post('/api/contributors/login').send({ email: victim, password: 'wrong-password' })
    await request(app.url).post('/api/contributors/login').send({ email: account.email, password: 'wrong' })
    await request(app.url).post('/api/contributors/login').send({ email: account.email, password: account.password })
    await request(app.url).post('/api/contributors/forgot-password').send({ email: victim })
    await request(app.url).get(`/api/contributors?where[email][equals]=${encodeURIComponent(victim)}`)
    await request(app.url).get(`/api/contributors/${encodeURIComponent(victim)}`)
    await request(app.url).get(`/api/topics?where[name][equals]=${victim}`)
    await request(app.url).get(`/${victim}`)
    await request(app.url).post('/api/topics').send({ name: victim, slug: 'not allowed' })
    await waitFor(() => logs.requests().length >= before + 9)

    expect(logs.requests().length).toBeGreaterThanOrEqual(before + 9)
    const all = logs.lines.join('\n').toLowerCase()
    for (const secret of [victim, account.email, 'victim.person', '%40example', account.password]) {
      expect(all).not.toContain(secret.toLowerCase())
    }
  })

  it('serves Prometheus metrics on loopback, labelled by route pattern, not by URL', async () => {
    const topic = await app.payload.create({ collection: 'topics', data: { name: 'Counted', slug: 'counted' } })
    await request(app.url).get(`/api/topics/${topic.id}`)
    await request(app.url).get('/api/topics/999998')

    const res = await request(app.url).get('/metrics')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
    const text = res.text
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/topics\/:id",status="200"\} [1-9]/)
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/topics\/:id",status="404"\} [1-9]/)
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/healthz",status="200"\}/)
    expect(text).toMatch(/db_operation_duration_seconds_count\{operation="find",collection="topics"\} [1-9]/)
    // The queue holds what the requests above queued (sign-up emails go out through it, so the
    // figure moves as deliveries finish): a count, never -1 (the database answered).
    expect(text).toMatch(/^jobs_queue_depth \d+$/m)
    expect(text).toMatch(/^email_send_failures_total 0$/m)
    expect(text).toMatch(/^process_cpu_user_seconds_total /m)
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m)
    // No raw URL, id or email ever becomes a label value.
    const routes = [...text.matchAll(/route="([^"]*)"/g)].map((m) => m[1]!)
    expect(routes.length).toBeGreaterThan(0)
    for (const route of routes) expect(route).not.toMatch(/\/\d+(\/|$)/)
    expect(text).not.toMatch(/route="[^"]*999998/)
    expect(text).not.toContain('@example')
  })
})

describe('metrics with METRICS_TOKEN, and email send failures', () => {
  let app: TestApp
  const token = 'metrics-token-0123456789abcdef'
  beforeAll(async () => {
    // An SMTP port nobody listens on: every send fails.
    const closed = net.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as net.AddressInfo
    await new Promise((resolve) => closed.close(resolve))
    app = await startTestApp({ METRICS_TOKEN: token, SMTP_URL: `smtp://127.0.0.1:${port}` })
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('refuses a scrape without the bearer token or with a wrong one', async () => {
    const none = await request(app.url).get('/metrics')
    expect(none.status).toBe(401)
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/)
    const wrong = await request(app.url).get('/metrics').set('Authorization', `Bearer ${token.slice(0, -1)}x`)
    expect(wrong.status).toBe(401)
    const right = await request(app.url).get('/metrics').set('Authorization', `Bearer ${token}`)
    expect(right.status).toBe(200)
  })

  it('counts an email the transport failed to send', async () => {
    await expect(
      app.payload.sendEmail({ to: 'someone@example.org', subject: 'Will fail', text: 'x' }),
    ).rejects.toThrow()
    const res = await request(app.url).get('/metrics').set('Authorization', `Bearer ${token}`)
    expect(res.text).toMatch(/^email_send_failures_total 1$/m)
  })
})

describe('metrics in production without METRICS_TOKEN', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:9' })
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('does not exist, even for loopback', async () => {
    const res = await request(app.url).get('/metrics')
    expect(res.status).toBe(404)
    expect(res.text).not.toContain('http_requests_total')
  })
})
