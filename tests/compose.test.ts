/**
 * No Docker engine runs here, so docker-compose.yml is checked by reading it: every reference
 * must name something defined, every variable must be documented, every service must report health.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { projectRoot } from '../src/settings/paths'

type Service = {
  image?: string
  build?: unknown
  depends_on?: string[] | Record<string, { condition?: string }>
  volumes?: (string | { type?: string; source?: string })[]
  healthcheck?: { test?: unknown; disable?: boolean }
  environment?: Record<string, unknown> | string[]
}

const raw = fs.readFileSync(path.join(projectRoot, 'docker-compose.yml'), 'utf8')
// Compose merges `<<:` keys (YAML 1.1 merge), and so do we.
const compose = parse(raw, { merge: true }) as { services: Record<string, Service>; volumes?: Record<string, unknown> }
const services = Object.entries(compose.services)
const envExample = fs.readFileSync(path.join(projectRoot, '.env.example'), 'utf8')

describe('docker-compose.yml', () => {
  it('defines the production-like topology', () => {
    const names = Object.keys(compose.services)
    expect(names).toEqual(expect.arrayContaining(['mongo1', 'mongo2', 'mongo3', 'app1', 'app2', 'proxy', 'minio', 'redis', 'mailpit']))
    for (const app of ['app1', 'app2']) {
      const env = compose.services[app]!.environment as Record<string, string>
      expect(env.DATABASE_URI).toMatch(/replicaSet=rs0/)
      expect(env.S3_ENDPOINT).toBe('http://minio:9000')
      expect(env.REDIS_URL).toBe('redis://redis:6379')
      // One nginx in front: rate limits count the client it saw, not nginx (tests/security-trust-proxy.test.ts).
      expect(env.TRUST_PROXY).toBe('${TRUST_PROXY:-1}')
    }
    // Queued jobs run in exactly one place.
    const autorun = names.filter((n) => (compose.services[n]!.environment as Record<string, string> | undefined)?.JOBS_AUTORUN === 'true')
    expect(autorun).toEqual(['app1'])
  })

  it('gives every service an image or a build, and a health check', () => {
    for (const [name, service] of services) {
      expect({ name, runnable: Boolean(service.image || service.build) }).toEqual({ name, runnable: true })
      expect({ name, test: Array.isArray(service.healthcheck?.test) && !service.healthcheck?.disable }).toEqual({ name, test: true })
    }
  })

  it('depends only on defined services, and waits for them to be healthy', () => {
    for (const [name, service] of services) {
      const deps = service.depends_on ?? {}
      const entries = Array.isArray(deps) ? deps.map((d) => [d, {}] as const) : Object.entries(deps)
      for (const [dependency, options] of entries) {
        expect({ name, dependency, defined: dependency in compose.services }).toEqual({ name, dependency, defined: true })
        expect({ name, dependency, condition: (options as { condition?: string }).condition }).toEqual({
          name,
          dependency,
          condition: 'service_healthy',
        })
      }
    }
  })

  it('mounts only named volumes that are defined (or files of this repository)', () => {
    for (const [name, service] of services) {
      for (const volume of service.volumes ?? []) {
        const source = typeof volume === 'string' ? volume.split(':')[0]! : (volume.source ?? '')
        if (source.startsWith('.') || source.startsWith('/')) {
          expect({ name, source, exists: fs.existsSync(path.join(projectRoot, source)) }).toEqual({ name, source, exists: true })
        } else {
          expect({ name, source, defined: source in (compose.volumes ?? {}) }).toEqual({ name, source, defined: true })
        }
      }
    }
  })

  it('uses only variables documented in .env.example', () => {
    // ${VAR}, ${VAR:-default}, ${VAR:?message}; $$ escapes a literal dollar for the container's shell.
    const used = [...raw.matchAll(/(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!)
    expect(used.length).toBeGreaterThan(0)
    for (const variable of new Set(used)) {
      expect({ variable, documented: new RegExp(`^${variable}=`, 'm').test(envExample) }).toEqual({ variable, documented: true })
    }
  })
})
