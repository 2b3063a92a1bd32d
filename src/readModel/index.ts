/**
 * The read model of published resources (issue 19): Payload's own anonymous rendering of every
 * published resource, stored per locale and depth (./render.ts, ./store.ts), so that the
 * anonymous reads ./query.ts accepts are answered by one indexed query for the page and one for
 * the count, the stored JSON strings joined without parsing.
 *
 * Never a half state: a write to what the model shows marks it unsettled from the moment its
 * transaction starts to commit (or from its hook, outside a transaction) until the resources it
 * affects have been rendered again; while unsettled, and while (re)building, every read goes to
 * Payload. While the write's transaction is still open the model keeps answering: it answers what
 * the database has committed, as Payload's own read would at that moment.
 */
import type { Payload, PayloadRequest } from 'payload'
import { buildAll, countMismatch } from './build'
import { listBody } from './listBody'
import { readModelQuery } from './query'
import { verificationClock } from '../verification/clock'
import { renderTouched, type Touch } from './rerender'
import { markPending, type ReadModelStore, storeFor } from './stores'

type TransactionId = string | number

/** A transaction that never reports its end still gets its resources rendered after this long. */
const PENDING_LIMIT_MS = 60_000
/** Writes another process marked and has not rendered after this long: this process rebuilds the model. */
const ORPHAN_AFTER_MS = 15_000
/** How long a render waits for the reading connection to see the writes it renders (see untilVisible). */
const VISIBLE_LIMIT_MS = 10_000
const VISIBLE_POLL_MS = 10
/**
 * A read that finds a write being rendered waits this long for it before Payload answers: the render
 * of a publish takes tens of milliseconds, and reads sent to Payload meanwhile (each ten times a
 * model answer's work) held the event loop and stretched it tenfold under load. Not once the model
 * has been unsettled for longer than SETTLE_WAIT_UNTIL_MS (a rebuild, a run of writes): those go
 * straight to Payload. Never a stale answer: the model answers only once settled.
 */
const SETTLE_WAIT_MS = 500
const SETTLE_WAIT_UNTIL_MS = 1_000

export class ReadModel {
  /** READ_MODEL: off means every read goes to Payload and nothing is rendered. */
  enabled = false
  /** Answer reads from the model (kept up to date either way): the test and the benchmark compare with it off. */
  serving = true
  private payload?: Payload
  private store?: ReadModelStore
  private ready = false
  private failed = false
  /** Touches of transactions still open (their writes are invisible to reads until they commit). */
  private readonly pending = new Map<TransactionId, { token?: string; touches: Touch[] }>()
  /** Transactions with touches whose commit (or rollback) has begun: unsettled until they are queued. */
  private readonly ending = new Set<TransactionId>()
  private readonly queue: Touch[] = []
  /** The pending-write tokens (./store.ts) of the touches queued: settled with their rendering. */
  private readonly queuedTokens: string[] = []
  /** Tokens this process will settle itself (any other is another process's). */
  private readonly ownTokens = new Set<string>()
  private orphanCheck?: NodeJS.Timeout
  private work: Promise<void> = Promise.resolve()
  private working = 0
  /** Moves when the app closes: work queued for it is dropped. */
  private epoch = 0
  /** Moves on every touch: a read that saw it move while querying goes to Payload. */
  private generation = 0
  private readyWaiters: (() => void)[] = []
  private nextStaleCheck = 0
  /** When a read first found the model unsettled (cleared once settled): see SETTLE_WAIT_MS. */
  private unsettledSince?: number
  /** For the benchmark and metrics: answers served, and what rendering after writes cost. */
  readonly stats = { served: 0, renders: 0, renderedResources: 0, renderMs: 0, buildMs: 0, builtResources: 0, settleWaits: 0, settleWaitsInVain: 0 }

  /** Nothing written is waiting to be rendered, and the model is complete. */
  get settled(): boolean {
    return this.ready && !this.failed && this.ending.size === 0 && this.queue.length === 0 && this.working === 0
  }

