/**
 * Protected operational routes answer at their exact path only. express matches paths without
 * regard to case and ignores a trailing slash, so `/METRICS` and `/metrics/` used to reach the
 * metrics handler while nginx (deploy/nginx.conf) blocked `/metrics` alone. The app now routes
 * them strictly, and nginx blocks a case-insensitive prefix.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { projectRoot } from '../src/settings/paths'
import { startTestApp, type TestApp } from './helpers/testApp'

const TOKEN = 'strict-routes-token-0123456789'
const VARIANTS = ['/METRICS', '/Metrics', '/metrics/', '/METRICS/', '/metrics%2F', '/metrics%2f', '//metrics', '/%6Detrics', '/metrics/.', '/metrics;x', '/./metrics']
let app: TestApp

beforeAll(async () => {
  app = await startTestApp({ METRICS_TOKEN: TOKEN })
})
afterAll(async () => {
  await app?.stop()
})

/** A raw request: supertest would normalise some of these paths. */
function rawGet(urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(app.url)
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
      let body = ''
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the app serves /metrics at its exact path only', () => {
  it('answers the exact path with the token', async () => {
    const res = await request(app.url).get('/metrics').set('Authorization', `Bearer ${TOKEN}`)
    expect(res.status).toBe(200)
    expect(res.text).toContain('process_cpu')
  })

  it.each(VARIANTS)('%s is not found, with or without the token', async (variant) => {
    for (const headers of [{}, { Authorization: `Bearer ${TOKEN}` }] as Record<string, string>[]) {
      const res = await rawGet(variant, headers)
      expect({ variant, status: res.status }).toEqual({ variant, status: 404 })
      expect(res.body).not.toContain('process_cpu')
    }
  })

  it.each(['/HEALTHZ', '/healthz/', '/READYZ', '/readyz/'])('%s is not found either', async (variant) => {
    expect((await rawGet(variant)).status).toBe(404)
  })
})

describe('deploy/nginx.conf blocks /metrics by a case-insensitive prefix', () => {
  const conf = fs.readFileSync(path.join(projectRoot, 'deploy/nginx.conf'), 'utf8')

  it('has a case-insensitive regex location for it, and no exact-match one left', () => {
    expect(conf).not.toMatch(/location\s*=\s*\/metrics/)
    const match = conf.match(/location\s+~\*\s+(\S+)\s*\{\s*return\s+404;/)
    expect(match).not.toBeNull()
    // nginx matches locations against the decoded URI with merged slashes and resolved dot segments.
    const pattern = new RegExp(match![1]!, 'i')
    for (const variant of VARIANTS) {
      const normalized = path.posix.normalize(decodeURIComponent(variant)).replace(/\/+/g, '/')
      expect({ variant, blocked: pattern.test(normalized) }).toEqual({ variant, blocked: true })
    }
    for (const allowed of ['/api/resources', '/admin', '/healthz', '/api/metrics-report']) expect(pattern.test(allowed)).toBe(false)
  })
})
