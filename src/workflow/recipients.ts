import type { PayloadRequest } from 'payload'
import { sameId } from '../../access/sameId'
import { firstOutside, heldJurisdictions } from '../../access/withinJurisdictions'
import type { WorkingState } from '../../collections/Resources/workingCopy'
import type { Action } from './machine'
import { inQuietPeriod } from './quietPeriod'

/**
 * Who is told about a transition. Submit → the assigned editor; else the regional editors whose
 * region covers every jurisdiction of the resource; else the national editors (no jurisdictions);
 * else the admins. Everything an editor does → the resource's owner. Nobody is
 * emailed about their own action, and nobody about a submit or withdraw while the resource is
 * in its quiet period (./quietPeriod.ts: editors heard of it moments ago).
 */
export async function recipientsFor(req: PayloadRequest, action: Action, state: WorkingState, actorId: string | number, resource: string | number, now: Date): Promise<(string | number)[]> {
  if (await inQuietPeriod(req, resource, action, now)) return []
  let ids: (string | number)[] = []
  if (action === 'submit') {
    if (state.assignee) ids = [idOf(state.assignee)]
    else {
      ids = await editorsFor(req, state.jurisdictions)
      if (!ids.length) ids = await activeIds(req, 'admin')
    }
  } else if (action !== 'withdraw' && state.owner) {
    ids = [idOf(state.owner)]
  } else if (action === 'withdraw' && state.assignee) {
    ids = [idOf(state.assignee)]
  }
  return ids.filter((id) => !sameId(id, actorId))
}

const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id: string | number }).id : (v as string | number))

/** The regional editors covering every one of `jurisdictions`, or when there are none the national ones. */
async function editorsFor(req: PayloadRequest, jurisdictions: unknown[]): Promise<(string | number)[]> {
  const editors = await active(req, 'editor')
  const regional: (string | number)[] = []
  if (jurisdictions.length) {
    for (const editor of editors) {
      const held = heldJurisdictions(editor)
      if (held.length && !(await firstOutside(req, held, jurisdictions))) regional.push(editor.id)
    }
  }
  return regional.length ? regional : editors.filter((e) => !heldJurisdictions(e).length).map((e) => e.id)
}

export async function activeIds(req: PayloadRequest, role: 'editor' | 'admin'): Promise<(string | number)[]> {
  return (await active(req, role)).map((d) => d.id)
}

async function active(req: PayloadRequest, role: 'editor' | 'admin') {
  const { docs } = await req.payload.find({
    collection: 'contributors',
    where: { and: [{ role: { equals: role } }, { status: { equals: 'active' } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs
}
