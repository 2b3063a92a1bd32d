/**
 * The read model on MongoDB: four collections beside Payload's (./mongoQueries.ts has their
 * documents, queries and indexes), through the native driver of the adapter's own connection
 * (`payload.db.connection`). Loaded only on MongoDB (./stores.ts); it imports nothing of the
 * driver at run time (types only).
 *
 * Consistency, as on SQLite:
 * - a write marks itself pending in its own transaction: the ClientSession Payload's adapter
 *   holds in `payload.db.sessions[req.transactionID]`;
 * - `replace` is one transaction where the deployment has them (a replica set, as
 *   docker-compose.yml runs; the same test as the adapter's: `replicaSet` in the client's options).
 *   Without one it is ordered writes bracketed by a pending mark of its own, inserted first and
 *   deleted last (left in place if a step fails: readers answer nothing, and a process that
 *   serves the model rebuilds it, ./index.ts adoptOrphans);
 * - a read (the pending check, the page, the count) runs in a snapshot session (MongoDB 5.0+ on a
 *   replica set): all three see one point in time. Without one, the pending check is made before
 *   and after the page and count; a replace begun and ended entirely between the two can still
 *   give a page and a count of different moments (a standalone server, where Payload itself
 *   writes without transactions: src/db/database.ts `replicaSetWarning`).
 */
import { randomUUID } from 'node:crypto'
import type { ClientSession, Db, Document, MongoClient } from 'mongodb'
import type { Payload, PayloadRequest } from 'payload'
import type { ListQuery, Locale } from './query'
import type { StoredDoc, StoredRef } from './store'
import type { ReadModelStore } from './stores'
import {
  answerable,
  byIdFilter,
  COLLECTIONS,
  COUNT_FILTER,
  DOCS,
  docIndexes,
  docRows,
  type DocRow,
  listFilter,
  listSort,
  META,
  MONGO_FORMAT,
  PAGE_PROJECTION,
  pageWindow,
  PENDING,
  REF_INDEXES,
  referringFilter,
  REFS,
  refRows,
  type RefRow,
  staleFilter,
  targetsFilter,
} from './mongoQueries'

/** The parts of @payloadcms/db-mongodb's adapter used here. */
type MongoAdapter = {
  name: string
  connection?: { db?: Db; getClient: () => MongoClient }
  sessions?: Record<string, ClientSession | undefined>
}

/** The read model's collections on the MongoDB database `payload` uses; undefined when not connected. */
export function mongoStore(payload: Payload): MongoReadModelStore | undefined {
  const adapter = payload.db as unknown as MongoAdapter
  const db = adapter.connection?.db
  if (adapter.name !== 'mongoose' || !db || !adapter.connection) return undefined
  const client = adapter.connection.getClient()
  return new MongoReadModelStore(db, client, Boolean(client.options?.replicaSet))
}

const modelled = new WeakMap<Db, boolean>()

/** ./stores.ts markPending on MongoDB: inserted with the write's session when it is in a transaction. */
export async function markMongoPending(req: PayloadRequest): Promise<string | undefined> {
  const adapter = req.payload.db as unknown as MongoAdapter
  const db = adapter.connection?.db
  if (!db) return undefined
  if (!modelled.get(db)) {
    if (!(await db.listCollections({ name: PENDING }, { nameOnly: true }).toArray()).length) return undefined
    modelled.set(db, true)
  }
  const token = randomUUID()
  const transaction = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  const held = transaction !== undefined && transaction !== null ? adapter.sessions?.[String(transaction)] : undefined
  // As the adapter's getSession: a session no longer in its transaction is not used.
  const session = held?.inTransaction() ? held : undefined
  await db.collection<{ _id: string; at: string }>(PENDING).insertOne({ _id: token, at: new Date().toISOString() }, session ? { session } : {})
  return token
}

const NAMESPACE_EXISTS = 48
const NAMESPACE_NOT_FOUND = 26
const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code

export class MongoReadModelStore implements ReadModelStore {
  /** Reads in snapshot sessions (set by open(): a replica set of MongoDB 5.0 or later). */
  private snapshot = false

  constructor(
    private readonly db: Db,
    private readonly client: MongoClient,
    /** Multi-document transactions: a replica set (or sharded cluster). */
    private readonly transactions: boolean,
  ) {}

  private get docs() {
    return this.db.collection<DocRow>(DOCS)
  }
  private get refs() {
    return this.db.collection<RefRow>(REFS)
  }
  private get meta() {
    return this.db.collection<{ _id: string; value: string }>(META)
  }
  private get marks() {
    return this.db.collection<{ _id: string; at: string }>(PENDING)
  }

  async open(): Promise<boolean> {
    const hello = await this.db.command({ hello: 1 }).catch(() => ({}) as Document)
    this.snapshot = this.transactions && Number(hello.maxWireVersion ?? 0) >= 13
    const format = (await this.meta.findOne({ _id: 'format' }))?.value
    // Another format: collections and indexes made afresh. No format is a build in progress (maybe another process's).
    if (format !== undefined && format !== MONGO_FORMAT) {
      for (const name of COLLECTIONS) await this.db.dropCollection(name).catch((error: unknown) => ignore(error, NAMESPACE_NOT_FOUND))
    }
    await this.ensureCollections()
    return format === MONGO_FORMAT
  }

