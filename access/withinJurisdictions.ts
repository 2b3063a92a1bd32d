import type { PayloadRequest } from 'payload'
import { activeRole } from './roles'
import { sameId } from './sameId'

type Id = string | number
type Place = { id: Id; code?: string; name?: string; type?: string; parent?: unknown }
/** Jurisdictions already read, by id: one per check, or one shared by many checks in a request (the review queue). */
export type PlaceCache = Map<string, Place | null>

const idOf = (value: unknown): Id | null =>
  value && typeof value === 'object' && 'id' in value ? ((value as { id: Id }).id ?? null) : ((value as Id | null | undefined) ?? null)
const idsOf = (values: unknown): Id[] => (Array.isArray(values) ? values.map(idOf).filter((v): v is Id => v !== null) : [])

/** Deeper than any real chain (city → county → state → US); a parent loop cannot hang a request. */
const MAX_DEPTH = 8

/** The jurisdictions an account holds (its `jurisdictions`, populated or not). */
export const heldJurisdictions = (user: unknown): Id[] => idsOf((user as { jurisdictions?: unknown } | null)?.jurisdictions)

/**
 * The first of `named` that is neither one of `held` nor within one of them (its `parent` chain
 * reaches one), as "Name (CODE)"; null when every one is within. Holding the federal level (US)
 * covers federal items only, not every state under it. Ids compared as strings: SQLite's numbers
 * and MongoDB's ObjectIds alike.
 */
export async function firstOutside(req: PayloadRequest, held: unknown[], named: unknown[], cache: PlaceCache = new Map()): Promise<string | null> {
  const heldIds = idsOf(held)
  const load = async (id: Id): Promise<Place | null> => {
    const key = String(id)
    if (!cache.has(key)) {
      const doc = await req.payload.db.findOne({ collection: 'jurisdictions', where: { id: { equals: id } }, select: { code: true, name: true, type: true, parent: true }, req })
      cache.set(key, (doc as Place | null) ?? null)
    }
    return cache.get(key)!
  }
  for (const id of idsOf(named)) {
    const place = await load(id)
    let current: Place | null = place
    let within = false
    for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
      if ((depth === 0 || current.type !== 'federal') && heldIds.some((h) => sameId(h, current!.id))) {
        within = true
        break
      }
      const parent = idOf(current.parent)
      current = parent === null ? null : await load(parent)
    }
    if (!within) return place ? `${place.name ?? place.code} (${place.code})` : `jurisdiction ${String(id)}`
  }
  return null
}

/**
 * The one scope rule, for every path that changes or reviews a resource: why `user` may not act
 * on a resource naming `named`, or null when they may. Admins and national editors (no
 * jurisdictions) act everywhere; a regional editor (an editor with jurisdictions) and a
 * contributor only on resources whose every jurisdiction is within theirs, and a contributor's
 * resource names at least one.
 */
export async function outOfScope(req: PayloadRequest, user: unknown, named: unknown, cache?: PlaceCache): Promise<string | null> {
  const role = activeRole(user as PayloadRequest['user'])
  if (role === 'admin') return null
  const held = heldJurisdictions(user)
  if (role === 'editor' && held.length === 0) return null
  const places = idsOf(named)
  if (role === 'contributor' && held.length === 0) {
    return 'Your account has no jurisdictions yet: an editor sets them when activating it.'
  }
  if (places.length === 0) {
    return role === 'contributor'
      ? 'Name at least one jurisdiction (one of yours, or a county or city within one) in "jurisdictions".'
      : 'This resource names no jurisdiction: it is outside your region (national editors review it).'
  }
  const outside = await firstOutside(req, held, places, cache)
  if (!outside) return null
  return role === 'contributor'
    ? `${outside} is not one of your jurisdictions: you may only work on resources of yours, or of counties and cities within them.`
    : `${outside} is outside your region: only editors whose region covers it, or national editors, may review it.`
}
