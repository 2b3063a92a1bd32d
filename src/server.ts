import { projectRoot } from './settings/paths'
import express from 'express'
import helmet from 'helmet'
import { getPayload, type Payload } from 'payload'
import { contentVersion } from './cache/contentVersion'
import { PublicResponseCache } from './cache/publicResponses'
import { createConfig } from './config'
import { pingDatabase, replicaSetWarning } from './db/database'
import { heldMail, withBestEffortEmail } from './email/adapter'
import { errorHandler, malformedPath, notFound } from './http/errors'
import { createMetrics, metricsRoute } from './http/metrics'
import { requestLog, routePatterns } from './http/requestLog'
import { payloadApi } from './http/payloadApi'
import { createRateLimiter, rateLimitByAddress } from './http/rateLimit'
import type { Settings } from './settings'


export type AdminMode = false | 'dev' | 'production'

export type CreateAppOptions = {
  settings: Settings
  /** Serve Payload's admin panel through Next.js (tests of the API leave it off). */
  admin?: AdminMode
  /** Where Payload's pino logger writes (tests capture lines); stdout when unset. */
  logDestination?: { write: (line: string) => unknown }
}

export type App = {
  app: express.Express
  payload: Payload
  mail: typeof heldMail
  publicCache: PublicResponseCache
  /** For `server.on('upgrade')`: Next's dev server talks HMR over a websocket. */
  upgrade?: (req: import('node:http').IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => void
  close: () => Promise<void>
}

const JSON_LIMIT = 1024 * 1024

export async function createApp({ settings, admin = false, logDestination }: CreateAppOptions): Promise<App> {
  const metrics = createMetrics()
  const config = await createConfig(settings, { logDestination, onEmailFailure: metrics.emailFailed })
  // cron: the jobs queue's autoRun schedules start only where this instance runs jobs.
  const payload = await getPayload({ config, cron: settings.jobsAutoRun })
  contentVersion.follow(payload)
  const publicCache = new PublicResponseCache()
  metrics.watch(payload)
  const warning = replicaSetWarning(settings.database)
  if (warning) payload.logger.warn(warning)

  const app = express()
  app.disable('x-powered-by')
  // First, so every answer (even a helmet or parser error) is logged, counted and carries its id.
  app.use(requestLog({ logger: () => payload.logger, route: routePatterns(config), observe: metrics.observeRequest }))
  // The admin panel's scripts are Next's own; its CSP is Next's business, not helmet's default.
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }))
  app.use(malformedPath)

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })
  app.get('/readyz', async (_req, res) => {
    try {
      await pingDatabase(payload)
      res.json({ status: 'ready', database: settings.database.kind })
    } catch {
      res.status(503).json({ status: 'unavailable', database: settings.database.kind })
    }
  })

  app.get('/metrics', metricsRoute(settings, metrics))

  // Webinar sign-up: per client address; shared through Redis when REDIS_URL is set.
  const registrationLimit = createRateLimiter({
    keyPrefix: 'webinar-register',
    points: settings.registrationRateLimit,
    durationSeconds: 60,
    redisUrl: settings.redisUrl,
  })
  if (settings.registrationRateLimit > 0) {
    const message = 'Too many registrations from this address. Try again in a minute.'
    app.post('/api/webinars/:id/register', rateLimitByAddress(registrationLimit.limiter, message))
  }
  // Account sign-up and forgot-password send an email each (to editors, to the address given):
  // limited per address so that neither can flood inboxes. REST only: contributors have no GraphQL mutations.
  const accountLimits = (['sign-up', 'forgot-password'] as const).map((name) =>
    createRateLimiter({ keyPrefix: `account-${name}`, points: settings.accountRateLimit, durationSeconds: 60 * 60, redisUrl: settings.redisUrl }),
  )
  if (settings.accountRateLimit > 0) {
    const message = 'Too many requests from this address. Try again later.'
    app.post('/api/contributors', rateLimitByAddress(accountLimits[0]!.limiter, message))
    app.post('/api/contributors/forgot-password', rateLimitByAddress(accountLimits[1]!.limiter, message))
  }
  // Forgot-password sends its email inside the request: a mail failure answers like an unknown address.
  app.post('/api/contributors/forgot-password', (_req, _res, next) => withBestEffortEmail(next))
  // Registration data must never sit in a browser or proxy cache.
  app.use(['/api/webinar-registrations', '/api/registration-audit', '/api/graphql'], (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store')
    next()
  })

  app.use(
    '/api',
    payloadApi(config, {
      limits: { jsonBytes: JSON_LIMIT, multipartBytes: settings.uploadLimitBytes + JSON_LIMIT },
      corsOrigins: settings.corsOrigins,
      cache: publicCache,
      contentVersion,
    }),
  )

  let nextApp: Awaited<ReturnType<typeof startNext>> | undefined
  if (admin) {
    nextApp = await startNext(admin === 'dev', settings)
    const handle = nextApp.getRequestHandler()
    app.all(['/admin', '/admin/{*rest}', '/_next/{*rest}', '/__nextjs{*rest}'], (req, res) => handle(req, res))
    app.get('/', (_req, res) => res.redirect('/admin'))
  } else {
    app.get('/', (_req, res) => {
      res.json({ name: 'ICE Out of Courts Toolkit CMS', api: '/api', graphql: '/api/graphql' })
    })
  }

  app.use(notFound)
  app.use(errorHandler((error) => payload.logger.error({ err: error, msg: 'Unhandled request error' })))

  return {
    app,
    payload,
    mail: heldMail,
    publicCache,
    upgrade: nextApp?.getUpgradeHandler(),
    close: async () => {
      await nextApp?.close()
      await contentVersion.stop()
      await registrationLimit.close()
      await Promise.all(accountLimits.map((limit) => limit.close()))
      await payload.destroy()
    },
  }
}

async function startNext(dev: boolean, settings: Settings) {
  const { default: next } = await import('next')
  const nextApp = next({ dev, dir: projectRoot, hostname: 'localhost', port: settings.port })
  await nextApp.prepare()
  return nextApp
}

