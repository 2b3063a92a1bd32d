/**
 * The read model's MongoDB store (src/readModel/mongoStore.ts) as it drives the native driver,
 * on an in-memory stand-in for `Db` and `MongoClient` (tests/helpers/mongoMemory.ts: sift
 * filters, BSON order) that records each operation with its session: the collections and
 * indexes it makes, a write's pending mark in the write's own transaction, `replace` in one
 * transaction on a replica set and bracketed by a mark of its own without one, reads in one
 * snapshot session, and no answer while anything is pending. No server: what a real one does
 * with these sessions is docs/MONGODB.md M6.
 */
import { describe, expect, it } from '@jest/globals'
import type { PayloadRequest } from 'payload'
import { markMongoPending, MongoReadModelStore } from '../src/readModel/mongoStore'
import { DOCS, docIndexes, META, MONGO_FORMAT, PENDING, REFS } from '../src/readModel/mongoQueries'
import type { ListQuery } from '../src/readModel/query'
import type { StoredDoc, StoredRef } from '../src/readModel/store'
import { MemoryDb, memoryClient, type MemorySession } from './helpers/mongoMemory'

const NOW = Date.UTC(2026, 0, 1)

function corpus(n: number): { docs: StoredDoc[]; refs: StoredRef[] } {
  const docs: StoredDoc[] = []
  const refs: StoredRef[] = []
  for (let i = 0; i < n; i++) {
    const id = (0x650000000000000000000000n + BigInt(i)).toString(16)
    const at = (days: number) => new Date(Date.UTC(2025, 0, 1 + days)).toISOString()
    for (const locale of ['en', 'es', 'all'] as const) {
      for (const depth of [0, 1]) {
        docs.push({
          id, locale, depth,
          slug: `s-${i}`, category: i % 2 ? 'policy' : 'legislation', section: null,
          publishedAt: at(i % 3), updatedAt: at(10 + i), createdAt: at(i),
          titleSort: locale === 'all' ? null : `t${i}`, volatile: false, staleAfter: null,
          json: JSON.stringify({ id, locale, depth }),
        })
      }
    }
    refs.push({ id, relation: 'jurisdictions', target: `j${i % 2}`, code: i % 2 ? 'US-NY' : 'US-CA' }, { id, relation: 'language', target: 'en', code: null })
  }
  return { docs, refs }
}

const list = (extra: Partial<ListQuery> = {}): ListQuery => ({ kind: 'list', locale: 'en', depth: 0, limit: 2, page: 1, sort: { field: 'publishedAt', descending: true }, ...extra })
const ids = (page?: { docs: string[] }) => page?.docs.map((json) => (JSON.parse(json) as { id: string }).id.slice(-2))

async function opened(replicaSet?: string, maxWireVersion?: number) {
  const db = new MemoryDb(maxWireVersion)
  const client = memoryClient(replicaSet)
  const store = new MongoReadModelStore(db as never, client as never, Boolean(replicaSet))
  const complete = await store.open()
  return { db, client, store, complete }
}

