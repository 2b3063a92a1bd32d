/**
 * The public content version on MongoDB (src/cache/publicContentVersion.ts has the rest): other
 * instances' changes arrive through a change stream on the version document; while the stream
 * is down (no replica set, the server unreachable, the user may not watch) the document itself
 * is read, and the stream is reopened with a growing, jittered delay.
 *
 * The version it reports is a string that changes whenever public content may have changed:
 * - `s<epoch>.<events>` while the stream follows (confirmed open: the driver reported its first
 *   resume token). Each (re)opening is a new epoch, so nothing cached while it was down is reused;
 * - `d<token>` otherwise: the document's token, read at most every `pollMs` (other instances'
 *   writes show within that), and on every call while this process has a write of its own in
 *   flight, so its own publish is visible on its very next read, whatever the stream's delay.
 * Only the driver's event and error shapes are used; tests/content-version-mongo.test.ts drives
 * it with a fake stream.
 */

/** What it needs of the driver's ChangeStream (an EventEmitter with close()). */
export type ChangeStreamLike = {
  on(event: string, listener: (arg?: unknown) => void): unknown
  close(): Promise<void>
}

export type MongoContentVersionOptions = {
  /** Opens the change stream on the version document (may throw). */
  open: () => ChangeStreamLike
  /** Reads the version document's token. */
  read: () => Promise<string>
  logger: { warn: (message: string) => void; info: (message: string) => void }
  /** While the stream is down, the longest another instance's change may go unseen. */
  pollMs?: number
  /** Delay before the first reopening, doubling up to maxMs. */
  retryMs?: number
  maxRetryMs?: number
  /** A write of ours never seen (its transaction rolled back) stops counting after this. */
  pendingMs?: number
  now?: () => number
  schedule?: (run: () => void, ms: number) => { cancel: () => void }
}

type Change = { updateDescription?: { updatedFields?: { token?: unknown } }; fullDocument?: { token?: unknown } }

const defaultSchedule = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms)
  timer.unref()
  return { cancel: () => clearTimeout(timer) }
}

export class MongoContentVersion {
  private stream?: ChangeStreamLike
  private following = false
  private epoch = 0
  private events = 0
  private failures = 0
  private outage = false
  private stopped = false
  private retry?: { cancel: () => void }
  /** Tokens this process wrote, not yet seen committed, with when they were written. */
  private readonly pending = new Map<string, number>()
  private polled?: { token: string; at: number }
  private polling?: Promise<string>
  private readonly now: () => number
  private readonly schedule: NonNullable<MongoContentVersionOptions['schedule']>

  constructor(private readonly options: MongoContentVersionOptions) {
    this.now = options.now ?? Date.now
    this.schedule = options.schedule ?? defaultSchedule
  }

  start(): void {
    this.stopped = false
    this.open()
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.retry?.cancel()
    const stream = this.stream
    this.stream = undefined
    this.following = false
    await stream?.close().catch(() => undefined)
  }

  /** This process wrote `token` in a transaction not yet committed. */
  wrote(token: string): void {
    this.pending.set(token, this.now())
  }

  async current(): Promise<string> {
    const limit = this.now() - (this.options.pendingMs ?? 30_000)
    for (const [token, at] of this.pending) if (at < limit) this.pending.delete(token)
    if (this.following && this.pending.size === 0) return `s${this.epoch}.${this.events}`
    return `d${await this.poll(this.pending.size > 0)}`
  }

  /** Whether the stream follows changes now (for logs and tests). */
  get isFollowing(): boolean {
    return this.following
  }

  private async poll(fresh: boolean): Promise<string> {
    // A read begun before our write committed could return the old token: with a write of ours in
    // flight every call reads anew.
    if (!fresh) {
      if (this.polled && this.now() - this.polled.at < (this.options.pollMs ?? 1000)) return this.polled.token
      if (this.polling) return this.polling
    }
    const at = this.now()
    const reading = this.options.read().then((token) => {
      if (!this.polled || at >= this.polled.at) this.polled = { token, at }
      // Seen committed: while the stream is down, the read is how our write becomes known.
      if (!this.following) this.pending.delete(token)
      return token
    })
    if (!fresh) {
      this.polling = reading
      void reading.then(
        () => this.polling === reading && (this.polling = undefined),
        () => this.polling === reading && (this.polling = undefined),
      )
    }
    return reading
  }

  private open(): void {
    if (this.stopped) return
    let stream: ChangeStreamLike
    try {
      stream = this.options.open()
    } catch (error) {
      this.failed(error)
      return
    }
    this.stream = stream
    const confirm = () => {
      if (this.stream !== stream || this.following) return
      this.following = true
      this.epoch++
      this.failures = 0
      if (this.outage) this.options.logger.info('Public cache: the MongoDB change stream follows changes again')
      this.outage = false
    }
    // The driver stores the first resume token once the server has opened the stream.
    stream.on('resumeTokenChanged', confirm)
    stream.on('change', (change) => {
      if (this.stream !== stream) return
      confirm()
      this.events++
      const token = tokenOf(change as Change)
      if (token) this.pending.delete(token)
    })
    stream.on('error', (error) => this.ended(stream, error))
    // The driver closes the stream after an error it could not resume from (and emits both).
    stream.on('close', () => this.ended(stream, new Error('the change stream closed')))
  }

  private ended(stream: ChangeStreamLike, error: unknown): void {
    if (this.stream !== stream || this.stopped) return
    this.stream = undefined
    this.following = false
    void stream.close().catch(() => undefined)
    this.failed(error)
  }

  private failed(error: unknown): void {
    const first = this.options.retryMs ?? 1000
    const delay = Math.min(this.options.maxRetryMs ?? 60_000, first * 2 ** this.failures)
    this.failures++
    if (!this.outage) {
      this.outage = true
      const seconds = Math.max(1, Math.round((this.options.pollMs ?? 1000) / 1000))
      this.options.logger.warn(
        `Public cache: no MongoDB change stream (${streamFailureCause(error)}); reading the content version from the database (other instances' changes show within ${seconds} s) and reopening the stream with backoff`,
      )
    }
    // Jitter: instances that lost the server together do not all come back at the same moment.
    this.retry = this.schedule(() => this.open(), Math.round(delay * (0.5 + Math.random() / 2)))
  }
}

function tokenOf(change: Change | undefined): string | undefined {
  const token = change?.updateDescription?.updatedFields?.token ?? change?.fullDocument?.token
  return typeof token === 'string' ? token : undefined
}

/** Why the stream failed, in words an operator can act on, from the driver's error shapes. */
export function streamFailureCause(error: unknown): string {
  const { name, code, codeName, message } = (error ?? {}) as { name?: string; code?: unknown; codeName?: string; message?: string }
  const text = message ?? String(error)
  if (code === 40573 || /only supported on replica sets/i.test(text)) {
    return 'the server is not a replica set member: change streams need one, as in docker-compose.yml'
  }
  if (code === 13 || codeName === 'Unauthorized') return `the database user may not watch changes: it needs the changeStream and find actions (${text})`
  if (code === 286 || codeName === 'ChangeStreamHistoryLost' || code === 280 || codeName === 'ChangeStreamFatalError') {
    return `the stream could not be resumed (${text})`
  }
  if (name && /^Mongo(ServerSelection|Network|NetworkTimeout|TopologyClosed)Error$/.test(name)) return `the server cannot be reached (${text})`
  return text
}
