/**
 * Transactions the database aborted only because another one touched the same documents first.
 * On MongoDB two transactions writing one document (or racing inserts on one unique key) fail
 * the loser at once with WriteConflict (code 112), labelled TransientTransactionError: the
 * driver's advice is to run the whole transaction again, which then sees the winner's write (an
 * existing row, a taken seat) and takes the path the unique keys were there for. SQLite
 * serializes the writes of one process (src/db/sqliteWriteLock.ts), so it never gets here.
 * Errors are read by their shape (the driver's MongoServerError: `code`, `codeName`,
 * `errorLabels`/`hasErrorLabel`), also when Payload wrapped one as the `cause`: the driver is
 * loaded only on MongoDB (src/db/database.ts).
 */

const WRITE_CONFLICT = 112
const TRANSIENT_LABELS = ['TransientTransactionError', 'UnknownTransactionCommitResult']

type ErrorShape = {
  code?: unknown
  codeName?: unknown
  errorLabels?: unknown
  hasErrorLabel?: (label: string) => boolean
  cause?: unknown
}

/** True for an error that running the transaction again may cure. */
export function isTransientTransactionError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false
  const e = error as ErrorShape
  if (e.code === WRITE_CONFLICT || e.codeName === 'WriteConflict') return true
  if (typeof e.hasErrorLabel === 'function' && TRANSIENT_LABELS.some((label) => e.hasErrorLabel!(label))) return true
  if (Array.isArray(e.errorLabels) && e.errorLabels.some((label) => TRANSIENT_LABELS.includes(String(label)))) return true
  return isTransientTransactionError(e.cause, depth + 1)
}

/** A write conflict that outlasted the retries: the API answers 409 (src/http/errors.ts maps `status`). */
export class WriteConflict extends Error {
  override name = 'WriteConflict'
  readonly status = 409
  constructor(message = 'Someone else changed this at the same moment; reload and try again.', options?: { cause?: unknown }) {
    super(message, options)
  }
}

export type RetryOptions = {
  /** Runs in all, the first included. */
  attempts?: number
  /** The first wait; each next one doubles, up to maxDelayMs, each a random part of it (full jitter). */
  baseDelayMs?: number
  maxDelayMs?: number
  random?: () => number
  sleep?: (ms: number) => Promise<void>
  /** Other errors worth running the transaction again for (a lost race on a unique key that the next run resolves). */
  alsoRetry?: (error: unknown) => boolean
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Runs `transaction` (which must begin and end its own transaction: all of it, again) until it
 * does not fail with a transient transaction error, at most `attempts` times; the last such
 * failure is thrown as a WriteConflict (409). Any other error is thrown at once.
 */
export async function withTransientRetry<T>(transaction: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 6, baseDelayMs = 15, maxDelayMs = 400, random = Math.random, sleep = pause, alsoRetry = () => false } = options
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction(attempt)
    } catch (error) {
      const transient = isTransientTransactionError(error)
      if (!transient && !alsoRetry(error)) throw error
      if (attempt >= attempts) throw transient ? new WriteConflict(undefined, { cause: error }) : error
      await sleep(Math.round(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1))))
    }
  }
}