describe('the read model on MongoDB (driver calls, in memory)', () => {
  it('opens: four collections and their indexes; complete once marked so; another format is made afresh', async () => {
    const { db, store, complete } = await opened()
    expect(complete).toBe(false)
    expect([...db.collections.keys()].sort()).toEqual([DOCS, META, PENDING, REFS].sort())
    expect(db.indexes.get(DOCS)!.map((i) => i.name)).toEqual(docIndexes().map((i) => i.name))
    expect(new Set(docIndexes().map((i) => i.name)).size).toBe(docIndexes().length)
    const { docs, refs } = corpus(3)
    await store.replace(['x'], docs, refs)
    await store.complete()
    expect(await store.open()).toBe(true)
    expect(await store.count()).toBe(3)
    // Emptied by dropping (their indexes made again), the format first: incomplete until complete().
    await store.clear()
    expect([await store.count(), db.collections.get(META), db.indexes.get(DOCS)!.length]).toEqual([0, [], docIndexes().length])
    expect(await store.open()).toBe(false)
    await store.replace([], docs, refs)
    await store.complete()
    expect(await store.open()).toBe(true)
    db.collections.get(META)![0]!.value = 'an older one'
    expect(await store.open()).toBe(false)
    expect(await store.count()).toBe(0)
    expect(db.collections.get(META)).toEqual([])
  })

  it('answers lists and ids in Payload’s order, with the count; nothing while a write is pending', async () => {
    const { db, store } = await opened()
    const { docs, refs } = corpus(6)
    await store.replace([], docs, refs)
    // publishedAt days 0,1,2,0,1,2: ties broken by the newest createdAt first.
    expect(ids(await store.list(list({ limit: 6 }), NOW))).toEqual(['05', '02', '04', '01', '03', '00'])
    const second = await store.list(list({ jurisdictionCode: 'US-NY', page: 2 }), NOW)
    expect([ids(second), second?.totalDocs]).toEqual([['03'], 3])
    expect(await store.byId(docs[0]!.id, 'es', 1, NOW)).toBe(JSON.stringify({ id: docs[0]!.id, locale: 'es', depth: 1 }))
    expect(await store.referring('jurisdictions', 'j1')).toHaveLength(3)
    expect((await store.targets('language', [docs[0]!.id])).sort()).toEqual(['en'])
    db.collections.get(PENDING)!.push({ _id: 'elsewhere', at: new Date().toISOString() })
    expect(await store.list(list(), NOW)).toBeUndefined()
    expect(await store.byId(docs[0]!.id, 'en', 0, NOW)).toBeUndefined()
    await store.replace([], [], [], ['elsewhere'])
    expect(await store.pending()).toEqual([])
    expect(ids(await store.list(list(), NOW))).toEqual(['05', '02'])
  })

  it('marks a write pending in its own transaction’s session, and only once the model exists', async () => {
    const db = new MemoryDb()
    const client = memoryClient('rs0')
    const session = client.startSession()
    session.startTransaction()
    const ended = client.startSession()
    const req = (transactionID?: string) =>
      ({ transactionID, payload: { db: { name: 'mongoose', connection: { db, getClient: () => client }, sessions: { open: session, ended } } } }) as unknown as PayloadRequest
    expect(await markMongoPending(req('open'))).toBeUndefined() // no model yet
    await new MongoReadModelStore(db as never, client as never, true).open()
    const token = await markMongoPending(req('open'))
    expect(db.ops.at(-1)).toEqual({ collection: PENDING, op: 'insertOne', session })
    expect(db.collections.get(PENDING)!.map((mark) => mark._id)).toEqual([token])
    // A session no longer in its transaction (as the adapter's getSession): not used.
    await markMongoPending(req('ended'))
    expect(db.ops.at(-1)).toEqual({ collection: PENDING, op: 'insertOne', session: undefined })
    await markMongoPending(req())
    expect(db.ops.at(-1)!.session).toBeUndefined()
  })

  it('on a replica set: replace in one transaction, reads in one snapshot session', async () => {
    const { db, client, store } = await opened('rs0')
    const { docs, refs } = corpus(4)
    db.collections.get(PENDING)!.push({ _id: 't1', at: '' })
    db.ops.length = 0
    await store.replace([docs[0]!.id], docs, refs, ['t1'])
    const transaction = client.sessions.at(-1)!
    expect(db.ops.map((op) => `${op.collection}.${op.op}`)).toEqual([`${PENDING}.deleteMany`, `${DOCS}.deleteMany`, `${REFS}.deleteMany`, `${DOCS}.insertMany`, `${REFS}.insertMany`])
    expect(db.ops.every((op) => op.session === transaction)).toBe(true)
    expect(transaction.ended).toBe(true)
    db.ops.length = 0
    expect(ids(await store.list(list(), NOW))).toEqual(['02', '01'])
    const snapshot = client.sessions.at(-1)! as MemorySession
    expect(snapshot.options).toEqual({ snapshot: true })
    expect(db.ops.map((op) => [`${op.collection}.${op.op}`, op.session === snapshot])).toEqual([
      [`${PENDING}.findOne`, true],
      [`${DOCS}.find`, true],
      [`${DOCS}.countDocuments`, true],
    ])
    expect(snapshot.ended).toBe(true)
  })

  it('without snapshots (standalone, or a server before 5.0): a write pending after the page was read stops the answer', async () => {
    for (const [replicaSet, wire] of [[undefined, 21], ['rs0', 9]] as const) {
      const { db, store } = await opened(replicaSet, wire)
      const { docs, refs } = corpus(4)
      await store.replace([], docs, refs)
      db.before = (op) => {
        if (op.op === 'countDocuments') db.collections.get(PENDING)!.push({ _id: 'meanwhile', at: '' })
      }
      expect(await store.list(list(), NOW)).toBeUndefined()
      db.before = undefined
      db.collections.set(PENDING, [])
      expect(ids(await store.list(list(), NOW))).toEqual(['02', '01'])
    }
  })

  it('without transactions: replace is bracketed by a mark of its own, which stays if a step fails (nothing answered)', async () => {
    const { db, store } = await opened()
    const { docs, refs } = corpus(4)
    await store.replace([], docs, refs)
    db.ops.length = 0
    await store.replace([docs[0]!.id], docs.slice(0, 6), refs.slice(0, 2), [])
    expect(db.ops.map((op) => `${op.collection}.${op.op}`)).toEqual([
      `${PENDING}.insertOne`,
      `${DOCS}.deleteMany`,
      `${REFS}.deleteMany`,
      `${DOCS}.insertMany`,
      `${REFS}.insertMany`,
      `${PENDING}.deleteMany`,
    ])
    expect(await store.pending()).toEqual([])
    db.before = (op) => {
      if (op.op === 'insertMany') throw new Error('connection lost')
    }
    await expect(store.replace([docs[0]!.id], docs.slice(0, 6), refs.slice(0, 2))).rejects.toThrow('connection lost')
    db.before = undefined
    expect((await store.pending()).map((p) => p.token)).toEqual([expect.stringMatching(/^replace:/)])
    expect(await store.list(list(), NOW)).toBeUndefined()
  })

  it('stale renderings: found by time, never answered once stale', async () => {
    const { store } = await opened()
    const { docs, refs } = corpus(2)
    docs[0]!.staleAfter = NOW + 1000
    await store.replace([], docs, refs)
    expect(await store.stale(NOW)).toEqual([])
    expect(await store.stale(NOW + 1000)).toEqual([docs[0]!.id])
    expect(await store.byId(docs[0]!.id, 'en', 0, NOW)).toBeDefined()
    expect(await store.byId(docs[0]!.id, 'en', 0, NOW + 1000)).toBeUndefined()
    expect(MONGO_FORMAT).toMatch(/-mongo\d+$/)
  })
})
