/**
 * `GET /metrics` in Prometheus text format (prom-client): requests by route pattern and status,
 * database operation latency, public cache hits and misses, jobs queue depth, email send failures, unhandled promise rejections,
 * and Node's process metrics.
 *
 * Access: with METRICS_TOKEN set, only `Authorization: Bearer <token>`. Without a token, the
 * route does not exist in production (404: an unprotected scrape endpoint would tell the world
 * our traffic), and in development answers only clients on loopback.
 */
import crypto from 'node:crypto'
import type { RequestHandler } from 'express'
import type { Payload } from 'payload'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { ADAPTER_OPERATIONS } from '../db/database'
import type { Settings } from '../settings'
import { errorBody } from './errors'
import type { RequestRecord } from './requestLog'
import { unhandledRejections } from './unhandledRejections'

export type Metrics = {
  registry: Registry
  observeRequest: (record: RequestRecord) => void
  /** Called by the email adapter when a send fails. */
  emailFailed: () => void
  /** Starts measuring what needs the running Payload: database operations, the jobs queue, the public cache. */
  watch: (payload: Payload, publicCache?: { hits: number; misses: number }) => void
}

/** One registry per app, so tests can run several apps in one process. */
export function createMetrics(): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })

  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  })
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  const emailFailures = new Counter({
    name: 'email_send_failures_total',
    help: 'Emails the transport failed to send.',
    registers: [registry],
  })
  const dbLatency = new Histogram({
    name: 'db_operation_duration_seconds',
    help: 'Database adapter operation duration in seconds, by operation and collection or global.',
    labelNames: ['operation', 'collection'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  })
  new Counter({
    name: 'process_unhandled_rejections_total',
    help: 'Promise rejections nobody handled (logged; the process keeps serving). Each is a bug to fix.',
    registers: [registry],
    collect() {
      this.reset()
      this.inc(unhandledRejections())
    },
  })
  let payload: Payload | undefined
  let cache: { hits: number; misses: number } | undefined
  new Counter({
    name: 'public_cache_lookups_total',
    help: 'Anonymous reads of public content looked up in the in-process public cache, by result (hit, miss).',
    labelNames: ['result'] as const,
    registers: [registry],
    collect() {
      this.reset()
      if (!cache) return
      this.inc({ result: 'hit' }, cache.hits)
      this.inc({ result: 'miss' }, cache.misses)
    },
  })
  new Gauge({
    name: 'jobs_queue_depth',
    help: 'Jobs waiting in the payload-jobs queue (not completed, not failed); 0 without a jobs queue.',
    registers: [registry],
    async collect() {
      this.set(await pendingJobs(payload))
    },
  })

  return {
    registry,
    observeRequest: ({ method, route, status, durationMs }) => {
      const labels = { method, route, status: String(status) }
      requests.inc(labels)
      latency.observe(labels, durationMs / 1000)
    },
    emailFailed: () => emailFailures.inc(),
    watch: (instance, publicCache) => {
      payload = instance
      cache = publicCache
      timeDatabase(instance, dbLatency)
    },
  }
}

async function pendingJobs(payload: Payload | undefined): Promise<number> {
  if (!payload || !(payload.collections as Record<string, unknown>)['payload-jobs']) return 0
  try {
    const { totalDocs } = await payload.count({
      collection: 'payload-jobs' as never,
      where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
      overrideAccess: true,
    })
    return totalDocs
  } catch {
    return -1 // the database did not answer; /readyz says so too
  }
}


/** Wraps the adapter's operations with a timer; labels are bounded by the config's slugs. */
function timeDatabase(payload: Payload, histogram: Histogram<'operation' | 'collection'>): void {
  const db = payload.db as unknown as Record<string, unknown>
  for (const operation of ADAPTER_OPERATIONS) {
    const original = db[operation]
    if (typeof original !== 'function') continue
    db[operation] = async function timed(this: unknown, ...args: unknown[]) {
      const first = (args[0] ?? {}) as { collection?: unknown; global?: unknown }
      const collection = String(first.collection ?? first.global ?? '')
      const end = histogram.startTimer({ operation, collection })
      try {
        return await original.apply(this, args)
      } finally {
        end()
      }
    }
  }
}

// req.ip: the client behind a trusted proxy (TRUST_PROXY), not the proxy's own loopback address.
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

export function metricsRoute(settings: Settings, metrics: Metrics): RequestHandler {
  const expected = settings.metricsToken ? Buffer.from(`Bearer ${settings.metricsToken}`) : undefined
  return async (req, res) => {
    if (expected) {
      const given = Buffer.from(req.headers.authorization ?? '')
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"')
        res.status(401).json(errorBody('GET /metrics needs Authorization: Bearer <METRICS_TOKEN>.'))
        return
      }
    } else if (settings.production || !LOOPBACK.has(req.ip ?? '')) {
      res.status(404).json(errorBody(`Route not found: ${req.method} ${req.path}`))
      return
    }
    res.setHeader('Content-Type', metrics.registry.contentType)
    res.setHeader('Cache-Control', 'no-store')
    res.send(await metrics.registry.metrics())
  }
}
