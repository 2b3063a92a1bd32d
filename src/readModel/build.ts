/**
 * The whole model at once (./index.ts builds at start when it is missing, of another format or of
 * another count, and on `npm run read-model:rebuild`): every published resource rendered again,
 * a page of 100 at a time, into emptied tables, with a progress line every 5 seconds.
 */
import type { Payload } from 'payload'
import { renderResources } from './render'
import type { ReadModelStore } from './stores'

/** Renders every published resource into `store`; the marks of writes committed before it began are settled with it. */
export async function buildAll(payload: Payload, store: ReadModelStore, reason: string): Promise<{ resources: number; ms: number }> {
  const started = Date.now()
  // Writes marked before this point are rendered by this build (they have committed): settled at its end.
  const marked = (await store.pending()).map((p) => p.token)
  const { totalDocs } = await payload.count({ collection: 'resources', overrideAccess: false })
  payload.logger.info(`Read model: building (${reason}): ${totalDocs} published resources`)
  await store.clear()
  let done = 0
  let lastLine = started
  for (let page = 1; ; page++) {
    const { docs, hasNextPage } = await payload.find({
      collection: 'resources',
      overrideAccess: false,
      depth: 0,
      limit: 100,
      page,
      sort: 'createdAt',
      select: { category: true },
    })
    const ids = docs.map((doc) => String(doc.id))
    const rendered = await renderResources(payload, ids)
    await store.replace(ids, rendered.docs, rendered.refs)
    done += ids.length
    if (Date.now() - lastLine > 5_000) {
      lastLine = Date.now()
      payload.logger.info(`Read model: ${done}/${totalDocs} rendered`)
    }
    if (!hasNextPage) break
  }
  await store.replace([], [], [], marked)
  await store.complete()
  return { resources: done, ms: Date.now() - started }
}

/** Why the model does not hold what Payload publishes (another count), or undefined when it does. */
export async function countMismatch(payload: Payload, store: ReadModelStore): Promise<string | undefined> {
  const stored = await store.count()
  const { totalDocs } = await payload.count({ collection: 'resources', overrideAccess: false })
  return stored === totalDocs ? undefined : `holding ${stored} resources where Payload publishes ${totalDocs}`
}
