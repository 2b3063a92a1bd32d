import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import proxyAddr from 'proxy-addr'

/** Everything the process reads from its environment, validated once at start-up. */
export type Settings = {
  production: boolean
  port: number
  /** `sqlite` for the embedded default, `mongodb` for production. */
  database: { kind: 'mongodb'; url: string } | { kind: 'sqlite'; url: string; file: string }
  secret: string
  serverUrl: string
  corsOrigins: string[]
  smtpUrl?: string
  emailFrom: { address: string; name: string }
  dataDir: string
  uploadDir: string
  uploadLimitBytes: number
  debug: boolean
  logLevel: string
  /** Webinar registrations accepted per client address per minute. */
  registrationRateLimit: number
  /** Account sign-ups, and forgot-password requests, accepted per client address per hour. */
  accountRateLimit: number
  /** Days after a webinar ends before its registrations are deleted. */
  registrationRetentionDays: number
  /** Minutes after a submit or withdraw emailed editors during which the same resource's next ones email nobody (0: no quiet period). */
  workflowNotifyQuietMinutes: number
  /** SQLite's page cache per connection, in MB (0: SQLite's default of 2 MB); 16 for an API-only instance (docs/BENCHMARKS.md, session 9), 64 with the admin panel. */
  sqliteCacheMb: number
  /** HEAP_GROWTH_PERCENT: how far V8 lets its heap grow past what it holds live before collecting (0: V8's own rule); 30 for an API-only instance. */
  heapGrowthPercent: number
  /** PUBLIC_CACHE_MB: the most the public response cache holds (its bodies' bytes in all). */
  publicCacheMb: number
  /** The longest a SQLite transaction may hold the write lock before it is rolled back, in seconds (0: no limit). */
  sqliteTransactionLimitSeconds: number
  /** Webhooks may target loopback/private/link-local addresses (SSRF guard off): default outside production only. */
  webhookAllowPrivateUrls: boolean
  /** express's `trust proxy`: which hops' X-Forwarded-For to believe (false: none, the socket's address is the client). */
  trustProxy: TrustProxy
  /** Serve the public site at / and /es/ (SITE=off: the API and admin panel only). */
  site: boolean
  /** URL template of a resource's public page (`{slug}`, `{id}`), for links in emails; unset: our site's page, or the admin page with SITE=off. */
  publicSiteUrl?: string
} & ProductionSettings

/** A configuration the process must refuse to start with. The message is one line for the operator. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError'
}

const ACCEPTED_DATABASES =
  'DATABASE_URI must be mongodb://…, mongodb+srv://…, file:… (SQLite), or unset (SQLite under ./data/)'

export type Env = Record<string, string | undefined>

/**
 * `strict` (the server's start, tests): refuse a production configuration that is unsafe.
 * Not strict: the same settings for code that only builds or renders the admin panel (the
 * `@payload-config` module inside Next, whose build and server set NODE_ENV=production
 * themselves); the running server has already been checked strictly in the same process.
 */
