/**
 * An in-process cache of anonymous API reads of public content. An entry is served only while
 * the public content version it was stored under is still current (see publicContentVersion.ts)
 * and younger than the public max-age, so a publish, unpublish or edit is visible on the very
 * next request.
 */
export type CachedResponse = { status: number; headers: [string, string][]; body: Uint8Array; etag?: string }

type Entry = CachedResponse & { version: string; storedAt: number }

/** What bounds the cache's memory: the bytes of its bodies in all, as well as the number of entries. */
export type PublicCacheLimits = { maxEntries?: number; maxBodyBytes?: number; maxBytes?: number; ttlMs?: number }

/** PUBLIC_CACHE_MB's default: a few hundred list pages; the toolkit's pages are the large ones (up to maxBodyBytes). */
export const DEFAULT_PUBLIC_CACHE_BYTES = 32 * 1024 * 1024

export class PublicResponseCache {
  private readonly entries = new Map<string, Entry>()
  /** The bodies' bytes held now (never above maxBytes). */
  private held = 0
  /** For metrics and tests. */
  readonly stats = { hits: 0, misses: 0 }
  private readonly maxEntries: number
  private readonly maxBodyBytes: number
  private readonly maxBytes: number
  private readonly ttlMs: number

  constructor({ maxEntries = 1000, maxBodyBytes = 512 * 1024, maxBytes = DEFAULT_PUBLIC_CACHE_BYTES, ttlMs = 60_000 }: PublicCacheLimits = {}) {
    this.maxEntries = maxEntries
    this.maxBytes = maxBytes
    // An entry larger than the whole cache would only empty it.
    this.maxBodyBytes = Math.min(maxBodyBytes, maxBytes)
    this.ttlMs = ttlMs
  }

  /** Entries and body bytes held (for tests and metrics). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.held }
  }

  get(key: string, version: string): CachedResponse | undefined {
    const entry = this.entries.get(key)
    if (!entry || entry.version !== version || Date.now() - entry.storedAt > this.ttlMs) {
      if (entry) this.remove(key, entry)
      this.stats.misses++
      return undefined
    }
    this.stats.hits++
    // Map keeps insertion order: re-inserting makes this the most recently used.
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry
  }

  set(key: string, version: string, response: CachedResponse): void {
    if (response.body.byteLength > this.maxBodyBytes) return
    const previous = this.entries.get(key)
    if (previous) this.remove(key, previous)
    this.entries.set(key, { ...response, version, storedAt: Date.now() })
    this.held += response.body.byteLength
    // The least recently used go first, until both bounds hold.
    while (this.entries.size > this.maxEntries || this.held > this.maxBytes) {
      const [oldest, entry] = this.entries.entries().next().value ?? []
      if (oldest === undefined || !entry) break
      this.remove(oldest, entry)
    }
  }

  clear(): void {
    this.entries.clear()
    this.held = 0
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key)
    this.held -= entry.body.byteLength
  }
}
