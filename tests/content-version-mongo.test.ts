/**
 * The MongoDB part of the public content version (src/cache/mongoContentVersion.ts), driven with a
 * fake ChangeStream (an EventEmitter, as the driver's is) and the driver's event and error shapes:
 * no MongoDB server runs here. The shared part (the row, the hooks) is tested on SQLite by
 * tests/public-content-version.test.ts.
 */
import { EventEmitter } from 'node:events'
import { describe, expect, it } from '@jest/globals'
import { MongoContentVersion, streamFailureCause } from '../src/cache/mongoContentVersion'

class FakeStream extends EventEmitter {
  closed = false
  async close() {
    this.closed = true
  }
}

/** The errors the driver (mongodb 6) emits, by their shapes: name, code, codeName, message. */
const mongoError = (name: string, message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { name, ...extra })
const NOT_A_REPLICA_SET = mongoError('MongoServerError', 'The $changeStream stage is only supported on replica sets', { code: 40573, codeName: 'Location40573' })
const UNREACHABLE = mongoError('MongoServerSelectionError', 'connect ECONNREFUSED 10.0.0.5:27017')
const NETWORK = mongoError('MongoNetworkError', 'connection 3 to 10.0.0.5:27017 closed')
const UNAUTHORIZED = mongoError('MongoServerError', 'not authorized on cms to execute command { aggregate: "globals" }', { code: 13, codeName: 'Unauthorized' })
const HISTORY_LOST = mongoError('MongoServerError', 'Resume of change stream was not possible', { code: 286, codeName: 'ChangeStreamHistoryLost' })

/** The follower with a fake clock, fake timers, a fake stream per opening and a fake version document. */
function setUp(options: { failOpen?: unknown[] } = {}) {
  let now = 1_000_000
  const timers: { run: () => void; at: number; cancelled: boolean }[] = []
  const streams: FakeStream[] = []
  const failOpen = [...(options.failOpen ?? [])]
  const logs: { level: 'warn' | 'info'; message: string }[] = []
  const doc = { token: 'A', reads: 0 }
  const follower = new MongoContentVersion({
    open: () => {
      const failure = failOpen.shift()
      if (failure) throw failure
      const stream = new FakeStream()
      streams.push(stream)
      return stream
    },
    read: async () => {
      doc.reads++
      return doc.token
    },
    logger: { warn: (message) => logs.push({ level: 'warn', message }), info: (message) => logs.push({ level: 'info', message }) },
    pollMs: 1000,
    retryMs: 1000,
    maxRetryMs: 8000,
    pendingMs: 30_000,
    now: () => now,
    schedule: (run, ms) => {
      const timer = { run, at: now + ms, cancelled: false }
      timers.push(timer)
      return { cancel: () => void (timer.cancelled = true) }
    },
  })
  const advance = (ms: number) => {
    now += ms
    for (const timer of timers.filter((t) => !t.cancelled && t.at <= now)) {
      timer.cancelled = true
      timer.run()
    }
  }
  const pendingDelays = () => timers.filter((t) => !t.cancelled).map((t) => t.at - now)
  const latest = () => streams[streams.length - 1]!
  /** What the driver emits once the server has opened the stream. */
  const serverOpens = () => latest().emit('resumeTokenChanged', { _data: '8263' })
  const changeOf = (token: string) => ({ _id: { _data: token }, operationType: 'update', updateDescription: { updatedFields: { token } } })
  return { follower, doc, logs, streams, latest, serverOpens, changeOf, advance, pendingDelays }
}

