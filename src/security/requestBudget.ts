/**
 * How much one API request may make the server do, and the rule that no request keeps the event
 * loop to itself. GraphQL lets one request ask for many lists at once (aliases, nested joins), and
 * the SQLite driver answers on the main thread: without these, one anonymous query could read
 * tens of thousands of documents while /healthz and every other client wait.
 *
 * - every API request (REST or GraphQL) may read at most MAX_DOCUMENTS_PER_REQUEST documents
 *   (populated relationships and join rows included); GraphQL queries that could read more are
 *   refused before they run (src/graphql/queryCost.ts);
 * - an API request's reads stop after REQUEST_TIME_BUDGET_MS;
 * - every operation and database call is a checkpoint where work takes turns with the event loop
 *   (the SQLite driver answers on the main thread; see takeTurns); work in a write transaction
 *   only yields a turn now and then (see transactionTurn).
 * Server code reading with overrideAccess (exports, jobs, notifications) is not counted.
 */
import { performance } from 'node:perf_hooks'
import { APIError, type CollectionAfterReadHook, type CollectionBeforeOperationHook, type Payload, type PayloadRequest } from 'payload'
import { ADAPTER_OPERATIONS } from '../db/database'

/** The most documents one API request may read. */
export const MAX_DOCUMENTS_PER_REQUEST = 2000
/** After this long an API request may read nothing more. */
export const REQUEST_TIME_BUDGET_MS = 10_000

/**
 * Turn-taking. Work between two event-loop turns is a "stretch"; the first checkpoint reached in
 * a stretch goes on, every later one waits in line, and each loop turn (after the loop has polled
 * I/O: /healthz, other requests) lets at most TURN_WAITERS waiters go on. Waiters are chains of
 * work (a GraphQL field, a page of documents); let go all together they would run back to back
 * without a turn in between, which is what 200 aliases of a list did. So a stretch is the work of
 * a few chains, each from one checkpoint to its next: about one database call, or one page of
 * documents. One waiter per turn was too few: beside 50 connections of cheap reads (the read
 * model's, which reach no checkpoint), each turn is long, and every sign-up's few checkpoints
 * waited a turn each (about 16 sign-ups/s in all).
 */
export const TURN_WAITERS = 8
const waiting: (() => void)[] = []
let stretchOpen = false

function endStretch(): void {
  const next = waiting.splice(0, TURN_WAITERS)
  if (!next.length) {
    stretchOpen = false
    return
  }
  setImmediate(endStretch) // the stretch they run now ends at the next turn
  for (const go of next) go()
}

/** How many checkpoints wait for a turn (tests). */
export const waitingTurns = (): number => waiting.length

/**
 * Work inside a write transaction does not wait in line (nor a read model render: see goesFirst): it holds SQLite's one write lock
 * (src/db/sqliteWriteLock.ts), so every turn it waited, every other write waited too (seen: sign-ups
 * fell from over 200/s to 12/s beside 50 reading connections, each sign-up's checkpoints queued
 * behind the readers'). It still gives the loop one turn after each TRANSACTION_STRETCH_MS of work,
 * so that no transaction keeps the event loop to itself.
 *
 * Work, not time: a stretch ends whenever the loop has turned since it began (the transaction
 * waited, for the write lock or for I/O, and the loop served others meanwhile). Counting the wait
 * made a transaction that had queued 20 ms for the lock give up a turn while holding it; beside 50
 * reading connections a turn took ~35 ms, so the next one queued longer still: after one 200 ms
 * publish, every sign-up held the lock ~20 ms and they fell to ~30/s, for good (session 11).
 */
export const TRANSACTION_STRETCH_MS = 20
const transactionStretches = new WeakMap<object, { since: number; turn: number }>()

/** Turns of the event loop, counted while checkpoints are reached (one immediate per turn at most). */
let loopTurns = 0
let countingTurn = false
function currentTurn(): number {
  if (!countingTurn) {
    countingTurn = true
    setImmediate(() => {
      loopTurns++
      countingTurn = false
    })
  }
  return loopTurns
}

/** Turns transactions gave up (tests). */
export const transactionTurnsGiven = { count: 0 }

