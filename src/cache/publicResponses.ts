/**
 * An in-process cache of anonymous API reads of public content. An entry is served only while
 * the public content version it was stored under is still current (see publicContentVersion.ts)
 * and younger than the public max-age, so a publish, unpublish or edit is visible on the very
 * next request.
 */
export type CachedResponse = { status: number; headers: [string, string][]; body: Uint8Array; etag?: string }

type Entry = CachedResponse & { version: string; storedAt: number }

export class PublicResponseCache {
  private readonly entries = new Map<string, Entry>()
  /** For metrics and tests. */
  readonly stats = { hits: 0, misses: 0 }

  constructor(
    private readonly maxEntries = 1000,
    private readonly maxBodyBytes = 512 * 1024,
    private readonly ttlMs = 60_000,
  ) {}

  get(key: string, version: string): CachedResponse | undefined {
    const entry = this.entries.get(key)
    if (!entry || entry.version !== version || Date.now() - entry.storedAt > this.ttlMs) {
      if (entry) this.entries.delete(key)
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
    this.entries.delete(key)
    this.entries.set(key, { ...response, version, storedAt: Date.now() })
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.entries.delete(oldest)
    }
  }

  clear(): void {
    this.entries.clear()
  }
}
