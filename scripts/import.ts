// `npm run import -- <file.json|file.csv> --as <email> [--publish --confirm-checklist]`: bulk-import
// resources into the configured database, recorded as the account `--as` names. Every item goes to
// review unless --publish (an editor's or admin's account, inside their region) says otherwise.
// Format, checks and who may import what: src/bulk/importFile.ts, src/bulk/importer.ts.
// All rows are checked first; on any problem nothing is written.
import 'dotenv/config'
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { getPayload } from 'payload'
import config from '../src/payload.config'
import { ImportError, importResources } from '../src/bulk/importFile'

const USAGE = 'Usage: npm run import -- <resources.json|resources.csv> --as <email> [--publish --confirm-checklist]\n'
const parse = () =>
  parseArgs({
    allowPositionals: true,
    options: { as: { type: 'string' }, publish: { type: 'boolean' }, 'confirm-checklist': { type: 'boolean' } },
  })
let args: ReturnType<typeof parse>
try {
  args = parse()
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${USAGE}`)
  process.exit(2)
}
const [file, ...extra] = args.positionals
if (!file || extra.length) {
  process.stderr.write(USAGE)
  process.exit(2)
}
if (!args.values.as) {
  process.stderr.write(`--as <email> is required: the account the import is recorded as.\n${USAGE}`)
  process.exit(2)
}
const payload = await getPayload({ config })
let code = 0
try {
  const { ids, seconds, perSecond } = await importResources(payload, file, fs.readFileSync(file, 'utf8'), {
    as: args.values.as,
    publish: args.values.publish,
    confirmChecklist: args.values['confirm-checklist'],
    onProgress: (done, total) => process.stderr.write(`\r${done}/${total}`),
  })
  process.stderr.write('\n')
  const outcome = args.values.publish ? 'published' : 'in review'
  process.stdout.write(`Imported ${ids.length} resources (${outcome}, as ${args.values.as}) in ${seconds.toFixed(1)} s (${Math.round(perSecond)}/s)\n`)
} catch (error) {
  process.stderr.write(`${error instanceof ImportError ? error.message : String(error)}\n`)
  code = 1
}
await payload.destroy()
process.exit(code)
