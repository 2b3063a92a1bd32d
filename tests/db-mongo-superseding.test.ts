/**
 * MongoDB's read of the superseded set (src/db/mongoSuperseding.ts): only published resources
 * with a non-empty `supersedes` (the bulk import stores `[]`, which `exists: true` matched, so
 * every published resource was read), by a filter the `supersedes` index answers. Run by sift
 * on documents shaped as the adapter stores them (ObjectId references).
 */
import { describe, expect, it } from '@jest/globals'
import { ObjectId } from 'mongodb'
import { readSupersedingOnMongo, SUPERSEDING_FILTER } from '../src/db/mongoSuperseding'
import { siftModel } from './helpers/mongoFake'

describe('readSupersedingOnMongo', () => {
  it('reads the targets of published resources with a non-empty supersedes, and no other document', async () => {
    const [a, b, c] = [new ObjectId(), new ObjectId(), new ObjectId()]
    const docs = [
      { _id: new ObjectId(), _status: 'published', supersedes: [] },
      { _id: new ObjectId(), _status: 'published' },
      { _id: new ObjectId(), _status: 'published', supersedes: null },
      { _id: new ObjectId(), _status: 'published', supersedes: [a, b] },
      { _id: new ObjectId(), _status: 'draft', supersedes: [c] },
    ]
    const model = siftModel(docs)
    const ids = await readSupersedingOnMongo({ payload: { db: { collections: {} } } as never, transactionID: undefined }, model as never)
    expect([...ids].sort()).toEqual([String(a), String(b)].sort())
    expect(model.calls).toEqual([SUPERSEDING_FILTER])
  })

  it('filters on the indexed field by type (what the multikey index bounds), never `$exists`', () => {
    expect(SUPERSEDING_FILTER).toEqual({ _status: 'published', supersedes: { $type: ['objectId', 'string'] } })
  })
})