  /** Opens the model on `payload`'s database; builds it in the background when missing, of another format, or of another count. */
  async start(payload: Payload, enabled: boolean, { rebuild = false } = {}): Promise<void> {
    // One model per app: a test process starts several, one after another.
    await this.stop()
    this.enabled = enabled
    if (!enabled) return
    this.payload = payload
    this.store = await storeFor(payload)
    if (!this.store) {
      this.enabled = false
      payload.logger.info('Read model off: it is kept on SQLite and MongoDB only; reads go to Payload')
      return
    }
    let complete: boolean
    try {
      complete = await this.store.open()
    } catch (error) {
      // The server starts without it: every read goes to Payload.
      this.enabled = false
      payload.logger.error({ err: error, msg: 'Read model: could not open its tables; reads go to Payload' })
      return
    }
    this.followTransactions(payload)
    this.enqueueWork(async () => {
      const unrendered = (await this.store!.pending()).length
      const reason = rebuild
        ? 'asked for'
        : !complete
          ? 'missing or of an older format'
          : unrendered
            ? `${unrendered} writes were never rendered`
            : await countMismatch(payload, this.store!)
      if (reason) await this.build(reason)
      this.ready = true
    })
    this.orphanCheck = setInterval(() => void this.adoptOrphans(), ORPHAN_AFTER_MS).unref()
  }

  /** Writes marked by a process that did not render them (one with READ_MODEL off, or gone): rebuild. */
  private async adoptOrphans(): Promise<void> {
    if (!this.settled || !this.store) return
    const stale = new Date(Date.now() - ORPHAN_AFTER_MS).toISOString()
    const orphans = (await this.store.pending().catch(() => [])).filter((p) => !this.ownTokens.has(p.token) && p.at < stale)
    if (orphans.length && this.settled) {
      await this.enqueueWork(async () => {
        await this.build(`${orphans.length} writes by another process were not rendered`)
        this.ready = true
      })
    }
  }

  /** Serves and renders nothing more (the app is closing); what was pending is dropped. */
  /** Stops rendering and waits for a render in flight (the app closes its database next). */
  async stop(): Promise<void> {
    this.enabled = false
    this.ready = false
    this.failed = false
    this.pending.clear()
    this.ending.clear()
    this.queue.length = 0
    this.queuedTokens.length = 0
    this.ownTokens.clear()
    clearInterval(this.orphanCheck)
    this.working = 0
    this.unsettledSince = undefined
    this.epoch++
    this.generation++
    for (const resolve of this.readyWaiters.splice(0)) resolve()
    await this.work.catch(() => undefined)
  }

  /** Resolves once the model is complete and nothing waits to be rendered (tests, the rebuild command). */
  async settle(): Promise<void> {
    while (this.enabled && !this.failed && !this.settled) {
      await new Promise<void>((resolve) => this.readyWaiters.push(resolve))
    }
  }

  /** Renders every published resource again (npm run read-model:rebuild). */
  async rebuild(): Promise<void> {
    await this.enqueueWork(async () => {
      await this.build('asked for')
      this.ready = true
    })
  }

  /** Called from hooks: `id` in `collection` was written in `req`'s transaction (if any). */
  async touch(req: PayloadRequest, collection: string, id: string | number): Promise<void> {
    this.generation++
    const touch = { collection, id: String(id) }
    const transaction = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
    const sessions = (req.payload.db as unknown as { sessions?: Record<string, unknown> }).sessions
    const open = transaction !== undefined && transaction !== null && sessions?.[String(transaction)] ? transaction : undefined
    const known = open !== undefined ? this.pending.get(open) : undefined
    if (known && this.enabled) return void known.touches.push(touch)
    // Marked in the database whether or not this process renders: a process that serves the model sees it.
    const entry = { touches: [touch], token: undefined as string | undefined }
    if (open !== undefined && this.enabled) this.pending.set(open, entry)
    try {
      entry.token = await markPending(req)
    } catch (error) {
      // Never fail the write for the model's sake (e.g. its tables dropped by a development schema push): stop serving it.
      this.failed = this.enabled
      req.payload.logger.warn({ err: error, msg: 'Read model: could not mark a write; reads go to Payload until the next start or rebuild' })
    }
    if (!this.enabled || !this.store) return
    if (entry.token) this.ownTokens.add(entry.token)
    if (open !== undefined) {
      setTimeout(() => this.ended(open), PENDING_LIMIT_MS).unref()
      return
    }
    this.queue.push(touch)
    if (entry.token) this.queuedTokens.push(entry.token)
    this.drainSoon()
  }