export function loadSettings(env: Env = process.env, { strict = true } = {}): Settings {
  const production = env.NODE_ENV === 'production'
  const dataDir = path.resolve(env.DATA_DIR || 'data')
  const port = parsePort(env.PORT)
  const debug = env.PAYLOAD_DEBUG === 'true'

  if (strict && production && debug) throw new ConfigurationError('PAYLOAD_DEBUG must be off when NODE_ENV=production.')
  if (strict && production && !env.SMTP_URL) {
    throw new ConfigurationError('SMTP_URL is required when NODE_ENV=production (emails would be lost).')
  }

  const site = parseSite(env.SITE)
  // ADMIN=off (src/start.ts): an API-only instance keeps to its memory budget by default (src/settings/memory.ts).
  const apiOnly = env.ADMIN === 'off'
  const serverUrl = (env.SERVER_URL || `http://localhost:${port}`).replace(/\/$/, '')
  const emailFrom = parseFrom(env.EMAIL_FROM || 'ICE Out of Courts Toolkit <toolkit@localhost>')
  return {
    production,
    port,
    database: parseDatabase(env.DATABASE_URI, dataDir),
    secret: resolveSecret(env.PAYLOAD_SECRET, strict && production, dataDir),
    serverUrl,
    corsOrigins: (env.CORS_ORIGINS || '')
      .split(',')
      .map((origin) => origin.trim().replace(/\/$/, ''))
      .filter(Boolean),
    smtpUrl: env.SMTP_URL || undefined,
    emailFrom,
    dataDir,
    uploadDir: path.resolve(env.UPLOAD_DIR || path.join(dataDir, 'uploads')),
    uploadLimitBytes: parseUploadLimit(env.UPLOAD_LIMIT_MB),
    debug,
    logLevel: env.LOG_LEVEL || 'info',
    registrationRateLimit: positiveInteger('REGISTRATION_RATE_LIMIT', env.REGISTRATION_RATE_LIMIT, 10),
    accountRateLimit: positiveInteger('ACCOUNT_RATE_LIMIT', env.ACCOUNT_RATE_LIMIT, 10),
    registrationRetentionDays: positiveInteger('REGISTRATION_RETENTION_DAYS', env.REGISTRATION_RETENTION_DAYS, 30),
    workflowNotifyQuietMinutes: positiveInteger('WORKFLOW_NOTIFY_QUIET_MINUTES', env.WORKFLOW_NOTIFY_QUIET_MINUTES, 60),
    sqliteCacheMb: positiveInteger('SQLITE_CACHE_MB', env.SQLITE_CACHE_MB, apiOnly ? 16 : 64),
    heapGrowthPercent: positiveInteger('HEAP_GROWTH_PERCENT', env.HEAP_GROWTH_PERCENT, apiOnly ? 30 : 0),
    publicCacheMb: positiveInteger('PUBLIC_CACHE_MB', env.PUBLIC_CACHE_MB, 32),
    sqliteTransactionLimitSeconds: positiveInteger('SQLITE_TRANSACTION_LIMIT_S', env.SQLITE_TRANSACTION_LIMIT_S, 30),
    webhookAllowPrivateUrls: parseBoolean('WEBHOOK_ALLOW_PRIVATE_URLS', env.WEBHOOK_ALLOW_PRIVATE_URLS, !production),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    site,
    publicSiteUrl: parsePublicSiteUrl(env.PUBLIC_SITE_URL) ?? (site ? `${serverUrl}/resources/{slug}` : undefined),
    ...parseProductionSettings(env),
  }
}

/** false, a number of hops, or addresses/subnets (and proxy-addr's names: loopback, linklocal, uniquelocal). */
export type TrustProxy = false | number | string[]

const TRUST_PROXY_FORMS =
  'TRUST_PROXY must be a number of proxy hops (e.g. 1 for one nginx) or a comma list of the proxies\' addresses or subnets (e.g. 10.0.0.0/8, loopback, uniquelocal)'

/**
 * Off unless set: without it X-Forwarded-For is ignored and every limit counts the socket's
 * address. `true` (trust every hop) is refused: any client could then name its own address.
 */
function parseTrustProxy(value: string | undefined): TrustProxy {
  const trimmed = value?.trim() ?? ''
  if (trimmed === '' || trimmed === 'false' || trimmed === '0') return false
  if (/^\d+$/.test(trimmed)) {
    const hops = Number(trimmed)
    if (hops > 10) throw new ConfigurationError(`${TRUST_PROXY_FORMS}; ${hops} hops is more than any deployment has.`)
    return hops
  }
  if (trimmed === 'true') {
    throw new ConfigurationError(`${TRUST_PROXY_FORMS}; "true" would trust every hop, so any client could choose its own address.`)
  }
  const entries = trimmed.split(',').map((entry) => entry.trim())
  for (const entry of entries) {
    try {
      if (!entry) throw new Error('empty')
      proxyAddr.compile([entry])
    } catch {
      throw new ConfigurationError(`${TRUST_PROXY_FORMS}; "${entry}" is neither.`)
    }
  }
  return entries
}

