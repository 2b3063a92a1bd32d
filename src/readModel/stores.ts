/**
 * Where the read model is kept, by adapter: tables in SQLite (./store.ts) or collections in
 * MongoDB (./mongoStore.ts, loaded only there: a SQLite deployment never loads it, and neither
 * store loads the other adapter's client). ./index.ts works through this interface only.
 */
import type { Payload, PayloadRequest } from 'payload'
import type { ListQuery, Locale } from './query'
import { markPending as markSqlitePending, sqliteStore, type KeptStatement, type StoredDoc, type StoredRef } from './store'

export interface ReadModelStore {
  /** Creates the tables or collections when missing; true when they hold a complete model of this format. */
  open(): Promise<boolean>
  /** Empties the model and marks it incomplete until `complete()`. */
  clear(): Promise<void>
  complete(): Promise<void>
  /**
   * How many of `tokens` (pending marks) the connection Payload reads on sees (`main`), or the
   * latest committed state holds (`latest`): a render waits until the two agree (./index.ts untilVisible).
   */
  visible(tokens: string[], on?: 'main' | 'latest'): Promise<number>
  /** Writes not rendered yet, by any process: tokens and when they were written. */
  pending(): Promise<{ token: string; at: string }[]>
  /** Replaces everything stored for `ids` by `docs` and `refs`, and settles `tokens`, all at once for readers. */
  replace(ids: string[], docs: StoredDoc[], refs: StoredRef[], tokens?: string[]): Promise<void>
  /** The resources that name `target` through `relation`. */
  referring(relation: string, target: string): Promise<string[]>
  /** What `ids` name through `relation`, as stored. */
  targets(relation: string, ids: string[]): Promise<string[]>
  /** How many resources are stored. */
  count(): Promise<number>
  /** Resources with a rendering gone stale at `now`. */
  stale(now: number): Promise<string[]>
  /** The stored JSON, or undefined; undefined too while a write waits to be rendered, or once stale at `now`. */
  byId(id: string, locale: Locale, depth: number, now: number): Promise<string | undefined>
  /**
   * SQL reads of the model's tables in one snapshot, for the toolkit, feeds, search and site
   * (./endpointReads.ts); SQLite only: on MongoDB those endpoints read through Payload.
   */
  readTables?(statements: KeptStatement[]): Promise<Record<string, unknown>[][] | undefined>
  /** One page and the number of matches, read together; undefined while a write waits to be rendered. */
  list(query: ListQuery, now: number): Promise<{ docs: string[]; totalDocs: number } | undefined>
}

/** The read model's store on the database `payload` uses; undefined on an adapter it has none for. */
export async function storeFor(payload: Payload): Promise<ReadModelStore | undefined> {
  if (payload.db.name === 'mongoose') return (await import('./mongoStore')).mongoStore(payload)
  return sqliteStore(payload)
}

/**
 * Records a write the model has not rendered yet, in `req`'s transaction when it has one, and
 * returns its token; undefined where there is no model (never built, or no store for the adapter).
 */
export async function markPending(req: PayloadRequest): Promise<string | undefined> {
  if (req.payload.db.name === 'mongoose') return (await import('./mongoStore')).markMongoPending(req)
  return markSqlitePending(req)
}
