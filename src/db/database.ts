import fs from 'node:fs'
import path from 'node:path'
import type { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj, Payload } from 'payload'
import { dropFts } from '../search/sqliteFts'
import { dropReadModel } from '../readModel/store'
import { projectRoot } from '../settings/paths'
import { DEFAULT_TRANSACTION_LIMIT_MS, STALLED_AFTER_MS, withSerializedWrites, writeLockOf } from './sqliteWriteLock'
import type { Settings } from '../settings'

/** Committed SQL migrations (`npm run migrate:create`); `npm run check:migrations` fails when one is missing. */
export const migrationDir = path.join(projectRoot, 'src', 'db', 'migrations')
type Migrations = NonNullable<Parameters<typeof sqliteAdapter>[0]['prodMigrations']>
// The generated index types each migration's arguments; the adapter's option takes them as unknown.
// Imported when used: the migrations import the SQLite adapter, which MongoDB never loads.
const committedMigrations = async () => (await import('./migrations')).migrations as unknown as Migrations

/**
 * The database adapter for the configured URI: MongoDB in production, embedded SQLite by default.
 * Only the one in use is loaded (the other costs ~25-40 MB of memory for nothing): every module
 * of the SQLite stack (its adapter, drizzle, @libsql/client, the migrations) is imported here
 * when the URI is SQLite's (tests/db-adapter-loading.test.ts checks the module graph).
 */
export async function databaseAdapter(database: Settings['database'], { production = false, transactionLimitMs = DEFAULT_TRANSACTION_LIMIT_MS } = {}): Promise<DatabaseAdapterObj> {
  if (database.kind === 'mongodb') {
    const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
    // ensureIndexes: the start waits until every index exists (MongoDB needs no migrations).
    return mongooseAdapter({ url: database.url, ensureIndexes: true })
  }
  fs.mkdirSync(path.dirname(database.file), { recursive: true })
  const { sqliteAdapter } = await import('@payloadcms/db-sqlite')
  const { readPathIndexes } = await import('./sqliteIndexes')
  // Each Payload operation in one transaction (all of it or nothing), the writes of this process
  // taking turns through one lock (src/db/sqliteWriteLock.ts). Not for an in-memory database: the
  // transactions' second connection would open a different, empty one.
  const atomic = !/:memory:|mode=memory/.test(database.url)
  const adapter = sqliteAdapter({
    client: { url: database.url },
    transactionOptions: atomic ? {} : undefined,
    // WAL lets readers run beside the one writer; busy_timeout makes a second process wait instead of failing.
    wal: { journalSizeLimit: 64 * 1024 * 1024, synchronous: 'NORMAL' },
    busyTimeout: 5000,
    afterSchemaInit: [readPathIndexes],
    migrationDir,
    // Production never pushes the schema: the committed migrations create and change it, at start.
    push: !production,
    prodMigrations: production ? await committedMigrations() : undefined,
  })
  const serialized = atomic ? withSerializedWrites(adapter, { transactionLimitMs }) : adapter
  return production ? serialized : dropFtsBeforeConnect(database.url, serialized)
}

/** With the schema push (development), the search FTS table and the read model are dropped before the push sees them and rebuilt at start (src/search/sqliteFts.ts, src/readModel). */
function dropFtsBeforeConnect(url: string, adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const instance = adapter.init(args)
      const connect = instance.connect
      if (connect) {
        instance.connect = async function (this: unknown, options?: unknown) {
          await dropFts(url)
          await dropReadModel(url)
          return (connect as (o?: unknown) => Promise<void>).call(instance, options)
        } as typeof connect
      }
      return instance
    },
  }
}

/**
 * The adapter runs `prodMigrations` only when the process's own NODE_ENV is production; settings
 * can say production in a process that is not (tests). Idempotent: applied migrations are skipped.
 */
export async function migrateSqlite(payload: Payload, settings: Pick<Settings, 'database' | 'production'>): Promise<void> {
  if (settings.database.kind !== 'sqlite' || !settings.production) return
  // payload's Migration type takes its arguments as unknown; the generated ones name theirs.
  await payload.db.migrate({ migrations: (await committedMigrations()) as never })
}

