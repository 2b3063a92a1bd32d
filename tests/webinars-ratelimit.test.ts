import { describe, expect, it } from '@jest/globals'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import { createRateLimiter } from '../src/http/rateLimit'
import { ConfigurationError, loadSettings } from '../src/settings'

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

describe('webinar settings', () => {
  const base = { DATA_DIR: '/tmp/cms-settings-test', PAYLOAD_SECRET: 'x'.repeat(32) }
  it('defaults to 10 sign-ups a minute and 30 days of retention, and refuses nonsense with one clear line', () => {
    const settings = loadSettings(base)
    // Jobs run by default in a single instance, and not under NODE_ENV=test.
    expect([settings.registrationRateLimit, settings.registrationRetentionDays, settings.redisUrl, settings.jobsAutoRun]).toEqual([10, 30, undefined, true])
    expect(loadSettings({ ...base, NODE_ENV: 'test' }).jobsAutoRun).toBe(false)
    expect(loadSettings({ ...base, REGISTRATION_RETENTION_DAYS: '7', JOBS_AUTORUN: 'false' })).toMatchObject({ registrationRetentionDays: 7, jobsAutoRun: false })
    expect(() => loadSettings({ ...base, REGISTRATION_RATE_LIMIT: 'ten' })).toThrow(ConfigurationError)
    expect(() => loadSettings({ ...base, REGISTRATION_RETENTION_DAYS: '-1' })).toThrow(/REGISTRATION_RETENTION_DAYS/)
  })
})
