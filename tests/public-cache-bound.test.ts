// The public response cache holds at most PUBLIC_CACHE_MB of bodies (issue 19, memory): before,
// 1,000 entries of up to 512 KB each could hold half a gigabyte.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { PublicResponseCache } from '../src/cache/publicResponses'
import { ConfigurationError, loadSettings } from '../src/settings'
import { startTestApp, type TestApp } from './helpers/testApp'

const body = (bytes: number) => ({ status: 200, headers: [] as [string, string][], body: new Uint8Array(bytes) })

describe('the public response cache bound', () => {
  it('drops the least recently used entries once the bodies exceed its bytes', () => {
    const cache = new PublicResponseCache({ maxBytes: 1000 })
    cache.set('a', 'v1', body(400))
    cache.set('b', 'v1', body(400))
    cache.get('a', 'v1') // a is now the most recently used
    cache.set('c', 'v1', body(400))
    expect(cache.size).toEqual({ entries: 2, bytes: 800 })
    expect(cache.get('b', 'v1')).toBeUndefined()
    expect(cache.get('a', 'v1')).toBeDefined()
    expect(cache.get('c', 'v1')).toBeDefined()
  })

  it('stores no body larger than the whole cache, and counts a replaced or expired entry once', () => {
    const cache = new PublicResponseCache({ maxBytes: 1000 })
    cache.set('big', 'v1', body(1001))
    expect(cache.size).toEqual({ entries: 0, bytes: 0 })
    cache.set('a', 'v1', body(300))
    cache.set('a', 'v1', body(500))
    expect(cache.size).toEqual({ entries: 1, bytes: 500 })
    expect(cache.get('a', 'v2')).toBeUndefined() // another content version: dropped
    expect(cache.size).toEqual({ entries: 0, bytes: 0 })
  })

  it('refuses a PUBLIC_CACHE_MB that is not a whole number', () => {
    expect(() => loadSettings({ PUBLIC_CACHE_MB: 'lots' })).toThrow(ConfigurationError)
    expect(() => loadSettings({ PUBLIC_CACHE_MB: '-1' })).toThrow(/PUBLIC_CACHE_MB/)
    expect(loadSettings({}).publicCacheMb).toBe(32)
  })
})

describe('PUBLIC_CACHE_MB through the real stack', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ PUBLIC_CACHE_MB: '1' })
    // 100 topics with long names: a page of them is ~20 KB.
    for (let n = 0; n < 100; n++) {
      await app.payload.create({ collection: 'topics', data: { name: `${'A long topic name to make a large page '.repeat(2)}${n}`.slice(0, 120), slug: `bound-${n}` } })
    }
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('keeps the anonymous answers it caches within the bound, the newest ones served from memory', async () => {
    // Distinct anonymous reads (each its own key) until their bodies add up to three times the bound.
    const paths: string[] = []
    let sent = 0
    for (let n = 0; sent < 3 * 1024 * 1024 && n < 1000; n++) {
      const path = `/api/topics?limit=100&locale=all&where[slug][not_equals]=x-${n}`
      const res = await request(app.url).get(path).expect(200)
      sent += Buffer.byteLength(res.text)
      paths.push(path)
    }
    expect(sent).toBeGreaterThan(3 * 1024 * 1024)
    const { entries, bytes } = app.publicCache.size
    expect(bytes).toBeLessThanOrEqual(1024 * 1024)
    expect(entries).toBeGreaterThan(0)
    expect(entries).toBeLessThan(paths.length)

    const { hits } = app.publicCache.stats
    await request(app.url).get(paths.at(-1)!).expect(200)
    expect(app.publicCache.stats.hits).toBe(hits + 1)
    await request(app.url).get(paths[0]!).expect(200) // evicted long ago: a miss
    expect(app.publicCache.stats.hits).toBe(hits + 1)
  })
})