/** An http(s) URL template naming the resource by `{slug}` or `{id}`: each email's link to a published item. */
/** On unless `off`: the public site (src/site/) is served beside the API and the admin panel. */
function parseSite(value: string | undefined): boolean {
  const trimmed = value?.trim() ?? ''
  if (trimmed === '' || trimmed === 'on') return true
  if (trimmed === 'off') return false
  throw new ConfigurationError(`SITE must be on or off (off: serve the API and the admin panel only); got "${trimmed.slice(0, 40)}".`)
}

function parsePublicSiteUrl(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined
  const template = value.trim()
  const forms = 'PUBLIC_SITE_URL must be an http(s) URL template naming the resource by {slug} or {id}, e.g. https://toolkit.example.org/resources/{slug}'
  if (!/\{(slug|id)\}/.test(template)) throw new ConfigurationError(`${forms}; "${template}" names neither.`)
  let url: URL | undefined
  try {
    url = new URL(template.replace(/\{(slug|id)\}/g, 'x'))
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new ConfigurationError(`${forms}; "${template}" is not one.`)
  return template
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0) {
    throw new ConfigurationError(`${name} must be a whole number of 0 or more, not "${value}".`)
  }
  return number
}

function parsePort(value: string | undefined): number {
  if (!value) return 3000
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigurationError(`PORT must be a whole number from 0 to 65535, not "${value}".`)
  }
  return port
}

function parseDatabase(uri: string | undefined, dataDir: string): Settings['database'] {
  if (!uri) {
    const file = path.join(dataDir, 'cms.db')
    return { kind: 'sqlite', file, url: `file:${file}` }
  }
  if (/^mongodb(\+srv)?:\/\/[^/]+/.test(uri)) return { kind: 'mongodb', url: uri }
  if (uri.startsWith('file:') && uri.length > 'file:'.length) {
    const file = path.resolve(uri.slice('file:'.length))
    return { kind: 'sqlite', file, url: `file:${file}` }
  }
  throw new ConfigurationError(`${ACCEPTED_DATABASES}; got "${uri.replace(/\/\/[^@/]*@/, '//…@')}".`)
}

/** Production demands a real secret; development keeps a generated one under ./data so sessions survive restarts. */
function resolveSecret(secret: string | undefined, production: boolean, dataDir: string): string {
  if (!secret && process.env.NEXT_PHASE === 'phase-production-build') {
    return crypto.randomBytes(32).toString('hex') // the build signs nothing
  }
  if (secret) {
    if (production && secret.length < 32) {
      throw new ConfigurationError('PAYLOAD_SECRET must be at least 32 characters when NODE_ENV=production.')
    }
    return secret
  }
  if (production) throw new ConfigurationError('PAYLOAD_SECRET is required when NODE_ENV=production.')
  const file = path.join(dataDir, '.payload-secret')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  fs.mkdirSync(dataDir, { recursive: true })
  const generated = crypto.randomBytes(32).toString('hex')
  fs.writeFileSync(file, generated, { mode: 0o600 })
  return generated
}

function parseFrom(value: string): Settings['emailFrom'] {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(value)
  if (match) return { name: match[1] || 'ICE Out of Courts Toolkit', address: match[2]! }
  return { name: 'ICE Out of Courts Toolkit', address: value.trim() }
}

function parseUploadLimit(value: string | undefined): number {
  if (!value) return 25 * 1024 * 1024
  const megabytes = Number(value)
  if (!Number.isFinite(megabytes) || megabytes <= 0) {
    throw new ConfigurationError(`UPLOAD_LIMIT_MB must be a positive number of megabytes, not "${value}".`)
  }
  return Math.floor(megabytes * 1024 * 1024)
}

// ---------------------------------------------------------------------------------------------
// Production and scale: shared storage, shared rate-limit state, where jobs run, metrics access.

export type S3Settings = {
  bucket: string
  region: string
  /** MinIO or another S3-compatible server; unset for AWS S3 itself. */
  endpoint?: string
  /** Unset: the AWS SDK's default chain (instance role, AWS_* variables). */
  credentials?: { accessKeyId: string; secretAccessKey: string }
  /** MinIO and most S3-compatible servers need path-style URLs. */
  forcePathStyle: boolean
}

