/**
 * `npm start`'s entry (compiled to dist/start.mjs): module loading made cheaper before anything
 * loads (./settings/moduleResolution.ts; a static import would be resolved before it runs), then
 * the server's start (./start.ts).
 */
import { cacheModuleResolution } from './settings/moduleResolution'

cacheModuleResolution()
await import('./start')
