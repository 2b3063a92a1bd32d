/**
 * Atomic writes on the embedded SQLite database: Payload's transactions, one writer at a time.
 *
 * `@libsql/client`'s own `transaction()` runs `BEGIN IMMEDIATE` on the client's connection and
 * opens a fresh connection for everything else, without the adapter's pragmas (`busy_timeout`,
 * `synchronous`) and never closing the old one. A second write while that transaction is open
 * then fails at once with SQLITE_BUSY, and a busy timeout cannot help: libsql runs on the main
 * thread, so waiting would block the very event loop that finishes the holder's transaction.
 *
 * So in this process writes take turns through one lock (FIFO):
 * - a transaction (Payload's `beginTransaction`, or `client.transaction()`) takes it at its first
 *   statement (then BEGIN) and gives it back at COMMIT or ROLLBACK, and runs on one dedicated
 *   second connection;
 * - a write outside a transaction (e.g. an insert with `disableTransaction`) runs at once when no
 *   transaction is open, and otherwise waits its turn;
 * - reads never wait: they use the main connection, which in WAL mode sees the last commit.
 * A transaction that never ends (a hook whose write waits for its own caller, a promise waiting on
 * itself) would otherwise stop every write for good. So a transaction holds the lock for at most
 * `limitMs`: then it is rolled back, the lock handed on, and the request that began it answers
 * 503 (src/db/transactionScope.ts); its later statements fail. Waiters warn once one transaction
 * has held the lock for STALLED_AFTER_MS (when /readyz says not ready, too).
 */
import type { Client, Config, InArgs, InStatement, ResultSet, Transaction, TransactionMode } from '@libsql/client'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'
import { currentTransactionScope, TransactionAbandoned } from './transactionScope'

/** One holder this long means writes are stuck: waiters warn, and /readyz answers 503. */
export const STALLED_AFTER_MS = 5_000
export const DEFAULT_TRANSACTION_LIMIT_MS = 30_000

type Release = () => void
type Logger = { warn: (message: string) => void; error: (message: string) => void }
/** A holder the lock can end: a transaction, rolled back. Single writes outside one cannot be. */
type Holder = { abandon: (error: TransactionAbandoned) => Promise<void> }

/** One holder at a time, in order of arrival; a transaction holds it for at most `limitMs` (0: no limit). */
export class WriteLock {
  private held = false
  /** When the lock last changed hands: a long queue of short holders is normal, one long holder is not. */
  private since = 0
  private holder?: Holder
  private deadline?: NodeJS.Timeout
  private readonly waiters: (() => void)[] = []

  constructor(
    readonly limitMs = DEFAULT_TRANSACTION_LIMIT_MS,
    private readonly logger?: () => Logger | undefined,
  ) {}

  get busy(): boolean {
    return this.held
  }

  /** How long the current holder has held the lock; 0 when it is free. */
  heldFor(): number {
    return this.held ? Date.now() - this.since : 0
  }

  acquire(holder?: Holder): Promise<Release> {
    if (!this.held) {
      this.held = true
      return Promise.resolve(this.grant(holder))
    }
    return new Promise((resolve, reject) => {
      let warned = false
      const grant = () => {
        clearInterval(watch)
        resolve(this.grant(holder))
      }
      const watch = setInterval(() => {
        const held = this.heldFor()
        if (held >= STALLED_AFTER_MS && !warned) {
          warned = true
          this.logger?.()?.warn(`A SQLite write is waiting behind a transaction open for ${Math.round(held / 1000)} s: a long transaction, or a write outside the transaction of the operation running it (a hook calling the Local API without req)?`)
        }
        // Past the holder's own limit (it is rolled back then): only a lock that is never handed on gets here.
        if (this.limitMs > 0 && held >= this.limitMs + 10_000) {
          clearInterval(watch)
          this.waiters.splice(this.waiters.indexOf(grant), 1)
          reject(new Error(`SQLite write lock held by one transaction for ${Math.round(held / 1000)} s; gave up waiting`))
        }
      }, 1000)
      watch.unref()
      this.waiters.push(grant)
    })
  }

  /** Rolls back the transaction holding the lock, if one does; its request answers 503. */
  async abandon(error: TransactionAbandoned): Promise<boolean> {
    const holder = this.holder
    if (!holder) return false
    this.logger?.()?.error(`SQLite transaction rolled back: ${error.message}`)
    await holder.abandon(error)
    return true
  }

