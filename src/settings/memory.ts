/**
 * The memory an instance keeps to. Under read load V8 lets its heap grow to 3-4 times what it holds
 * live (an API-only instance at 100,000 resources: 370 MB of heap for ~85 MB live, 749 MB RSS),
 * because collecting less often is faster while memory is plentiful. HEAP_GROWTH_PERCENT bounds
 * that growth to a share of the live heap: unlike a fixed --max-old-space-size it cannot end the
 * process when a large page needs more, and it can be set from inside the process (V8 reads it at
 * every collection), so `npm start`, the image and tests all get it without a node flag.
 * docs/BENCHMARKS.md, "Memory".
 */
import v8 from 'node:v8'
import type { Settings } from './index'

/** Applies the heap growth bound (process-wide); returns the start-up line's words for it. */
export function limitHeapGrowth(percent: number): string {
  if (percent <= 0) return "V8's own heap growth"
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`)
  return `heap growth ${percent} % of the live heap`
}

/** What the start-up line says of memory: the heap bound, SQLite's page cache and the public cache. */
export function memoryLine(settings: Pick<Settings, 'database' | 'sqliteCacheMb' | 'publicCacheMb'>, heap: string): string {
  const sqlite = settings.sqliteCacheMb > 0 ? `${settings.sqliteCacheMb} MB` : "SQLite's default"
  const pageCache = settings.database.kind === 'sqlite' ? `, SQLite page cache ${sqlite} per connection` : ''
  return `memory: ${heap}${pageCache}, public cache ${settings.publicCacheMb} MB`
}
