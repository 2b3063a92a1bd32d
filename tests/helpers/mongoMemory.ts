/**
 * MongoDB's query semantics in memory, for unit tests of MongoDB-only modules (no server runs
 * here): filters by sift (the matcher mongoose itself uses), sorts in BSON order (null and missing
 * first, then numbers, strings by their UTF-8 bytes as without a collation, objects, booleans,
 * dates), skip, limit, projection; and a stand-in for the native driver's `Db` and `MongoClient`
 * that records every operation with its session. Not a database: no indexes used, no isolation.
 */
import sift from 'sift'

type Row = Record<string, unknown>
type Filter = Record<string, unknown>
type FindOptions = { sort?: Record<string, 1 | -1>; skip?: number; limit?: number; projection?: Record<string, 0 | 1>; session?: unknown }

const TYPE_RANK = (value: unknown) =>
  value === null || value === undefined ? 1 : typeof value === 'number' ? 2 : typeof value === 'string' ? 3 : value instanceof Date ? 9 : typeof value === 'boolean' ? 8 : 4

/** MongoDB's comparison of two sort values (the BSON types the tests store). */
export function bsonCompare(a: unknown, b: unknown): number {
  const ranks = TYPE_RANK(a) - TYPE_RANK(b)
  if (ranks !== 0) return ranks
  if (typeof a === 'string') return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b as string, 'utf8'))
  if (a instanceof Date) return a.getTime() - (b as Date).getTime()
  if (typeof a === 'number' || typeof a === 'boolean') return Number(a) - Number(b)
  return 0
}

/** A find as MongoDB runs it (filter, sort by its keys in order, skip, limit, projection), and the count of matches. */
export function evaluate<T extends Row>(rows: T[], filter: Filter, options: FindOptions = {}): { page: Row[]; count: number } {
  const matched = rows.filter(sift(filter as never))
  const keys = Object.entries(options.sort ?? {})
  const sorted = [...matched].sort((a, b) => {
    for (const [key, direction] of keys) {
      const c = bsonCompare(a[key], b[key])
      if (c !== 0) return c * direction
    }
    return 0
  })
  const skip = options.skip ?? 0
  const page = sorted.slice(skip, options.limit ? skip + options.limit : undefined)
  const projection = options.projection
  if (!projection) return { page, count: matched.length }
  const included = Object.entries(projection).filter(([, v]) => v === 1).map(([k]) => k)
  return { page: page.map((row) => Object.fromEntries(included.filter((k) => k in row).map((k) => [k, row[k]]))), count: matched.length }
}

export type MemoryOp = { collection: string; op: string; session?: MemorySession }

export class MemorySession {
  ended = false
  private transaction = false
  constructor(readonly options: Record<string, unknown> = {}) {}
  inTransaction(): boolean {
    return this.transaction
  }
  startTransaction(): void {
    this.transaction = true
  }
  async withTransaction<T>(run: () => Promise<T>): Promise<T> {
    this.transaction = true
    try {
      return await run()
    } finally {
      this.transaction = false
    }
  }
  async endSession(): Promise<void> {
    this.ended = true
  }
}

/** What the read model's store uses of the driver's `Db`, over arrays. `before` runs ahead of each operation (to fail or interleave one). */
export class MemoryDb {
  readonly collections = new Map<string, Row[]>()
  readonly indexes = new Map<string, { key: Record<string, number>; name: string }[]>()
  readonly ops: MemoryOp[] = []
  before?: (op: MemoryOp) => void | Promise<void>
  constructor(private readonly maxWireVersion = 21) {}

  async command(command: Row): Promise<Row> {
    return command.hello ? { isWritablePrimary: true, maxWireVersion: this.maxWireVersion } : { ok: 1 }
  }
  listCollections(filter: { name?: string } = {}) {
    const names = [...this.collections.keys()].filter((name) => filter.name === undefined || name === filter.name)
    return { toArray: async () => names.map((name) => ({ name })) }
  }
  async createCollection(name: string): Promise<void> {
    if (this.collections.has(name)) throw Object.assign(new Error(`Collection ${name} already exists`), { code: 48 })
    this.collections.set(name, [])
  }
  async dropCollection(name: string): Promise<boolean> {
    if (!this.collections.delete(name)) throw Object.assign(new Error('ns not found'), { code: 26 })
    this.indexes.delete(name)
    return true
  }
  collection(name: string) {
    const rows = () => this.collections.get(name) ?? this.collections.set(name, []).get(name)!
    const record = async (op: string, options?: { session?: unknown }) => {
      const entry = { collection: name, op, session: options?.session as MemorySession | undefined }
      this.ops.push(entry)
      await this.before?.(entry)
    }
    const insert = (doc: Row) => {
      if (doc._id !== undefined && rows().some((row) => row._id === doc._id)) throw Object.assign(new Error('E11000 duplicate key'), { code: 11000 })
      rows().push({ ...doc })
    }
    return {
      find: (filter: Filter, options: FindOptions = {}) => ({
        toArray: async () => {
          await record('find', options)
          return evaluate(rows(), filter, options).page
        },
      }),
      findOne: async (filter: Filter, options: FindOptions = {}) => {
        await record('findOne', options)
        return evaluate(rows(), filter, { ...options, limit: 1 }).page[0] ?? null
      },
      countDocuments: async (filter: Filter, options: FindOptions = {}) => {
        await record('countDocuments', options)
        return evaluate(rows(), filter).count
      },
      distinct: async (key: string, filter: Filter, options: FindOptions = {}) => {
        await record('distinct', options)
        return [...new Set(evaluate(rows(), filter).page.map((row) => row[key]))]
      },
      insertOne: async (doc: Row, options: FindOptions = {}) => {
        await record('insertOne', options)
        insert(doc)
      },
      insertMany: async (docs: Row[], options: FindOptions = {}) => {
        await record('insertMany', options)
        for (const doc of docs) insert(doc)
      },
      deleteMany: async (filter: Filter, options: FindOptions = {}) => {
        await record('deleteMany', options)
        const keep = rows().filter((row) => !sift(filter as never)(row))
        this.collections.set(name, keep)
      },
      updateOne: async (filter: Filter, update: { $set: Row }, options: FindOptions & { upsert?: boolean } = {}) => {
        await record('updateOne', options)
        const row = rows().find(sift(filter as never))
        if (row) Object.assign(row, update.$set)
        else if (options.upsert) insert({ ...filter, ...update.$set })
      },
      createIndexes: async (specs: { key: Record<string, number>; name: string }[]) => {
        await record('createIndexes')
        const existing = this.indexes.get(name) ?? []
        this.indexes.set(name, [...existing, ...specs.filter((spec) => !existing.some((e) => e.name === spec.name))])
      },
    }
  }
}

/** The driver's MongoClient as the store uses it: its options, and sessions it hands out (kept for inspection). */
export function memoryClient(replicaSet?: string) {
  const sessions: MemorySession[] = []
  return {
    sessions,
    options: { replicaSet },
    startSession(options: Record<string, unknown> = {}) {
      const session = new MemorySession(options)
      sessions.push(session)
      return session
    },
  }
}
