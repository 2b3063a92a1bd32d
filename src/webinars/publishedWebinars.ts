import type { Payload, PayloadRequest } from 'payload'
import { publicContentVersion } from '../cache/publicContentVersion'
import { findById } from './http'
import type { Webinar } from './registrations'

export type PublicWebinar = Webinar & { _status?: string; registrationOpen?: boolean }

/**
 * Published webinars as the sign-up endpoint reads them (in the webinar's own language), kept
 * per public content version. A webinar's publish, unpublish, published edit (registration
 * closed, capacity, times, link) or delete moves that version in its own transaction, for every
 * process on the database (src/cache/publicContentWrites.ts), so a kept copy is never older
 * than the last committed change; a sign-up rush then costs one indexed read of the version per
 * sign-up instead of two of Payload's reads. Without a version (not followed, unreadable): no keeping.
 * At most `ttlMs` old whatever the version says, as the public response cache and the superseded
 * set: a bound on a change the version could miss (a write that ran no hooks). Settable for tests.
 */
export const keptWebinars = { ttlMs: 60_000 }
const KEPT = 100
type Kept = { version: string; since: number; webinars: Map<string, PublicWebinar> }
const keptBy = new WeakMap<Payload, Kept>()

/** In the webinar's own language, whatever `?locale=` the sign-up came with: the email and calendar file speak it. */
async function read(req: PayloadRequest, id: unknown): Promise<PublicWebinar | undefined> {
  const webinar = await findById<PublicWebinar>(req, 'webinars', id, 'en')
  if (!webinar || webinar._status !== 'published' || webinar.language !== 'es') return webinar
  return (await req.payload.findByID({ collection: 'webinars', id: webinar.id, locale: 'es', depth: 0, overrideAccess: true, req })) as PublicWebinar
}

/** The published webinar with this id from the URL, or undefined (none, not published, not an id). */
export async function publishedWebinar(req: PayloadRequest, id: unknown): Promise<PublicWebinar | undefined> {
  // Read before the webinar: a change committed in between gives a newer copy under the older
  // version, which the next request's version discards. Never the reverse.
  const version = await publicContentVersion.currentFor(req.payload)
  if (version === undefined) return published(await read(req, id))
  let kept = keptBy.get(req.payload)
  if (kept?.version !== version || Date.now() - kept.since >= keptWebinars.ttlMs) keptBy.set(req.payload, (kept = { version, since: Date.now(), webinars: new Map() }))
  const key = String(id)
  const hit = kept.webinars.get(key)
  if (hit) return hit
  const webinar = published(await read(req, id))
  if (webinar) {
    kept.webinars.set(key, Object.freeze(webinar))
    if (kept.webinars.size > KEPT) kept.webinars.delete(kept.webinars.keys().next().value!)
  }
  return webinar
}

const published = (webinar: PublicWebinar | undefined) => (webinar?._status === 'published' ? webinar : undefined)
