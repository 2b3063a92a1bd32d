import type { Payload, Where } from 'payload'

/**
 * One instance at a time rebuilds the search index at start: the lock is a row of the index
 * itself, (resource "__reindex__", locale "lock"), whose unique (resource, locale) key lets one
 * insert win on either database, across processes and machines. No search reads it (every
 * search names its locale, en or es). A lock older than STALE_AFTER_MS is taken to belong to a
 * process that died while holding it, and is taken over.
 */
export const LOCK_ENTRY = { resource: '__reindex__', locale: 'lock' } as const
const STALE_AFTER_MS = 60 * 60_000

const lockWhere: Where = { and: [{ resource: { equals: LOCK_ENTRY.resource } }, { locale: { equals: LOCK_ENTRY.locale } }] }

/** Runs `rebuild` holding the lock; false (without running it) when another instance holds it. */
export async function underReindexLock(payload: Payload, rebuild: () => Promise<void>, now = () => Date.now()): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await payload.create({ collection: 'search-entries', data: { ...LOCK_ENTRY, words: [], publishedAt: new Date(now()).toISOString() } as never, overrideAccess: true, depth: 0 })
    } catch (error) {
      if (!(error as { data?: { errors?: unknown[] } })?.data?.errors?.length) throw error
      const { docs } = await payload.find({ collection: 'search-entries', where: lockWhere, limit: 1, depth: 0, overrideAccess: true })
      const since = docs[0]?.publishedAt ? new Date(docs[0].publishedAt).getTime() : 0
      if (docs[0] && now() - since < STALE_AFTER_MS) return false
      await payload.delete({ collection: 'search-entries', where: lockWhere, overrideAccess: true, depth: 0 })
      continue
    }
    try {
      await rebuild()
    } finally {
      await payload.delete({ collection: 'search-entries', where: lockWhere, overrideAccess: true, depth: 0 })
    }
    return true
  }
  return false
}
