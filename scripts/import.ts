// `npm run import <file.json|file.csv>`: bulk-import resources into the configured database.
// Format and checks: src/bulk/importFile.ts. All rows are checked first; on any problem nothing is written.
import 'dotenv/config'
import fs from 'node:fs'
import { getPayload } from 'payload'
import config from '../src/payload.config'
import { ImportError, importResources } from '../src/bulk/importFile'

const file = process.argv[2]
if (!file) {
  process.stderr.write('Usage: npm run import -- <resources.json|resources.csv>\n')
  process.exit(2)
}
const payload = await getPayload({ config })
let code = 0
try {
  const { ids, seconds, perSecond } = await importResources(payload, file, fs.readFileSync(file, 'utf8'), (done, total) =>
    process.stderr.write(`\r${done}/${total}`),
  )
  process.stderr.write('\n')
  process.stdout.write(`Imported ${ids.length} resources in ${seconds.toFixed(1)} s (${Math.round(perSecond)}/s)\n`)
} catch (error) {
  process.stderr.write(`${error instanceof ImportError ? error.message : String(error)}\n`)
  code = 1
}
await payload.destroy()
process.exit(code)