  /** The answer to an anonymous GET of `url`, or undefined for Payload to answer. */
  async answer(url: string): Promise<string | undefined> {
    if (!this.enabled || !this.serving || !this.payload) return undefined
    const query = readModelQuery(url, this.payload.config.routes.api)
    if (!query) return undefined
    const body = await this.guarded('a REST read', async (store, now) => {
      if (query.kind === 'byId') return store.byId(query.id, query.locale, query.depth, now)
      const page = await store.list(query, now)
      // Payload's empty pages differ by query plan (@payloadcms/drizzle findMany): it answers them.
      return page?.docs.length ? listBody(query, page.docs, page.totalDocs) : undefined
    })
    if (body !== undefined) this.stats.served++
    return body
  }

  /** Answers read by the custom endpoints (./endpointReads.ts), by endpoint: the tests check the model served them. */
  readonly servedFor: Record<string, number> = {}

  /**
   * For the custom endpoints (./endpointReads.ts): `read` run on the store under the same guards as
   * `answer`; undefined when the model cannot answer.
   */
  async readFor<T>(endpoint: string, read: (store: ReadModelStore, now: number) => Promise<T | undefined>): Promise<T | undefined> {
    const result = await this.guarded(`a read for ${endpoint}`, read)
    if (result !== undefined) this.servedFor[endpoint] = (this.servedFor[endpoint] ?? 0) + 1
    return result
  }

  /**
   * The one gate of every read from the model: served, settled, and nothing written while it read
   * (a touch moves the generation); any failure (e.g. the tables dropped under a running server by
   * another process's schema push, in development) leaves the answer to Payload.
   */
  private async guarded<T>(what: string, read: (store: ReadModelStore, now: number) => Promise<T | undefined>): Promise<T | undefined> {
    if (!this.enabled || !this.serving || !this.store || !this.payload) return undefined
    if (!this.settled && !(await this.settledSoon())) return undefined
    const generation = this.generation
    const now = verificationClock.now().getTime()
    let result: T | undefined
    try {
      await this.refreshStale(now)
      result = await read(this.store, now)
    } catch (error) {
      this.payload.logger.warn({ err: error, msg: `Read model: ${what} failed; Payload answers` })
      return undefined
    }
    if (result === undefined || this.generation !== generation || !this.settled) return undefined
    return result
  }