  private grant(holder: Holder | undefined): Release {
    this.since = Date.now()
    this.holder = holder
    if (holder && this.limitMs > 0) {
      const limit = Math.round(this.limitMs / 1000)
      this.deadline = setTimeout(() => void this.abandon(new TransactionAbandoned(`the transaction was open for more than ${limit} s (the limit, SQLITE_TRANSACTION_LIMIT_S) and was rolled back; nothing of it was saved. Try again.`)), this.limitMs)
      this.deadline.unref()
    }
    let released = false
    return () => {
      if (released) return
      released = true
      clearTimeout(this.deadline)
      this.holder = undefined
      const next = this.waiters.shift()
      if (next) next()
      else this.held = false
    }
  }
}

const sqlOf = (stmt: InStatement) => (typeof stmt === 'string' ? stmt : stmt.sql)

/** Statements that only read (a PRAGMA without `=` reads a setting). Anything else counts as a write. */
export function isRead(sql: string): boolean {
  return /^\s*(select|explain)\b/i.test(sql) || (/^\s*pragma\b/i.test(sql) && !sql.includes('='))
}

/** `PRAGMA name = value` on the main connection: per-connection settings the writer gets too. */
const PRAGMA_SET = /^\s*pragma\s+([\w.]+)\s*=/i

/**
 * Makes every write of `client` take turns with the transactions, which run on a second
 * connection made from `config` (opened at the first transaction, with every `PRAGMA x = y` the main
 * connection was given, and those given later applied before the next BEGIN).
 */
export function serializeWrites(client: Client, config: Config, lock = new WriteLock()): Client {
  const execute = client.execute.bind(client) as (stmt: InStatement, args?: InArgs) => Promise<ResultSet>
  const batch = client.batch.bind(client)
  const executeMultiple = client.executeMultiple.bind(client)
  const migrate = client.migrate.bind(client)
  const pragmas = new Map<string, string>()
  let pending: string[] = []
  let writer: Client | undefined

  async function withLock<T>(run: () => Promise<T>): Promise<T> {
    const release = await lock.acquire()
    try {
      return await run()
    } finally {
      release()
    }
  }

  client.execute = ((stmt: InStatement, args?: InArgs) => {
    const sql = sqlOf(stmt)
    const set = PRAGMA_SET.exec(sql)
    if (set) {
      pragmas.set(set[1]!.toLowerCase(), sql)
      pending.push(sql)
    }
    // libsql runs a statement synchronously: with no transaction open, nothing can interleave.
    if (!lock.busy || isRead(sql)) return execute(stmt, args)
    return withLock(() => execute(stmt, args))
  }) as Client['execute']
  client.batch = (stmts, mode) => (!lock.busy || stmts.every((s) => isRead(sqlOf(s))) ? batch(stmts, mode) : withLock(() => batch(stmts, mode)))
  client.executeMultiple = (sql) => (!lock.busy ? executeMultiple(sql) : withLock(() => executeMultiple(sql)))
  client.migrate = (stmts) => (!lock.busy ? migrate(stmts) : withLock(() => migrate(stmts)))

  // The lock is taken at the transaction's first statement, not at `transaction()`: Payload's
  // forgot-password writes outside its own transaction (its rate-limit reservation) before the
  // transaction's first statement, and would otherwise wait for itself.
  client.transaction = async (mode: TransactionMode = 'write'): Promise<Transaction> =>
    writerTransaction(async (holder) => {
      const release = await lock.acquire(holder)
      try {
        if (!writer) {
          // Loaded here, not at the top: on MongoDB nothing of the SQLite stack is imported (src/db/database.ts).
          const { createClient } = await import('@libsql/client')
          writer = createClient(config)
          pending = [...pragmas.values()]
        }
        // A setting like `synchronous` cannot change inside a transaction: apply before BEGIN.
        for (const sql of pending.splice(0)) await writer.execute(sql)
        await writer.execute(mode === 'write' ? 'BEGIN IMMEDIATE' : 'BEGIN DEFERRED')
        return { writer, release }
      } catch (error) {
        release()
        throw error
      }
    })

  const close = client.close.bind(client)
  client.close = () => {
    writer?.close()
    close()
  }
  return client
}

/**
 * The transaction on the writer connection: begun (lock, BEGIN) at its first statement, ended
 * (and the lock handed on) at COMMIT or ROLLBACK, or abandoned by the lock (rolled back, and the
 * scope that began it told). One that never ran a statement holds nothing.
 */
