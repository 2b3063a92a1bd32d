import { projectRoot } from './paths'
import express from 'express'
import helmet from 'helmet'
import { getPayload, type Payload } from 'payload'
import { createConfig } from './config'
import { pingDatabase, replicaSetWarning } from './database'
import { heldMail } from './email/adapter'
import { errorHandler, notFound } from './http/errors'
import { createMetrics, metricsRoute } from './http/metrics'
import { requestLog, routePatterns } from './http/requestLog'
import { payloadApi } from './http/payloadApi'
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
  /** For `server.on('upgrade')`: Next's dev server talks HMR over a websocket. */
  upgrade?: (req: import('node:http').IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => void
  close: () => Promise<void>
}

const JSON_LIMIT = 1024 * 1024

export async function createApp({ settings, admin = false, logDestination }: CreateAppOptions): Promise<App> {
  const metrics = createMetrics()
  const config = await createConfig(settings, { logDestination, onEmailFailure: metrics.emailFailed })
  const payload = await getPayload({ config })
  metrics.watch(payload)
  const warning = replicaSetWarning(settings.database)
  if (warning) payload.logger.warn(warning)

  const app = express()
  app.disable('x-powered-by')
  // First, so every answer (even a helmet or parser error) is logged, counted and carries its id.
  app.use(requestLog({ logger: () => payload.logger, route: routePatterns(config), observe: metrics.observeRequest }))
  // The admin panel's scripts are Next's own; its CSP is Next's business, not helmet's default.
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }))

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

  app.use('/api', payloadApi(config, { jsonBytes: JSON_LIMIT, multipartBytes: settings.uploadLimitBytes + JSON_LIMIT }))

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
    upgrade: nextApp?.getUpgradeHandler(),
    close: async () => {
      await nextApp?.close()
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