function transactionTurn(req: object): Promise<void> | undefined {
  const now = performance.now()
  const turn = currentTurn()
  const stretch = transactionStretches.get(req)
  if (!stretch || stretch.turn !== turn) {
    transactionStretches.set(req, { since: now, turn })
    return undefined
  }
  if (now - stretch.since < TRANSACTION_STRETCH_MS) return undefined
  transactionTurnsGiven.count++
  return new Promise((resolve) =>
    setImmediate(() => {
      transactionStretches.set(req, { since: performance.now(), turn: currentTurn() })
      resolve()
    }),
  )
}

/**
 * Work that goes ahead of the line (still yielding a turn every TRANSACTION_STRETCH_MS): a
 * transaction (begun, or beginning: it holds the write lock), and the read model's render after a
 * write (until it ends, every read goes to Payload's slower path; in line, one render took 6 s
 * beside 50 reading connections).
 */
const goesFirst = (req: unknown): req is object => {
  if (!req || typeof req !== 'object') return false
  const { transactionID, context } = req as { transactionID?: unknown; context?: Record<string, unknown> }
  return (transactionID !== undefined && transactionID !== null) || context?.readModelRender === true
}

/** A checkpoint: nothing to wait for when it opens a stretch, otherwise the promise of a turn. */
export function takeTurns(req?: unknown): Promise<void> | undefined {
  if (goesFirst(req)) return transactionTurn(req)
  if (!stretchOpen) {
    stretchOpen = true
    setImmediate(endStretch)
    return undefined
  }
  return new Promise((resolve) => waiting.push(resolve))
}

/** Every call of the database adapter takes turns before it runs and before its result is used. */
export function takeTurnsAtDatabaseCalls(payload: Payload): void {
  const db = payload.db as unknown as Record<string, unknown>
  for (const name of ADAPTER_OPERATIONS) {
    const original = db[name]
    if (typeof original !== 'function') continue
    db[name] = async function takingTurns(this: unknown, ...args: unknown[]) {
      const req = (args[0] as { req?: unknown } | undefined)?.req
      await takeTurns(req)
      const result = await original.apply(this, args)
      await takeTurns(req)
      return result
    }
  }
}

const BUDGET = Symbol('requestBudget')
type Budget = { startedAt: number; documents: number }

/** The budget of the API request `req` belongs to (GraphQL's per-field copies share the original's). */
function budgetOf(req: PayloadRequest): Budget | undefined {
  if (req.payloadAPI !== 'REST' && req.payloadAPI !== 'GraphQL') return undefined
  const holder = req as unknown as { [BUDGET]?: Budget }
  return (holder[BUDGET] ??= { startedAt: performance.now(), documents: 0 })
}

const READS = new Set(['read', 'count', 'countVersions', 'findVersions', 'findVersionByID', 'readDistinct'])

const tooMany = () =>
  new APIError(
    `The request reads more than ${MAX_DOCUMENTS_PER_REQUEST} documents (related documents and join rows included). Ask for smaller pages, fewer lists or fewer related documents, and fetch the rest in another request.`,
    400,
    undefined,
    true,
  )

const tooLong = () =>
  new APIError(
    `The request has read for longer than its time budget of ${REQUEST_TIME_BUDGET_MS / 1000} s. Ask for smaller pages or fewer lists, and fetch the rest in another request.`,
    400,
    undefined,
    true,
  )

/** Before every operation: the request's time budget, and a checkpoint. */
export const checkRequestBudget: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const budget = READS.has(operation) && (args as { overrideAccess?: boolean }).overrideAccess !== true ? budgetOf(req) : undefined
  if (budget && performance.now() - budget.startedAt > REQUEST_TIME_BUDGET_MS) throw tooLong()
  await takeTurns(req)
  return args
}

/** After every document read: counted against the request's budget. */
export const countDocumentRead: CollectionAfterReadHook = ({ doc, overrideAccess, req }) => {
  const budget = overrideAccess === true ? undefined : budgetOf(req)
  if (budget && ++budget.documents > MAX_DOCUMENTS_PER_REQUEST) throw tooMany()
  return doc
}
