import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The repository root, wherever the process was started from: the nearest folder above this
 * module with a package.json. Searched, not counted, because this module runs both from
 * src/settings/ and bundled into dist/ (scripts/build-server.mjs), at different depths.
 */
export const projectRoot = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir)
  return dir
})()
