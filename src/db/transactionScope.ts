/**
 * Who is waiting on a transaction: the HTTP request (or job) that began it. When the SQLite write
 * lock gives up on a transaction (held past its limit, or the server is stopping), the
 * transaction is rolled back and its scope told, so that the request answers 503 at once
 * instead of hanging: its own code may never resume (a promise waiting on itself, for example).
 * Carried by AsyncLocalStorage from where the request starts (src/http/transactionScope.ts) to
 * where the transaction begins (src/db/sqliteWriteLock.ts); nothing here knows about HTTP.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

export type TransactionScope = {
  /** The scope's transaction was rolled back by the lock; `error` says why. */
  abandoned: (error: TransactionAbandoned) => void
}

/** A transaction the server rolled back: held past the limit, or the server is stopping. */
export class TransactionAbandoned extends Error {
  override name = 'TransactionAbandoned'
  readonly code = 'TRANSACTION_ABANDONED'
  readonly status = 503
}

const storage = new AsyncLocalStorage<TransactionScope>()

export const runInTransactionScope = <T>(scope: TransactionScope, run: () => T): T => storage.run(scope, run)

export const currentTransactionScope = (): TransactionScope | undefined => storage.getStore()
