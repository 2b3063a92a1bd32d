import { ConnectionString } from 'mongodb-connection-string-url'

/**
 * The MongoDB URI of a test file's own database: the given one with its database name replaced.
 * Parsed by the driver's own parser (`new URL()` throws on multi-host replica-set URIs such as
 * `mongodb://h1,h2/cms?replicaSet=rs0`). With credentials and no `authSource`, the user was
 * authenticated against the URI's database (or `admin`): that stays so.
 */
export function withDatabaseName(uri: string, name: string): string {
  const parsed = new ConnectionString(uri)
  const original = parsed.pathname.replace(/^\//, '')
  if (parsed.username && !parsed.searchParams.has('authSource')) parsed.searchParams.set('authSource', original || 'admin')
  parsed.pathname = `/${name}`
  return parsed.toString()
}
