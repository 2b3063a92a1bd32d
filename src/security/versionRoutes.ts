import type { Endpoint, SanitizedConfig } from 'payload'

/**
 * Payload mounts its `/versions` routes on every collection. On one without versions they read
 * a table that does not exist (a 500 for `GET /api/jurisdictions/versions`, and for any
 * signed-in account on Payload's own preferences and locks). There they answer 404 first.
 */
export function closeMissingVersionRoutes(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    if (collection.versions || collection.endpoints === false) continue
    const handler: Endpoint['handler'] = () => Response.json({ errors: [{ message: `${collection.slug} keeps no versions.` }] }, { status: 404 })
    const routes: Endpoint[] = [
      { path: '/versions', method: 'get', handler },
      { path: '/versions/:id', method: 'get', handler },
      { path: '/versions/:id', method: 'post', handler },
    ]
    collection.endpoints = [...routes, ...(collection.endpoints ?? [])]
  }
  return config
}
