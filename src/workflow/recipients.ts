import type { PayloadRequest } from 'payload'
import { sameId } from '../../access/sameId'
import type { WorkingState } from '../../collections/Resources/workingCopy'
import type { Action } from './machine'
import { inQuietPeriod } from './quietPeriod'

/**
 * Who is told about a transition. Submit → the assigned editor, or every active editor (admins
 * when there is no editor). Everything an editor does → the resource's owner. Nobody is
 * emailed about their own action, and nobody about a submit or withdraw while the resource is
 * in its quiet period (./quietPeriod.ts: editors heard of it moments ago).
 */
export async function recipientsFor(req: PayloadRequest, action: Action, state: WorkingState, actorId: string | number, resource: string | number, now: Date): Promise<(string | number)[]> {
  if (await inQuietPeriod(req, resource, action, now)) return []
  let ids: (string | number)[] = []
  if (action === 'submit') {
    if (state.assignee) ids = [idOf(state.assignee)]
    else {
      ids = await activeIds(req, 'editor')
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

export async function activeIds(req: PayloadRequest, role: 'editor' | 'admin'): Promise<(string | number)[]> {
  const { docs } = await req.payload.find({
    collection: 'contributors',
    where: { and: [{ role: { equals: role } }, { status: { equals: 'active' } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs.map((d) => d.id)
}
