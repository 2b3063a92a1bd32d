/**
 * A stand-in for a mongoose model over documents held in memory, for unit tests of the
 * MongoDB-only modules: filters are evaluated by sift (the MongoDB query matcher mongoose itself
 * uses), `sort` on one field, `limit`, `lean`. Not a database: no indexes, no transactions.
 */
import { MongoServerError, ObjectId } from 'mongodb'
import type { Payload } from 'payload'
import sift, { createEqualsOperation } from 'sift'

/** What the server sends when a transaction loses a write conflict (the driver's own error class). */
export const writeConflict = () =>
  new MongoServerError({ message: 'Caused by :: Write conflict during plan execution and yielding is disabled.', code: 112, codeName: 'WriteConflict', errorLabels: ['TransientTransactionError'] })

/**
 * Makes the adapter's `create` in `collection` fail with a WriteConflict, `times` times (Infinity:
 * always), as a MongoDB transaction that lost a race does; returns the restore function.
 */
export function conflictOnCreate(payload: Payload, collection: string, times: number): { restore: () => void; thrown: () => number } {
  const db = payload.db as unknown as { create: (args: { collection: string }) => Promise<unknown> }
  const original = db.create
  let thrown = 0
  db.create = async function (this: unknown, args) {
    if (args.collection === collection && thrown < times) {
      thrown++
      throw writeConflict()
    }
    return original.call(this, args)
  }
  return { restore: () => void (db.create = original), thrown: () => thrown }
}

type Doc = Record<string, unknown>

/** `$type` with MongoDB's aliases for ids (sift knows only JavaScript's types), one or a list. */
const $type = (params: unknown, ownerQuery: unknown, options: unknown) => {
  const aliases = ([] as unknown[]).concat(params)
  const is = (value: unknown) =>
    aliases.some((alias) => (alias === 'objectId' ? value instanceof ObjectId : alias === 'string' ? typeof value === 'string' : false))
  return createEqualsOperation(is, ownerQuery as never, options as never)
}

export function siftModel(docs: Doc[]) {
  const calls: Record<string, unknown>[] = []
  return {
    calls,
    find(filter: Record<string, unknown>, projection?: Record<string, 0 | 1>) {
      calls.push(filter)
      let rows = docs.filter(sift(filter as never, { operations: { $type } }))
      const query = {
        sort(spec: Record<string, 1 | -1>) {
          const [[field, direction]] = Object.entries(spec) as [[string, 1 | -1]]
          rows = [...rows].sort((a, b) => (a[field]! < b[field]! ? -direction : a[field]! > b[field]! ? direction : 0))
          return query
        },
        limit(n: number) {
          rows = rows.slice(0, n)
          return query
        },
        lean: async () => rows.map((row) => project(row, projection)),
      }
      return query
    },
  }
}

function project(row: Doc, projection?: Record<string, 0 | 1>): Doc {
  if (!projection) return { ...row }
  const including = Object.values(projection).some((v) => v === 1)
  return Object.fromEntries(Object.entries(row).filter(([key]) => key === '_id' || (including ? projection[key] === 1 : projection[key] !== 0)))
}
