import type { PayloadRequest } from 'payload'
import { activeRole } from '../../access/roles'
import { heldJurisdictions, outOfScope, type PlaceCache } from '../../access/withinJurisdictions'
import { currentState } from './workingCopy'

/** An editor with jurisdictions: the one scope rule limits what they change (admins and national editors act everywhere). */
export const isRegionalEditor = (req: PayloadRequest) => activeRole(req.user) === 'editor' && heldJurisdictions(req.user).length > 0

/**
 * Why a regional editor may not change the resource `id` as it is now (its working copy and its
 * published version), or null. Used by the resources' access (the panel shows it read-only) and
 * by hooks/confineRegionalEditors (the API's 403 naming the jurisdiction).
 */
export async function regionalRefusal(req: PayloadRequest, id: string | number, cache?: PlaceCache): Promise<string | null> {
  const state = await currentState(req, id)
  return state ? outOfScope(req, req.user, state.jurisdictions, cache) : null // none: Payload answers 404
}