  /** The collections and their indexes, created before any write names them (a transaction then only inserts). */
  private async ensureCollections(): Promise<void> {
    const existing = new Set((await this.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name))
    for (const name of COLLECTIONS) if (!existing.has(name)) await this.db.createCollection(name).catch((error: unknown) => ignore(error, NAMESPACE_EXISTS))
    await this.docs.createIndexes(docIndexes())
    await this.refs.createIndexes(REF_INDEXES)
  }

  /**
   * The format goes first (a model without it is incomplete, rebuilt at the next start), then the
   * documents, by dropping their collections: deleting 100,000 resources' documents one by one
   * (33 index entries each) would take minutes, and in one transaction exceed its limits.
   */
  async clear(): Promise<void> {
    await this.meta.deleteMany({})
    for (const name of [DOCS, REFS]) await this.db.dropCollection(name).catch((error: unknown) => ignore(error, NAMESPACE_NOT_FOUND))
    await this.ensureCollections()
  }

  async complete(): Promise<void> {
    await this.meta.updateOne({ _id: 'format' }, { $set: { value: MONGO_FORMAT } }, { upsert: true })
  }

  /** Reads go to the primary, which holds every commit: both views are the same here. */
  async visible(tokens: string[]): Promise<number> {
    return tokens.length ? this.marks.countDocuments({ _id: { $in: tokens } }) : 0
  }

  async pending(): Promise<{ token: string; at: string }[]> {
    return (await this.marks.find({}).toArray()).map((mark) => ({ token: mark._id, at: mark.at }))
  }

  async replace(ids: string[], docs: StoredDoc[], refs: StoredRef[], tokens: string[] = []): Promise<void> {
    if (!ids.length && !docs.length && !refs.length && !tokens.length) return
    const write = async (session?: ClientSession) => {
      if (ids.length) {
        await this.docs.deleteMany({ resourceId: { $in: ids } }, { session })
        await this.refs.deleteMany({ resourceId: { $in: ids } }, { session })
      }
      if (docs.length) await this.docs.insertMany(docRows(docs, refs), { session, ordered: true })
      if (refs.length) await this.refs.insertMany(refRows(refs), { session, ordered: true })
    }
    if (this.transactions) {
      await this.atomically(async (session) => {
        if (tokens.length) await this.marks.deleteMany({ _id: { $in: tokens } }, { session })
        await write(session)
      })
      return
    }
    const guard = `replace:${randomUUID()}`
    await this.marks.insertOne({ _id: guard, at: new Date().toISOString() })
    await write()
    await this.marks.deleteMany({ _id: { $in: [...tokens, guard] } })
  }

  async referring(relation: string, target: string): Promise<string[]> {
    return (await this.refs.distinct('resourceId', referringFilter(relation, target))).map(String)
  }

  async targets(relation: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return []
    return (await this.refs.distinct('target', targetsFilter(relation, ids))).map(String)
  }

  async count(): Promise<number> {
    return this.docs.countDocuments(COUNT_FILTER)
  }

  async stale(now: number): Promise<string[]> {
    const rows = await this.docs.find(staleFilter(now), { projection: { _id: 0, resourceId: 1 }, limit: 1000 }).toArray()
    return [...new Set(rows.map((row) => String(row.resourceId)))]
  }

  async byId(id: string, locale: Locale, depth: number, now: number): Promise<string | undefined> {
    return this.read(async (session) => {
      if (await this.unsettled(session)) return undefined
      const row = await this.docs.findOne(byIdFilter(id, locale, depth), { projection: PAGE_PROJECTION, session })
      if (!this.snapshot && (await this.unsettled())) return undefined
      return row && answerable(row, now) ? String(row.json) : undefined
    })
  }

  async list(query: ListQuery, now: number): Promise<{ docs: string[]; totalDocs: number } | undefined> {
    const filter = listFilter(query)
    return this.read(async (session) => {
      // First: in a snapshot session, this read fixes the point in time the other two see.
      if (await this.unsettled(session)) return undefined
      // One after the other: a session is not for concurrent operations.
      const page = await this.docs.find(filter, { projection: PAGE_PROJECTION, sort: listSort(query), ...pageWindow(query), session }).toArray()
      const totalDocs = await this.docs.countDocuments(filter, { session })
      if (!this.snapshot && (await this.unsettled())) return undefined
      if (!page.every((row) => answerable(row, now))) return undefined
      return { docs: page.map((row) => String(row.json)), totalDocs }
    })
  }

  private async unsettled(session?: ClientSession): Promise<boolean> {
    return (await this.marks.findOne({}, { projection: { _id: 1 }, session })) !== null
  }

  /** Runs `read` in a snapshot session where there are snapshots, else without a session. */
  private async read<T>(read: (session?: ClientSession) => Promise<T>): Promise<T> {
    if (!this.snapshot) return read(undefined)
    const session = this.client.startSession({ snapshot: true })
    try {
      return await read(session)
    } finally {
      await session.endSession()
    }
  }

  /** Runs `write` in one transaction where there are transactions (retried by the driver on transient errors), else as it goes. */
  private async atomically(write: (session?: ClientSession) => Promise<void>): Promise<void> {
    if (!this.transactions) return write(undefined)
    const session = this.client.startSession()
    try {
      await session.withTransaction(() => write(session))
    } finally {
      await session.endSession()
    }
  }
}

function ignore(error: unknown, code: number): void {
  if (codeOf(error) !== code) throw error
}
