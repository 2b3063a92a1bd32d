/**
 * `npm run backup [-- <folder>]`: a consistent copy of the database (and of local uploads) while
 * the server keeps running. SQLite: `VACUUM INTO` (a transactionally consistent, compacted copy;
 * writers wait only for the moment it reads), then an integrity check of the copy. MongoDB:
 * `mongodump --oplog --archive --gzip` (install the MongoDB Database Tools; docker-compose.yml's
 * `backup` service does it nightly without them). See docs/DEPLOYMENT.md.
 */
import 'dotenv/config'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createClient } from '@libsql/client'
import { ConnectionString } from 'mongodb-connection-string-url'
import { loadSettings, type Settings } from '../settings'

export type BackupResult = { database: string; uploads?: string }

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-')

/** Copies a live SQLite database to `<folder>/cms-<time>.db` and checks the copy. */
export async function backupSqlite(file: string, folder: string): Promise<string> {
  if (!fs.existsSync(file)) throw new Error(`No SQLite database at ${file}.`)
  fs.mkdirSync(folder, { recursive: true })
  const target = path.join(path.resolve(folder), `cms-${stamp()}.db`)
  const source = createClient({ url: `file:${file}` })
  try {
    await source.execute('PRAGMA busy_timeout = 10000')
    await source.execute({ sql: 'VACUUM INTO ?', args: [target] })
  } finally {
    source.close()
  }
  const copy = createClient({ url: `file:${target}` })
  try {
    const { rows } = await copy.execute('PRAGMA integrity_check')
    if (rows[0]?.[0] !== 'ok') throw new Error(`The backup ${target} failed its integrity check.`)
  } finally {
    copy.close()
  }
  return target
}

/** `mongodump` of the whole database into one gzipped archive. */
export function backupMongo(url: string, folder: string): string {
  fs.mkdirSync(folder, { recursive: true })
  const target = path.join(path.resolve(folder), `cms-${stamp()}.archive.gz`)
  // --oplog: consistent to one moment; it needs a replica set and a dump of the whole instance.
  const oplog = /[?&]replicaSet=/.test(url) || url.startsWith('mongodb+srv://')
  const uri = oplog ? wholeInstance(url) : url
  const result = spawnSync('mongodump', [`--uri=${uri}`, ...(oplog ? ['--oplog'] : []), `--archive=${target}`, '--gzip'], { stdio: 'inherit' })
  if (result.error) throw new Error("mongodump not found: install the MongoDB Database Tools, or use docker-compose.yml's backup service (docs/DEPLOYMENT.md).")
  if (result.status !== 0) throw new Error(`mongodump failed (exit ${result.status}).`)
  return target
}

/** The URI without its database name (the user still authenticates where it did). */
export function wholeInstance(url: string): string {
  const parsed = new ConnectionString(url)
  const database = parsed.pathname.replace(/^\//, '')
  if (parsed.username && !parsed.searchParams.has('authSource')) parsed.searchParams.set('authSource', database || 'admin')
  parsed.pathname = '/'
  return parsed.toString()
}

export async function backup(settings: Settings, folder: string): Promise<BackupResult> {
  const database =
    settings.database.kind === 'sqlite'
      ? await backupSqlite(settings.database.file, folder)
      : backupMongo(settings.database.url, folder)
  // Files on S3 are the bucket's business (versioning, replication); local ones are copied here.
  if (settings.s3 || !fs.existsSync(settings.uploadDir)) return { database }
  const uploads = database.replace(/\.(db|archive\.gz)$/, '-uploads')
  fs.cpSync(settings.uploadDir, uploads, { recursive: true })
  return { database, uploads }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const settings = loadSettings(process.env, { strict: false })
  const folder = process.argv[2] || path.join(settings.dataDir, 'backups')
  backup(settings, folder).then(
    (result) => {
      console.log(`Backup written: ${result.database}${result.uploads ? ` (uploads: ${result.uploads})` : ''}`)
    },
    (error: Error) => {
      console.error(`Backup failed: ${error.message}`)
      process.exit(1)
    },
  )
}