/** MongoDB transactions need a replica set; without one Payload writes without them. */
export function replicaSetWarning(database: Settings['database']): string | undefined {
  if (database.kind !== 'mongodb' || database.url.startsWith('mongodb+srv://')) return undefined
  if (/[?&]replicaSet=/.test(database.url)) return undefined
  return 'DATABASE_URI names no replicaSet: MongoDB runs without transactions, so a failed request can leave partial writes. Use a replica set in production (see docs/DEPLOYMENT.md).'
}

/** Round trip to the database, for /readyz. */
export async function pingDatabase(payload: Payload): Promise<void> {
  const db = payload.db as unknown as {
    name: string
    client?: { execute: (sql: string) => Promise<unknown> }
    connection?: { db?: { admin: () => { ping: () => Promise<unknown> } } }
  }
  if (db.name === 'sqlite' && db.client) {
    await db.client.execute('SELECT 1')
    return
  }
  const admin = db.connection?.db?.admin()
  if (!admin) throw new Error('database not connected')
  await admin.ping()
}

/**
 * Why writes cannot go through now, for /readyz: one transaction has held SQLite's write lock for
 * STALLED_AFTER_MS or more, so every other write waits (until it ends, or the lock rolls it back
 * at SQLITE_TRANSACTION_LIMIT_S). Undefined when writes flow (and always on MongoDB).
 */
export function stalledWrites(payload: Payload): string | undefined {
  const held = writeLockOf(payload.db)?.heldFor() ?? 0
  return held >= STALLED_AFTER_MS ? `writes are waiting behind a transaction open for ${Math.round(held / 1000)} s` : undefined
}

/**
 * SQLite's own page cache, per connection (its default is 2 MB). Reads that walk one jurisdiction's
 * resources (the jurisdiction filter, the toolkit, the feed) touch more pages than that at 100,000
 * resources and went back to the operating system for them: 64 MB made them 1.2-3x faster there
 * (docs/BENCHMARKS.md, optimisation 14). Memory is taken only as pages are read, up to the size of
 * the database; `SQLITE_CACHE_MB` trades it back. Sized once the start-up work is done (migrations,
 * the search index's check, ANALYZE, the read model's check), which runs with SQLite's default:
 * at 100,000 resources that work filled ~30 MB of the cache with pages no request reads again,
 * and the process kept that memory for its whole life (docs/BENCHMARKS.md, session 9).
 */
export async function sizeSqliteCache(payload: Payload, megabytes: number): Promise<void> {
  const db = payload.db as unknown as { name: string; client?: { execute: (sql: string) => Promise<unknown> } }
  if (db.name !== 'sqlite' || !db.client || megabytes <= 0) return
  await db.client.execute(`PRAGMA cache_size = -${Math.round(megabytes * 1024)}`)
}

/**
 * SQLite without statistics plans Payload's list queries as scans per row (21.6 s at 10,000 rows in
 * a prototype); the indexes that make the good plan possible are in the schema (src/db/sqliteIndexes.ts).
 * Idempotent: runs at every start and after each schema change.
 */
export async function tuneSqlite(payload: Payload): Promise<void> {
  const db = payload.db as unknown as { name: string; client?: { execute: (sql: string) => Promise<unknown> } }
  if (db.name !== 'sqlite' || !db.client) return
  // Statistics from a sample of each index: a full ANALYZE reads every index (about 2 s per
  // 10,000 resources, at every start); the plans need the proportions, not exact counts.
  await db.client.execute('PRAGMA analysis_limit = 1000')
  await db.client.execute('ANALYZE')
  await db.client.execute('PRAGMA optimize')
}

/** The database adapter's operations that reach the database (metrics time them; requestBudget takes turns at them). */
export const ADAPTER_OPERATIONS = [
  'count', 'countGlobalVersions', 'countVersions', 'create', 'createGlobal', 'createGlobalVersion',
  'createVersion', 'deleteMany', 'deleteOne', 'deleteVersions', 'find', 'findDistinct', 'findGlobal',
  'findGlobalVersions', 'findOne', 'findVersions', 'queryDrafts', 'updateGlobal', 'updateGlobalVersion',
  'updateMany', 'updateOne', 'updateVersion', 'upsert',
] as const
