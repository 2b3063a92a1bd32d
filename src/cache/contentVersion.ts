/**
 * A token that changes whenever published content may have changed, so cached public
 * responses can be checked in O(1) instead of expiring blindly. It moves on:
 * - every write this process makes (hooks on every collection and global, and again once an
 *   API write has answered, i.e. after its transaction committed);
 * - every write another process makes to the same database: SQLite's `PRAGMA data_version`
 *   (read per check; it changes when another connection commits), MongoDB's change stream
 *   (needs a replica set; without one, other instances' writes show after the cache's TTL).
 */
import type { Payload, Plugin } from 'payload'
import { verificationDay } from '../verification/clock'

type SqliteClient = { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }
type MongoConnection = { watch: () => { on: (event: string, fn: (arg?: unknown) => void) => unknown; close: () => Promise<void> } }

export class ContentVersion {
  private local = 0
  private sqlite?: SqliteClient
  private stream?: ReturnType<MongoConnection['watch']>

  bump(): void {
    this.local++
  }

  async current(): Promise<string> {
    // The verification status is derived from the date: a cached answer does not outlive its day.
    const day = verificationDay()
    if (!this.sqlite) return `${this.local}:${day}`
    const { rows } = await this.sqlite.execute('PRAGMA data_version')
    return `${this.local}:${String(rows[0]?.data_version ?? '')}:${day}`
  }

  /** Starts following other processes' writes to the database `payload` is connected to. */
  follow(payload: Payload): void {
    const db = payload.db as unknown as { name: string; client?: SqliteClient; connection?: MongoConnection }
    if (db.name === 'sqlite' && db.client) this.sqlite = db.client
    if (db.name === 'mongoose' && db.connection) {
      try {
        this.stream = db.connection.watch()
        this.stream.on('change', () => this.bump())
        this.stream.on('error', () => {
          payload.logger.warn('No MongoDB change stream (a replica set is needed): other instances\' writes reach the public cache after its TTL')
        })
      } catch {
        this.stream = undefined
      }
    }
  }

  async stop(): Promise<void> {
    await this.stream?.close().catch(() => undefined)
  }
}

export const contentVersion = new ContentVersion()

/** Hooks on every collection and global that move the version on each write. */
export const bumpContentVersionOnWrite =
  (version: ContentVersion): Plugin =>
  (config) => {
    const bump = () => version.bump()
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => ({
        ...collection,
        hooks: {
          ...collection.hooks,
          afterChange: [...(collection.hooks?.afterChange ?? []), bump],
          afterDelete: [...(collection.hooks?.afterDelete ?? []), bump],
        },
      })),
      globals: (config.globals ?? []).map((global) => ({
        ...global,
        hooks: { ...global.hooks, afterChange: [...(global.hooks?.afterChange ?? []), bump] },
      })),
    }
  }