function writerTransaction(begin: (holder: Holder) => Promise<{ writer: Client; release: Release }>): Transaction {
  const scope = currentTransactionScope() // the request (if any) this transaction belongs to
  let closed = false
  let abandoned: TransactionAbandoned | undefined
  let begun: Promise<{ writer: Client; release: Release }> | undefined
  const closedError = () => abandoned ?? Object.assign(new Error('The transaction is closed'), { code: 'TRANSACTION_CLOSED' })
  const holder: Holder = {
    abandon: async (error) => {
      if (closed) return
      abandoned = error
      await end('ROLLBACK')
      scope?.abandoned(error)
    },
  }
  const connection = () => {
    if (closed) throw closedError()
    return (begun ??= begin(holder)).then(({ writer }) => writer)
  }
  const end = async (sql: 'COMMIT' | 'ROLLBACK') => {
    if (closed) {
      if (sql === 'COMMIT') throw closedError()
      return
    }
    closed = true
    if (!begun) return
    let writer: Client, release: Release
    try {
      ;({ writer, release } = await begun)
    } catch {
      return // BEGIN failed: no lock held, nothing to end
    }
    try {
      await writer.execute(sql)
    } catch (error) {
      // SQLite may have rolled back already (e.g. after SQLITE_FULL); a failed COMMIT must not stay open.
      await writer.execute('ROLLBACK').catch(() => undefined)
      if (sql === 'COMMIT') throw error
    } finally {
      release()
    }
  }
  return {
    execute: async (stmt: InStatement) => (await connection()).execute(stmt),
    batch: async (stmts: InStatement[]) => {
      const results: ResultSet[] = []
      for (const stmt of stmts) results.push(await (await connection()).execute(stmt))
      return results
    },
    executeMultiple: async () => {
      // The client's executeMultiple rolls back any open transaction when it ends: not usable here.
      throw new Error('executeMultiple is not supported inside a transaction; use execute or batch')
    },
    commit: () => end('COMMIT'),
    rollback: () => end('ROLLBACK'),
    close: () => {
      void end('ROLLBACK')
    },
    get closed() {
      return closed
    },
  }
}

/**
 * The SQLite adapter with its client serialized (see above) from the moment the adapter creates
 * it, so even the schema push and the migrations at connect run under the lock.
 */
export function withSerializedWrites(adapter: DatabaseAdapterObj, { transactionLimitMs = DEFAULT_TRANSACTION_LIMIT_MS } = {}): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const instance = adapter.init(args) as ReturnType<DatabaseAdapterObj['init']> & { client?: Client; clientConfig: Config; writeLock?: WriteLock }
      endJobTransactionOnError(instance)
      let client: Client | undefined
      Object.defineProperty(instance, 'client', {
        configurable: true,
        enumerable: true,
        get: () => client,
        set: (value: Client | undefined) => {
          instance.writeLock = new WriteLock(transactionLimitMs, () => args.payload.logger)
          client = value ? serializeWrites(value, instance.clientConfig, instance.writeLock) : value
        },
      })
      return instance
    },
  }
}

/** The write lock of a serialized SQLite adapter (undefined for any other database). */
export const writeLockOf = (db: unknown): WriteLock | undefined => (db as { writeLock?: WriteLock }).writeLock

/**
 * Payload's `updateJob` (the jobs queue's bookkeeping) begins a transaction for one
 * `db.updateJobs` call, passing `{ transactionID }` as its request, and neither commits nor rolls
 * it back when that call throws (e.g. the job row is gone): the transaction, and with it the write
 * lock, would stay held for good and every later write would fail. Roll such a transaction back.
 */
function endJobTransactionOnError(instance: Pick<BaseDatabaseAdapter, 'updateJobs' | 'rollbackTransaction'>): void {
  const updateJobs = instance.updateJobs
  instance.updateJobs = async function (this: BaseDatabaseAdapter, args) {
    try {
      return await updateJobs.call(this, args)
    } catch (error) {
      const req = args.req as { transactionID?: string | number } | undefined
      const ownTransaction = req && Object.keys(req).length === 1 && (typeof req.transactionID === 'string' || typeof req.transactionID === 'number')
      if (ownTransaction) await this.rollbackTransaction(req.transactionID!).catch(() => undefined)
      throw error
    }
  }
}
