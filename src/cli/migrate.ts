/**
 * SQL migrations for the SQLite adapter (MongoDB needs none):
 *   npm run migrate:create -- --name <name>   writes src/db/migrations/<timestamp>_<name>.{ts,json} for what changed
 *   npm run check:migrations                  fails when the config would produce a non-empty new migration
 *   npm run migrate:reset-initial             pre-release only: replaces every migration with one `initial`
 * Payload's own CLI (`npm run payload migrate:create`) does the same `create`, but prompts, and
 * exited early and silently now and then on this machine (see generateTypes.ts).
 * Boots Payload on a throwaway database without connecting: the migration is computed from the
 * config's schema against the latest committed snapshot (`src/db/migrations/*.json`), not from a database.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getPayload, type Payload } from 'payload'
import { createConfig } from '../config'
import { migrationDir } from '../db/database'
import { loadSettings } from '../settings'

type DrizzleKit = {
  generateDrizzleJson: (schema: unknown) => Promise<{ version: string }>
  generateMigration: (before: unknown, after: unknown) => Promise<string[]>
  upSnapshot?: (snapshot: unknown) => unknown
}
type SqlAdapter = Payload['db'] & { schema: unknown; defaultDrizzleSnapshot: unknown; requireDrizzleKit: () => DrizzleKit }

const [command = 'check', ...args] = process.argv.slice(2)
const nameAt = args.indexOf('--name')
const name = nameAt >= 0 ? args[nameAt + 1] : undefined

async function boot(): Promise<Payload> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-migrate-'))
  process.env.PAYLOAD_MIGRATING = 'true'
  const settings = loadSettings(
    {
      NODE_ENV: 'development',
      DATA_DIR: scratch,
      DATABASE_URI: `file:${path.join(scratch, 'schema.db')}`,
      PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      JOBS_AUTORUN: 'false',
    },
    { strict: false },
  )
  const config = await createConfig(settings)
  return getPayload({ config, cron: false, disableDBConnect: true, disableOnInit: true } as never)
}

/** The SQL the config's schema needs beyond the latest committed snapshot (empty: nothing missing). */
async function pendingStatements(payload: Payload): Promise<string[]> {
  const db = payload.db as SqlAdapter
  const { generateDrizzleJson, generateMigration, upSnapshot } = db.requireDrizzleKit()
  const after = await generateDrizzleJson(db.schema)
  let before = db.defaultDrizzleSnapshot as { version: string }
  const latest = snapshots().at(-1)
  if (latest) {
    before = JSON.parse(fs.readFileSync(path.join(migrationDir, latest), 'utf8'))
    if (upSnapshot && before.version < after.version) before = upSnapshot(before) as { version: string }
  }
  return generateMigration(before, after)
}

function snapshots(): string[] {
  if (!fs.existsSync(migrationDir)) return []
  return fs.readdirSync(migrationDir).filter((file) => file.endsWith('.json')).sort()
}

async function create(payload: Payload, migrationName: string | undefined): Promise<void> {
  if (!(await pendingStatements(payload)).length) {
    console.log('No schema changes: no migration written.')
    return
  }
  // forceAcceptWarning: never prompt (the emptiness check above already ran).
  await payload.db.createMigration({ migrationName, payload, forceAcceptWarning: true } as never)
}

const payload = await boot()
if (command === 'check') {
  const statements = await pendingStatements(payload)
  if (statements.length) {
    console.error(
      `A migration is missing: the config needs ${statements.length} schema statement(s) that src/db/migrations does not create.\n` +
        'Run `npm run migrate:create -- --name <what-changed>` and commit src/db/migrations/.\n\n' +
        statements.slice(0, 20).join('\n') + (statements.length > 20 ? `\n… and ${statements.length - 20} more` : ''),
    )
    process.exit(1)
  }
  console.log(`Migrations are current (${snapshots().length} in src/db/migrations).`)
} else if (command === 'create') {
  await create(payload, name)
} else if (command === 'reset-initial') {
  // Pre-release only: a database migrated with the old files would not match the new ones.
  for (const file of fs.existsSync(migrationDir) ? fs.readdirSync(migrationDir) : []) {
    if (/\.(ts|json)$/.test(file) && file !== 'index.ts') fs.rmSync(path.join(migrationDir, file))
  }
  await create(payload, 'initial')
} else {
  console.error(`Unknown command "${command}": use create [--name <name>], check or reset-initial.`)
  process.exit(2)
}
process.exit(0)