describe('the MongoDB content version', () => {
  it('follows the change stream: one version while nothing changes, a new one per change, no database read', async () => {
    const t = setUp()
    t.follower.start()
    t.serverOpens()
    const first = await t.follower.current()
    expect(await t.follower.current()).toBe(first)
    t.latest().emit('change', t.changeOf('B'))
    const second = await t.follower.current()
    expect(second).not.toBe(first)
    expect(await t.follower.current()).toBe(second)
    expect(t.doc.reads).toBe(0)
  })

  it('before the server confirms the stream, reads the version document', async () => {
    const t = setUp()
    t.follower.start()
    expect(await t.follower.current()).toBe('dA')
    t.doc.token = 'B'
    t.advance(1000)
    expect(await t.follower.current()).toBe('dB')
  })

  it("shows this process's own write at once, before the stream reports it, and goes back to the stream after", async () => {
    const t = setUp()
    t.follower.start()
    t.serverOpens()
    const before = await t.follower.current()
    t.follower.wrote('B') // in the writing transaction, not yet committed
    expect(await t.follower.current()).toBe('dA') // not committed: every call reads
    t.doc.token = 'B' // committed
    expect(await t.follower.current()).toBe('dB')
    // Until the stream reports it, never the version answers were cached under before the write.
    expect(await t.follower.current()).toBe('dB')
    const reads = t.doc.reads
    t.latest().emit('change', t.changeOf('B'))
    const after = await t.follower.current()
    expect(after).not.toBe(before)
    expect(after.startsWith('s')).toBe(true)
    expect(t.doc.reads).toBe(reads)
  })

  it('a write of ours that never commits stops forcing reads after pendingMs', async () => {
    const t = setUp()
    t.follower.start()
    t.serverOpens()
    t.follower.wrote('rolled-back')
    await t.follower.current()
    t.advance(30_001)
    const reads = t.doc.reads
    expect((await t.follower.current()).startsWith('s')).toBe(true)
    expect(t.doc.reads).toBe(reads)
  })

  it.each([
    ['not a replica set', NOT_A_REPLICA_SET, /not a replica set member/],
    ['server unreachable', UNREACHABLE, /cannot be reached \(connect ECONNREFUSED/],
    ['network error', NETWORK, /cannot be reached/],
    ['not authorized', UNAUTHORIZED, /may not watch changes: it needs the changeStream and find actions/],
    ['history lost', HISTORY_LOST, /could not be resumed/],
  ])('on an error (%s): warns once with its cause, polls the document, reopens with backoff', async (_what, error, cause) => {
    const t = setUp()
    t.follower.start()
    t.serverOpens()
    const following = await t.follower.current()
    const stream = t.latest()
    stream.emit('error', error)
    stream.emit('close') // the driver closes the stream after an error it cannot resume from
    expect(stream.closed).toBe(true)
    expect(t.logs.filter((l) => l.level === 'warn')).toHaveLength(1)
    expect(t.logs[0]!.message).toMatch(cause)
    expect(t.follower.isFollowing).toBe(false)

    // Reopened after the first delay: 1 s, with jitter down to half of it.
    expect(t.pendingDelays()[0]).toBeLessThanOrEqual(1000)
    expect(t.pendingDelays()[0]).toBeGreaterThanOrEqual(500)
    // While down: the document, read at most every pollMs; another instance's write shows after it.
    expect(await t.follower.current()).toBe('dA')
    t.doc.token = 'C'
    expect(await t.follower.current()).toBe('dA')
    t.advance(1000)
    expect(t.streams).toHaveLength(2)
    expect(await t.follower.current()).toBe('dC')
    t.latest().emit('error', error)
    expect(t.logs.filter((l) => l.level === 'warn')).toHaveLength(1) // one warning per outage
    expect(t.pendingDelays()[0]).toBeGreaterThanOrEqual(1000) // doubled: 2 s with jitter
    expect(t.pendingDelays()[0]).toBeLessThanOrEqual(2000)
    t.advance(2000)
    t.serverOpens()
    expect(t.follower.isFollowing).toBe(true)
    expect(t.logs.at(-1)).toEqual({ level: 'info', message: expect.stringMatching(/follows changes again/) })
    const back = await t.follower.current()
    expect(back).not.toBe(following) // nothing cached before or during the outage is reused
    expect(back.startsWith('s')).toBe(true)
  })

  it('keeps retrying when opening throws, the delay capped at maxRetryMs', async () => {
    const t = setUp({ failOpen: [UNREACHABLE, UNREACHABLE, UNREACHABLE, UNREACHABLE, UNREACHABLE, UNREACHABLE] })
    t.follower.start()
    for (let i = 0; i < 6; i++) {
      expect(t.pendingDelays()).toHaveLength(1)
      expect(t.pendingDelays()[0]).toBeLessThanOrEqual(8000)
      t.advance(8000)
    }
    expect(t.streams).toHaveLength(1)
    t.serverOpens()
    expect(t.follower.isFollowing).toBe(true)
    expect(t.logs.filter((l) => l.level === 'warn')).toHaveLength(1)
  })

  it('a stream that closes without an error is reopened too; stop() closes it and reopens nothing', async () => {
    const t = setUp()
    t.follower.start()
    t.serverOpens()
    t.latest().emit('close')
    expect(t.follower.isFollowing).toBe(false)
    expect(t.logs[0]!.message).toMatch(/the change stream closed/)
    t.advance(1000)
    expect(t.streams).toHaveLength(2)
    await t.follower.stop()
    expect(t.latest().closed).toBe(true)
    t.latest().emit('error', UNREACHABLE)
    t.advance(60_000)
    expect(t.streams).toHaveLength(2)
  })

  it('events of a stream it has given up are ignored', async () => {
    const t = setUp()
    t.follower.start()
    t.serverOpens()
    const old = t.latest()
    old.emit('error', NETWORK)
    t.advance(1000)
    t.serverOpens()
    const version = await t.follower.current()
    old.emit('change', t.changeOf('X'))
    expect(await t.follower.current()).toBe(version)
  })

  it('names an unknown error by its message', () => {
    expect(streamFailureCause(new Error('something odd'))).toBe('something odd')
  })
})
