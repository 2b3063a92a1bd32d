import { projectRoot } from './settings/paths'
import express from 'express'
import helmet from 'helmet'
import { getPayload, type Payload } from 'payload'
import { publicContentVersion } from './cache/publicContentVersion'
import { PublicResponseCache } from './cache/publicResponses'
import { readModel } from './readModel'
import { createConfig } from './config'
import { pingDatabase, replicaSetWarning, sizeSqliteCache, stalledWrites } from './db/database'
import { heldMail, withBestEffortEmail } from './email/adapter'
import { adminContentSecurityPolicy, apiContentSecurityPolicy, playgroundContentSecurityPolicy } from './http/contentSecurityPolicy'
import { readsSentAsPost } from './http/bridge'
import { errorHandler, malformedPath, notFound, unsupportedMethod } from './http/errors'
import { createMetrics, metricsRoute } from './http/metrics'
import { requestLog, routePatterns } from './http/requestLog'
import { payloadApi } from './http/payloadApi'
import { transactionScope } from './http/transactionScope'
import { acceptSilentlyWhenLimited, createRateLimiter, rateLimitByAddress } from './http/rateLimit'
import { takeTurnsAtDatabaseCalls } from './security/requestBudget'
import { SUBSCRIBE_ACCEPTED } from '../collections/Subscriptions/endpoints'
import { siteRouter } from './site/routes'
import type { Settings } from './settings'
import { backgroundIdle } from './jobs/background'


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

/** Lets a route answer only at its exact path (case and trailing slash included); others fall through to 404. */
const exactPath: express.RequestHandler = (req, _res, next) => next(req.path === req.route?.path ? undefined : 'route')

/** How long close() waits for deliveries in flight (an in-memory or healthy SMTP send takes milliseconds). */
const BACKGROUND_GRACE_MS = 3_000

export async function createApp({ settings, admin = false, logDestination }: CreateAppOptions): Promise<App> {
  const metrics = createMetrics()
  const config = await createConfig(settings, { logDestination, onEmailFailure: metrics.emailFailed })
  // cron: the jobs queue's autoRun schedules start only where this instance runs jobs.
  const payload = await getPayload({ config, cron: settings.jobsAutoRun })
  await publicContentVersion.follow(payload)
  await readModel.start(payload, settings.readModel)
  await sizeSqliteCache(payload, settings.sqliteCacheMb) // after the start-up work: see there
  const publicCache = new PublicResponseCache({ maxBytes: settings.publicCacheMb * 1024 * 1024 })
  metrics.watch(payload, publicCache.stats)
  takeTurnsAtDatabaseCalls(payload)
  const warning = replicaSetWarning(settings.database)
  if (warning) payload.logger.warn(warning)

  const app = express()
  app.disable('x-powered-by')
  // Who the client is (req.ip, and so every rate limit): X-Forwarded-For only from TRUST_PROXY's hops.
  app.set('trust proxy', settings.trustProxy)
  // First, so every answer (even a helmet or parser error) is logged, counted and carries its id.
  app.use(requestLog({ logger: () => payload.logger, route: routePatterns(config), observe: metrics.observeRequest }))
  // Content-Security-Policy: nothing loads or runs from an API answer; the admin panel's pages get
  // their own policy below (src/http/contentSecurityPolicy.ts).
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }), apiContentSecurityPolicy)
  // A request whose transaction the database rolls back answers 503 there and then (API and admin panel).
  app.use(transactionScope)
  app.use(malformedPath, unsupportedMethod)

  // Operational routes answer at their exact path only (express alone also matches /METRICS and
  // /metrics/), so that a proxy rule for /metrics cannot be sidestepped.
  app.get('/healthz', exactPath, (_req, res) => {
    res.json({ status: 'ok' })
  })
  app.get('/readyz', exactPath, async (_req, res) => {
    const stalled = stalledWrites(payload)
    if (stalled) {
      res.status(503).json({ status: 'unavailable', database: settings.database.kind, reason: stalled })
      return
    }
    try {
      await pingDatabase(payload)
      res.json({ status: 'ready', database: settings.database.kind })
    } catch {
      res.status(503).json({ status: 'unavailable', database: settings.database.kind })
    }
  })
  app.get('/metrics', exactPath, metricsRoute(settings, metrics))

  const bodyLimits = { jsonBytes: JSON_LIMIT, multipartBytes: settings.uploadLimitBytes + JSON_LIMIT }
  // Before anything that tells reads from writes (the rate limits below, the cache): a POST with
  // X-Payload-HTTP-Method-Override: GET is the read Payload makes of it.
  const { api, graphQL } = config.routes
  app.use(readsSentAsPost(bodyLimits, api, `${api}${graphQL}`))

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
  // Alert sign-up: a refused request answers exactly like an accepted one (202, same body) and
  // does nothing, so the answer never tells whether an address is subscribed or limited.
  const subscriptionLimit = createRateLimiter({ keyPrefix: 'subscribe', points: settings.registrationRateLimit, durationSeconds: 60, redisUrl: settings.redisUrl })
  if (settings.registrationRateLimit > 0) app.post('/api/subscriptions', acceptSilentlyWhenLimited(subscriptionLimit.limiter, SUBSCRIBE_ACCEPTED))
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
  // Registration data must never sit in a browser or proxy cache. Nor answers about the session
  // (who is signed in, what they may do, their panel preferences): the anonymous `me` of the login
  // page, cached as a public read, was what the panel's browser got back after signing in.
  app.use(['/api/webinar-registrations', '/api/registration-audit', '/api/graphql', '/api/contributors/me', '/api/access', '/api/payload-preferences'], (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store')
    next()
  })

  if (!settings.production) app.get('/api/graphql-playground', playgroundContentSecurityPolicy)

  app.use(
    '/api',
    payloadApi(payload, {
      limits: bodyLimits,
      corsOrigins: settings.corsOrigins,
      cache: publicCache,
      contentVersion: publicContentVersion,
      readModel,
    }),
  )

  // The public site (src/site/): pages of the published toolkit at / and /es/, its forms sharing
  // the API's rate limiters so that a sign-up counts once whichever door it came in by.
  if (settings.site) {
    const site = siteRouter(payload, {
      cache: publicCache,
      contentVersion: publicContentVersion,
      limits: {
        registration: settings.registrationRateLimit > 0 ? registrationLimit.limiter : undefined,
        subscription: settings.registrationRateLimit > 0 ? subscriptionLimit.limiter : undefined,
      },
    })
    app.use('/es', site)
    app.use(site)
  }

  let nextApp: Awaited<ReturnType<typeof startNext>> | undefined
  if (admin) {
    nextApp = await startNext(admin === 'dev', settings)
    const handle = nextApp.getRequestHandler()
    app.all(['/admin', '/admin/{*rest}', '/_next/{*rest}', '/__nextjs{*rest}'], adminContentSecurityPolicy({ dev: admin === 'dev' }), (req, res) => handle(req, res))
    if (!settings.site) app.get('/', (_req, res) => res.redirect('/admin'))
  } else if (!settings.site) {
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
      // Deliveries a request started after its commit (emails, webhooks) finish before the
      // database closes under them: cut short, their job stayed claimed and the email unsent.
      // Bounded: a mail server that hangs must not hold a shutdown past its grace (src/start.ts).
      await Promise.race([backgroundIdle(), new Promise((resolve) => setTimeout(resolve, BACKGROUND_GRACE_MS).unref())])
      await publicContentVersion.stop()
      await readModel.stop()
      await registrationLimit.close()
      await subscriptionLimit.close()
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

