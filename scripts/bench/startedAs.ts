/** What the bench's server processes share with `npm start`: its node command, and a database copy to run on. */
import fs from 'node:fs'

/** How `npm start` runs node (package.json's script): the command, its environment settings and node flags. */
export function npmStartCommand(): { command: string; env: Record<string, string>; flags: string[] } {
  const script = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start
  const command = script.split('&&').at(-1)!.trim()
  const words = command.split(/\s+/)
  const node = words.indexOf('node')
  const env = Object.fromEntries(words.slice(0, node).map((word) => word.split('=') as [string, string]))
  return { command, env, flags: words.slice(node + 1, -1).filter((flag) => flag !== '--conditions=production') }
}

/** Copies a SQLite file with its WAL and shared-memory files over `to` (whatever was there goes). */
export function copyDatabase(from: string, to: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    fs.rmSync(to + suffix, { force: true })
    if (fs.existsSync(from + suffix)) fs.copyFileSync(from + suffix, to + suffix)
  }
}
