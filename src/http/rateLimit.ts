/**
 * The one place rate limiters are built: in memory (one process) by default, in Redis when
 * REDIS_URL is set so every instance behind a load balancer shares the same counts.
 */
import type { RequestHandler } from 'express'
import { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { clientAddress } from './clientAddress'
import { errorBody } from './errors'

export type RateLimit = { limiter: RateLimiterAbstract; close: () => Promise<void> }

export function createRateLimiter(opts: { keyPrefix: string; points: number; durationSeconds: number; redisUrl?: string }): RateLimit {
  const base = { keyPrefix: opts.keyPrefix, points: opts.points, duration: opts.durationSeconds }
  if (!opts.redisUrl) return { limiter: new RateLimiterMemory(base), close: async () => {} }
  const client = new Redis(opts.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
  client.on('error', () => {}) // reconnects on its own; while down, the in-memory insurance limiter counts
  return {
    limiter: new RateLimiterRedis({ ...base, storeClient: client, insuranceLimiter: new RateLimiterMemory(base) }),
    close: async () => {
      client.disconnect()
    },
  }
}

/** express middleware: one point per request from the client address (./clientAddress.ts); 429 with Retry-After when spent. */
export function rateLimitByAddress(limiter: RateLimiterAbstract, message: string): RequestHandler {
  return async (req, res, next) => {
    try {
      await limiter.consume(clientAddress(req))
      next()
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) return next(rejection)
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))))
      res.setHeader('Cache-Control', 'no-store')
      res.status(429).json(errorBody(message))
    }
  }
}

/**
 * For endpoints whose answer must not tell anything (POST /api/subscriptions): over the limit,
 * the same 202 and body an accepted request gets, and nothing is done.
 */
export function acceptSilentlyWhenLimited(limiter: RateLimiterAbstract, body: object): RequestHandler {
  return async (req, res, next) => {
    try {
      await limiter.consume(clientAddress(req))
      next()
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) return next(rejection)
      res.setHeader('Cache-Control', 'no-store')
      res.status(202).json(body)
    }
  }
}
