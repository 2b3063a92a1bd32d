/**
 * What another process's write looks like from this one, on either database: a published
 * resource's English title changed and a read-model pending mark (src/readModel/stores.ts), in one
 * transaction where the database has them, and no hook run in this process.
 */
import type { App } from '../../src/server'

type SqliteClient = { batch: (statements: { sql: string; args: unknown[] }[], mode: string) => Promise<unknown> }
type MongoConnection = { db: import('mongodb').Db; getClient: () => import('mongodb').MongoClient }

export async function writeTitleElsewhere(app: App, id: string | number, title: string, token = 'another-process'): Promise<void> {
  const adapter = app.payload.db as unknown as { name: string; client?: SqliteClient; connection?: MongoConnection; collections?: Record<string, { collection: { name: string } }> }
  const at = new Date().toISOString()
  if (adapter.name === 'sqlite' && adapter.client) {
    await adapter.client.batch(
      [
        { sql: `UPDATE resources_locales SET title = ? WHERE _parent_id = ? AND _locale = 'en'`, args: [title, id] },
        { sql: `INSERT INTO read_model_pending (token, at) VALUES (?, ?)`, args: [token, at] },
      ],
      'write',
    )
    return
  }
  const { ObjectId } = await import('mongodb')
  const { db, getClient } = adapter.connection!
  const client = getClient()
  const write = async (session?: import('mongodb').ClientSession) => {
    await db.collection<{ _id: string; at: string }>('read_model_pending').insertOne({ _id: token, at }, { session })
    await db.collection(adapter.collections!.resources!.collection.name).updateOne({ _id: new ObjectId(String(id)) }, { $set: { 'title.en': title } }, { session })
  }
  if (!client.options.replicaSet) return write()
  const session = client.startSession()
  try {
    await session.withTransaction(() => write(session))
  } finally {
    await session.endSession()
  }
}
