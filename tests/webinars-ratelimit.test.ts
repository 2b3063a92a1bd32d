import { describe, expect, it } from '@jest/globals'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import { createRateLimiter } from '../src/http/rateLimit'

async function spend(limiter: ReturnType<typeof createRateLimiter>['limiter'], times: number) {
  const outcomes: (number | 'refused')[] = []
  for (let i = 0; i < times; i++) {
    try {
      outcomes.push((await limiter.consume('203.0.113.7')).remainingPoints)
    } catch (rejection) {
      expect(rejection).toBeInstanceOf(RateLimiterRes)
      outcomes.push('refused')
    }
  }
  return outcomes
}

describe('the registration rate limiter', () => {
  it('counts in memory by default', async () => {
    const { limiter, close } = createRateLimiter({ keyPrefix: 't', points: 2, durationSeconds: 60 })
    expect(limiter).toBeInstanceOf(RateLimiterMemory)
    expect(await spend(limiter, 3)).toEqual([1, 0, 'refused'])
    await close()
  })

  it('uses Redis when REDIS_URL is set, and keeps limiting in memory while Redis is unreachable', async () => {
    const { limiter, close } = createRateLimiter({ keyPrefix: 't', points: 2, durationSeconds: 60, redisUrl: 'redis://127.0.0.1:1' })
    expect(limiter).toBeInstanceOf(RateLimiterRedis)
    expect(await spend(limiter, 3)).toEqual([1, 0, 'refused'])
    await close()
  })
})
