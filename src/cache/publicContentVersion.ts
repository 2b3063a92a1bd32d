/**
 * The public content version: a token that changes when, and only when, what anonymous readers
 * can see may have changed (publish, unpublish, archive, a published document's edit, a change to
 * what published documents show). The public response cache, the superseded set and anything
 * else derived from public content key on it, so logins, sign-ups, drafts, review events, jobs
 * and the like leave them warm. Which writes move it: ./publicContentWrites.ts.
 *
 * It lives in one row, the `public-content-version` global, written by those writes' hooks IN
 * THEIR TRANSACTION: no reader can see the new token before the content it stands for, and every
 * process on the database sees it once it commits.
 * - SQLite: every check reads the row (one indexed read on the local file).
 * - MongoDB: a change stream on that document, reading the document while the stream is down
 *   (./mongoContentVersion.ts).
 * A check that fails answers `undefined`: the caller serves without its cache.
 * On MongoDB two transactions that change public content at the same moment both write this
 * document: the second fails with a WriteConflict (a TransientTransactionError, retryable as a
 * whole). Editors' writes are rare enough; registrations, logins and the like never write it.
 */
import crypto from 'node:crypto'
import type { GlobalConfig, Payload, PayloadRequest } from 'payload'
import { nobody } from '../../access/nobody'
import { verificationDay } from '../verification/clock'
import { MongoContentVersion } from './mongoContentVersion'

export const PUBLIC_CONTENT_VERSION = 'public-content-version'

/** The one row. Closed to every API caller; only the hooks write it, through the adapter. */
export const PublicContentVersionGlobal: GlobalConfig = {
  slug: PUBLIC_CONTENT_VERSION,
  admin: { hidden: true },
  graphQL: false,
  access: { read: nobody, update: nobody },
  fields: [{ name: 'token', type: 'text', required: true }],
}

type SqliteClient = { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }
type SqliteAdapter = { name: 'sqlite'; client: SqliteClient; tableNameMap: Map<string, string> }
type MongoAdapter = { name: 'mongoose'; connection: { db?: { collection: (name: string) => { watch: (pipeline: object[]) => unknown } } }; globals?: { collection?: { name?: string } } }

/** Set on req.context once this request's transaction has written a new token. */
const WRITTEN = 'publicContentVersionWritten'

export class PublicContentVersion {
  private payload?: Payload
  private readSqlite?: () => Promise<string>
  private mongo?: MongoContentVersion

  /** Starts following the database `payload` is connected to (and creates the row if missing). */
  async follow(payload: Payload): Promise<void> {
    await this.stop()
    this.payload = payload
    if (!(await readToken(payload))) await payload.db.createGlobal({ slug: PUBLIC_CONTENT_VERSION, data: { token: newToken() }, req: { payload, context: {} } as never })
    const db = payload.db as unknown as SqliteAdapter | MongoAdapter
    if (db.name === 'sqlite') {
      const table = db.tableNameMap.get('public_content_version') ?? 'public_content_version'
      // The first row (an index lookup: the public read plans are checked for scans).
      const sql = `SELECT token FROM "${table}" WHERE id = (SELECT min(id) FROM "${table}")`
      this.readSqlite = async () => String((await db.client.execute(sql)).rows[0]?.token ?? '')
    }
    if (db.name === 'mongoose' && db.connection.db) {
      const collection = db.connection.db.collection(db.globals?.collection?.name ?? 'globals')
      // Only writes of the token (other globals share the collection).
      const pipeline = [{ $match: { $or: [{ 'updateDescription.updatedFields.token': { $exists: true } }, { 'fullDocument.globalType': PUBLIC_CONTENT_VERSION }] } }]
      this.mongo = new MongoContentVersion({
        open: () => collection.watch(pipeline) as never,
        read: () => readToken(payload),
        logger: { warn: (message) => payload.logger.warn(message), info: (message) => payload.logger.info(message) },
      })
      this.mongo.start()
    }
  }

  /**
   * The current version; `undefined` when it cannot be known (serve without the cache). It carries
   * the day of the verification clock: a resource's verification status is derived from the date,
   * so no cached answer outlives its day.
   */
  async current(): Promise<string | undefined> {
    const token = await this.currentToken()
    return token === undefined ? undefined : `${token}:${verificationDay()}`
  }

  /** The current version if this follows `payload`'s database, else `undefined` (nothing to key on). */
  async currentFor(payload: Payload): Promise<string | undefined> {
    return payload === this.payload ? this.current() : undefined
  }

  private async currentToken(): Promise<string | undefined> {
    const payload = this.payload
    if (!payload) return undefined
    try {
      if (this.readSqlite) return await this.readSqlite()
      if (this.mongo) return await this.mongo.current()
      return await readToken(payload)
    } catch (error) {
      payload.logger.warn({ err: error, msg: 'Public cache: the content version could not be read; serving without the cache' })
      return undefined
    }
  }

  /**
   * Public content changes in `req`'s transaction: writes a new token there (once per
   * transaction). Every hook of ./publicContentWrites.ts ends here; server code that writes
   * public content without hooks (bulk inserts) calls it too.
   */
  async changed(req: Pick<PayloadRequest, 'payload' | 'context' | 'transactionID'>): Promise<void> {
    const context = req.context as Record<string, unknown>
    if (req.transactionID !== undefined && context[WRITTEN] === req.transactionID) return
    const token = newToken()
    await req.payload.db.updateGlobal({ slug: PUBLIC_CONTENT_VERSION, data: { token }, req: req as PayloadRequest, returning: false })
    context[WRITTEN] = req.transactionID
    if (req.payload === this.payload) this.mongo?.wrote(token)
  }

  async stop(): Promise<void> {
    await this.mongo?.stop()
    this.mongo = undefined
    this.readSqlite = undefined
    this.payload = undefined
  }
}

const newToken = () => crypto.randomUUID()

async function readToken(payload: Payload): Promise<string> {
  const row = (await payload.db.findGlobal({ slug: PUBLIC_CONTENT_VERSION, req: { payload, context: {} } as never, locale: undefined as never })) as { token?: string } | null
  return row?.token ?? ''
}

export const publicContentVersion = new PublicContentVersion()
