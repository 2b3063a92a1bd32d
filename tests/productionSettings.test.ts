import { describe, expect, it } from '@jest/globals'
import { ConfigurationError, loadSettings, type Env } from '../src/settings'

const base: Env = { PAYLOAD_SECRET: 'a'.repeat(32), DATA_DIR: '/tmp/cms-settings-test' }
const load = (env: Env) => loadSettings({ ...base, ...env })

describe('production settings: S3, Redis, jobs, metrics', () => {
  it('leaves everything off by default', () => {
    const settings = load({})
    expect(settings.s3).toBeUndefined()
    expect(settings.redisUrl).toBeUndefined()
    // Jobs run by default in a single instance; not under NODE_ENV=test.
    expect(settings.jobsAutoRun).toBe(true)
    expect(load({ NODE_ENV: 'test' }).jobsAutoRun).toBe(false)
    expect(settings.metricsToken).toBeUndefined()
  })

  it('parses a MinIO configuration with path-style URLs and a default region', () => {
    const { s3 } = load({
      S3_BUCKET: 'toolkit-documents',
      S3_ENDPOINT: 'http://minio:9000/',
      S3_ACCESS_KEY_ID: 'minio',
      S3_SECRET_ACCESS_KEY: 'minio-secret',
    })
    expect(s3).toEqual({
      bucket: 'toolkit-documents',
      region: 'us-east-1',
      endpoint: 'http://minio:9000',
      credentials: { accessKeyId: 'minio', secretAccessKey: 'minio-secret' },
      forcePathStyle: true,
    })
  })

  it('accepts AWS S3 with an instance role (no keys) when a region is given', () => {
    expect(load({ S3_BUCKET: 'toolkit.docs', S3_REGION: 'eu-west-1' }).s3).toEqual({
      bucket: 'toolkit.docs',
      region: 'eu-west-1',
      endpoint: undefined,
      credentials: undefined,
      forcePathStyle: false,
    })
  })

  it.each([
    [{ S3_ENDPOINT: 'http://minio:9000' }, /S3_ENDPOINT set without S3_BUCKET/],
    [{ S3_BUCKET: 'Bad_Bucket' }, /S3_BUCKET must be 3-63 lowercase/],
    [{ S3_BUCKET: 'docs' }, /S3_REGION is required/],
    [{ S3_BUCKET: 'docs', S3_ENDPOINT: 'minio:9000' }, /S3_ENDPOINT must be an http\(s\) URL/],
    [{ S3_BUCKET: 'docs', S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: 'only-one' }, /must be set together/],
    [{ REDIS_URL: 'localhost:6379' }, /REDIS_URL must be redis:\/\/host:6379/],
    [{ JOBS_AUTORUN: 'yes' }, /JOBS_AUTORUN must be true or false; got "yes"/],
    [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN must be 16-256 characters/],
    [{ METRICS_TOKEN: 'has spaces in it, long enough' }, /METRICS_TOKEN must be/],
  ])('refuses %j with a clear message', (env, message) => {
    expect(() => load(env as Env)).toThrow(ConfigurationError)
    expect(() => load(env as Env)).toThrow(message)
  })

  it('does not echo a password from REDIS_URL in its error', () => {
    expect(() => load({ REDIS_URL: 'http://user:hunter2@redis:6379' })).toThrow(/\/\/…@redis/)
    expect(() => load({ REDIS_URL: 'http://user:hunter2@redis:6379' })).not.toThrow(/hunter2/)
  })

  it('accepts the valid forms', () => {
    const settings = load({ REDIS_URL: 'rediss://:pw@redis.example:6380/0', JOBS_AUTORUN: 'true', METRICS_TOKEN: 'f'.repeat(64) })
    expect(settings.redisUrl).toBe('rediss://:pw@redis.example:6380/0')
    expect(settings.jobsAutoRun).toBe(true)
    expect(settings.metricsToken).toBe('f'.repeat(64))
  })
})
