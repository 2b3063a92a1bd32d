/** The bench server's entry (dist/bench/bench-server.mjs), as `npm start`'s (src/main.ts): cheaper module loading first, then ./server.ts. */
import { cacheModuleResolution } from '../../src/settings/moduleResolution'

cacheModuleResolution()
await import('./server')
