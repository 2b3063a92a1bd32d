// `npm run check:types`: fails when src/payload-types.ts is not what the config generates now,
// i.e. when someone changed a collection and forgot `npm run generate:types`. Run by CI (.ci/run).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateTypes } from 'payload/node'
import config from '../payload.config'
import { projectRoot } from '../settings/paths'

const committed = path.join(projectRoot, 'src', 'payload-types.ts')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'payload-types-'))
const fresh = path.join(dir, 'payload-types.ts')
process.env.PAYLOAD_TS_OUTPUT_PATH = fresh
try {
  await generateTypes(await config, { log: false })
  const same = fs.existsSync(committed) && fs.readFileSync(committed, 'utf8') === fs.readFileSync(fresh, 'utf8')
  if (!same) {
    console.error('src/payload-types.ts is out of date: run `npm run generate:types` and commit the result.')
    process.exit(1)
  }
  console.log('src/payload-types.ts is up to date.')
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
process.exit(0)
