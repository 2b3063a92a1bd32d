import type { RequestHandler } from 'express'
import { runInTransactionScope } from '../db/transactionScope'
import { errorBody } from './errors'

/**
 * Every request runs in a transaction scope (src/db/transactionScope.ts): when the database rolls
 * back a transaction the request began (held past SQLITE_TRANSACTION_LIMIT_S, or the server is
 * stopping), the request answers 503 at once with the reason, rather than never: its own code
 * may not come back. Whatever it sends later is dropped (sendWebResponse checks headersSent).
 */
export const transactionScope: RequestHandler = (_req, res, next) =>
  runInTransactionScope(
    {
      abandoned: (error) => {
        // Already answered: a transaction begun after the response (a delivery started after commit).
        if (res.writableEnded) return
        if (res.headersSent) res.destroy()
        else res.status(503).set('Retry-After', '5').json(errorBody(`Not saved: ${error.message}`))
      },
    },
    next,
  )