  /** Waits (SETTLE_WAIT_MS at most) for the writes being rendered; true once the model is settled. */
  private async settledSoon(): Promise<boolean> {
    if (!this.ready || this.failed) return false
    const now = Date.now()
    this.unsettledSince ??= now
    if (now - this.unsettledSince > SETTLE_WAIT_UNTIL_MS) return false
    this.stats.settleWaits++
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, SETTLE_WAIT_MS)
      this.readyWaiters.push(() => {
        clearTimeout(timer)
        resolve()
      })
    })
    if (this.enabled && this.settled) return true
    this.stats.settleWaitsInVain++
    return false
  }

  /**
   * Re-renders, at most once a minute, the resources whose rendering a turning verification status
   * made stale (until then they are answered by Payload: store.ts `answerable`).
   */
  private async refreshStale(now: number): Promise<void> {
    // (A clock set back, as tests do, checks again.)
    if (now < this.nextStaleCheck && now >= this.nextStaleCheck - 60_000) return
    this.nextStaleCheck = now + 60_000
    const ids = await this.store!.stale(now)
    if (!ids.length) return
    this.queue.push(...ids.map((id) => ({ collection: 'resources', id })))
    this.drainSoon()
  }

  private followTransactions(payload: Payload): void {
    const db = payload.db
    const commit = db.commitTransaction.bind(db)
    const rollback = db.rollbackTransaction.bind(db)
    // Unsettled from before the commit starts (a read after it must not be answered from the model
    // as it was), rendered once the transaction has ended (a rollback: rendered anyway, harmlessly).
    db.commitTransaction = async (id) => {
      const transaction = id instanceof Promise ? await id : id
      this.endStarts(transaction)
      try {
        return await commit(transaction)
      } finally {
        this.ended(transaction)
      }
    }
    db.rollbackTransaction = async (id) => {
      const transaction = id instanceof Promise ? await id : id
      this.endStarts(transaction)
      try {
        return await rollback(transaction)
      } finally {
        this.ended(transaction)
      }
    }
  }

  /** A transaction with touches starts to commit or roll back: from here a read may see its writes. */
  private endStarts(transaction: TransactionId | null | undefined): void {
    if (transaction === null || transaction === undefined || !this.pending.has(transaction)) return
    this.ending.add(transaction)
    this.generation++
  }

  private ended(transaction: TransactionId | null | undefined): void {
    if (transaction === null || transaction === undefined) return
    this.ending.delete(transaction)
    const entry = this.pending.get(transaction)
    if (!entry) return
    this.pending.delete(transaction)
    this.queue.push(...entry.touches)
    if (entry.token) this.queuedTokens.push(entry.token)
    this.drainSoon()
  }

  private drainSoon(): void {
    if (this.queue.length) void this.enqueueWork(() => this.drain())
  }

  private enqueueWork(run: () => Promise<void>): Promise<void> {
    const epoch = this.epoch
    this.working++
    const done = this.work
      .then(() => (epoch === this.epoch ? run() : undefined))
      .catch((error: unknown) => {
        if (epoch !== this.epoch) return // the app it rendered for has closed
        this.failed = true
        this.payload?.logger.error({ err: error, msg: 'Read model: rendering failed; reads go to Payload until the next start or rebuild' })
      })
    this.work = done.finally(() => {
      if (epoch !== this.epoch) return
      this.working--
      if (this.settled) this.unsettledSince = undefined
      if (this.settled || this.failed) for (const resolve of this.readyWaiters.splice(0)) resolve()
    })
    return this.work
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const touches = this.queue.splice(0)
      const tokens = this.queuedTokens.splice(0)
      const started = Date.now()
      await this.untilVisible(tokens)
      const { ids, docs, refs } = await renderTouched(this.payload!, this.store!, touches)
      await this.store!.replace(ids, docs, refs, tokens)
      for (const token of tokens) this.ownTokens.delete(token)
      this.stats.renders++
      this.stats.renderedResources += ids.length
      this.stats.renderMs += Date.now() - started
    }
  }

  /**
   * Waits until the connection Payload reads on sees the writes about to be rendered (their
   * pending marks, committed with them): it has been seen, on Node 24, to read from a snapshot
   * older than a commit made on the writer connection for a moment after it, and a rendering
   * of that snapshot would be stored as current. Gives up (rendering fails, nothing is served)
   * if it never does.
   */
  private async untilVisible(tokens: string[]): Promise<void> {
    const store = this.store!
    for (let waited = 0; ; waited += VISIBLE_POLL_MS) {
      const seen = await store.visible(tokens)
      if (seen === tokens.length) return
      // Marks a rebuild has settled are gone for good: wait only for those the latest state holds.
      if (seen >= (await store.visible(tokens, 'latest'))) return
      if (waited >= VISIBLE_LIMIT_MS) throw new Error(`the database connection did not see ${tokens.length - seen} committed writes after ${VISIBLE_LIMIT_MS} ms`)
      await new Promise((resolve) => setTimeout(resolve, VISIBLE_POLL_MS))
    }
  }

  /**
   * Builds, and builds again while the result does not hold Payload's count: another process
   * starting on the same database builds too, and its first step empties the tables.
   */
  private async build(reason: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const mismatch = await this.buildOnce(attempt === 1 ? reason : `again: ${reason}`)
      if (!mismatch) return
      if (attempt === 3) throw new Error(`Read model: built, but ${mismatch}`)
      this.payload!.logger.warn(`Read model: built, but ${mismatch}; building again`)
    }
  }

  private async buildOnce(reason: string): Promise<string | undefined> {
    this.ready = false
    const generation = this.generation
    const built = await buildAll(this.payload!, this.store!, reason)
    // Writes during the build (a touch moved the generation) are rendered after it, their marks
    // keeping every read off the model until then: a count that differs then is theirs, not the build's.
    const mismatch = this.generation === generation ? await countMismatch(this.payload!, this.store!) : undefined
    if (mismatch) return mismatch
    this.stats.buildMs = built.ms
    this.stats.builtResources = built.resources
    this.payload!.logger.info(`Read model: ${built.resources} resources rendered in ${Math.round(built.ms / 100) / 10} s`)
  }
}

export const readModel = new ReadModel()

export { renderReadModelOnWrite } from './hooks'