export type ProductionSettings = {
  /** Uploads go to S3-compatible storage when set (`@payloadcms/storage-s3`); local disk otherwise. */
  s3?: S3Settings
  /** Shared state (the rate limiter) lives in Redis when set; in process memory otherwise. */
  redisUrl?: string
  /** Run queued and scheduled jobs (emails, publishing, reminders, retention) in this process: on by default for a single instance, off under NODE_ENV=test; exactly one instance may when several share a database. */
  jobsAutoRun: boolean
  /** Bearer token for GET /metrics (see src/http/metrics.ts for the behaviour without one). */
  metricsToken?: string
  /** READ_MODEL (on unless off): answer the anonymous reads it can from the read model of published resources (src/readModel); SQLite only. */
  readModel: boolean
}

const S3_VARIABLES = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const

export function parseProductionSettings(env: Env): ProductionSettings {
  return {
    s3: parseS3(env),
    redisUrl: parseRedisUrl(env.REDIS_URL),
    jobsAutoRun: parseBoolean('JOBS_AUTORUN', env.JOBS_AUTORUN, env.NODE_ENV !== 'test'),
    metricsToken: parseMetricsToken(env.METRICS_TOKEN),
    // Off by default until a render can no longer race a commit under load (docs/BENCHMARKS.md "Read model").
    readModel: parseOnOff('READ_MODEL', env.READ_MODEL, true),
  }
}

function parseS3(env: Env): S3Settings | undefined {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) {
    const stray = S3_VARIABLES.filter((name) => env[name])
    if (stray.length) throw new ConfigurationError(`${stray.join(', ')} set without S3_BUCKET: set S3_BUCKET too, or unset them.`)
    return undefined
  }
  // AWS's naming rules, which MinIO follows too.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..')) {
    throw new ConfigurationError(
      `S3_BUCKET must be 3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit; got "${bucket}".`,
    )
  }
  let endpoint: string | undefined
  if (env.S3_ENDPOINT) {
    let url: URL | undefined
    try {
      url = new URL(env.S3_ENDPOINT)
    } catch {
      url = undefined
    }
    if (!url || !['http:', 'https:'].includes(url.protocol)) {
      throw new ConfigurationError(`S3_ENDPOINT must be an http(s) URL such as http://minio:9000; got "${env.S3_ENDPOINT}".`)
    }
    endpoint = url.toString().replace(/\/$/, '')
  }
  const region = env.S3_REGION?.trim() || (endpoint ? 'us-east-1' : '')
  if (!region) throw new ConfigurationError('S3_REGION is required with S3_BUCKET on AWS S3 (e.g. us-east-1).')
  if (!/^[a-z0-9-]+$/.test(region)) throw new ConfigurationError(`S3_REGION must look like us-east-1; got "${region}".`)
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim()
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim()
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new ConfigurationError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or both unset to use an instance role).')
  }
  return {
    bucket,
    region,
    endpoint,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    forcePathStyle: Boolean(endpoint),
  }
}

function parseRedisUrl(value: string | undefined): string | undefined {
  if (!value) return undefined
  if (!/^rediss?:\/\/[^/\s]+/.test(value)) {
    throw new ConfigurationError(`REDIS_URL must be redis://host:6379 or rediss://… (TLS); got "${value.replace(/\/\/[^@/]*@/, '//…@')}".`)
  }
  return value
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback
  if (value === 'true' || value === '1') return true
  if (value === 'false' || value === '0') return false
  throw new ConfigurationError(`${name} must be true or false; got "${value}".`)
}

function parseOnOff(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback
  if (['on', 'true', '1'].includes(value)) return true
  if (['off', 'false', '0'].includes(value)) return false
  throw new ConfigurationError(`${name} must be on or off; got "${value}".`)
}

function parseMetricsToken(value: string | undefined): string | undefined {
  if (!value) return undefined
  // Sent in a header by the scraper: header-safe characters only, long enough not to be guessed.
  if (!/^[A-Za-z0-9._~+/=-]{16,256}$/.test(value)) {
    throw new ConfigurationError('METRICS_TOKEN must be 16-256 characters of letters, digits and ._~+/=- (e.g. openssl rand -hex 32).')
  }
  return value
}
