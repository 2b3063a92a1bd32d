import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'
import { activeRole, isEditor } from '../../access/roles'
import { forbidden } from '../../access/forbidden'
import { sameId } from '../../access/sameId'
import { outOfScope } from '../../access/withinJurisdictions'
import { OWNER_EDITABLE, isState } from '../../src/workflow/machine'
import { ownedResourceIds } from './ownership'
import type { QueryAccess } from '../../src/security/queryRules'
import { currentState } from './workingCopy'
import { isRegionalEditor, regionalRefusal } from './regionalScope'

/**
 * Who may do what with `resources`. Anonymous callers, pending and suspended accounts see
 * published content only; a contributor also sees what they own now (the main document's owner
 * mirrors the working copy's, ownership.ts); editors see everything.
 */
export const publishedOrOwnOrEditor: Access = ({ req }) => {
  if (isEditor(req.user)) return true
  if (activeRole(req.user)) return { or: [{ _status: { equals: 'published' } }, { owner: { equals: req.user!.id } }] } as Where
  return { _status: { equals: 'published' } }
}

/**
 * Creating: any active account (a contributor's resource always starts as their own draft, and
 * names only jurisdictions within theirs: hooks/scopeToJurisdictions).
 */
export const activeAccounts: Access = ({ req }) => Boolean(activeRole(req.user))

/**
 * A filter no resource passes, for a decision already taken from the working copy: Payload
 * combines it with `id equals <id>` and answers 403, as for any refused filter.
 */
const none = (id: string | number): Where => ({ id: { not_equals: id } })

/**
 * Editing: editors (a regional editor within their region; a published resource gets a new draft, see hooks); a contributor only
 * a resource they own now (the working copy's owner, see ownership.ts) within their jurisdictions,
 * one at a time (no bulk update), while it is a draft, has changes requested, or is published
 * (proposing an update: a new draft revision, the published version stays public).
 */
export const editableByOwnerOrEditor: Access = async ({ req, id }) => {
  if (isEditor(req.user)) return editorsReach(req, id)
  if (!activeRole(req.user) || id === undefined || id === null) return false
  const own: Where = { owner: { equals: req.user!.id } }
  const state = await currentState(req, id)
  if (!state) return own // no such resource: Payload answers 404
  if (!sameId(state.owner, req.user!.id)) return none(id)
  await refuseOutOfScope(req, state.jurisdictions)
  return isState(state.reviewStatus) && OWNER_EDITABLE.includes(state.reviewStatus) ? own : false
}

/**
 * Deleting: editors (a regional editor within their region); a contributor a resource they own now within their jurisdictions, while it
 * is a draft or has changes requested and has never been published (a resource that is or was public keeps its review
 * history: only editors may delete it, whoever owns it).
 */
export const deletableByOwnerOrEditor: Access = async ({ req, id }) => {
  if (isEditor(req.user)) return editorsReach(req, id)
  if (!activeRole(req.user) || id === undefined || id === null) return false
  const own: Where = { owner: { equals: req.user!.id } }
  const state = await currentState(req, id)
  if (!state) return own
  if (!sameId(state.owner, req.user!.id)) return none(id)
  await refuseOutOfScope(req, state.jurisdictions)
  const everPublished = state.live || Boolean(state.publishedAt)
  return !everPublished && OWNER_EDITABLE.includes(state.reviewStatus as never) ? own : false
}

/**
 * Editors everywhere; a regional editor not a resource outside their region (the panel shows it
 * read-only; the API's 403 naming the jurisdiction comes first, from hooks/confineRegionalEditors).
 */
async function editorsReach(req: PayloadRequest, id: string | number | undefined): Promise<boolean | Where> {
  if (id === undefined || id === null || !isRegionalEditor(req)) return true
  return (await regionalRefusal(req, id)) ? none(id) : true
}

/** A contributor's own resource outside their jurisdictions is theirs no more to change (403 naming it). */
async function refuseOutOfScope(req: PayloadRequest, jurisdictions: unknown[]) {
  const outside = await outOfScope(req, req.user, jurisdictions)
  if (outside) throw forbidden(outside)
}

/** Versions: editors all; a contributor those of the resources they own now (whoever owned each version). */
export const versionsOfOwnOrEditor: Access = async ({ req }) => {
  if (isEditor(req.user)) return true
  if (activeRole(req.user)) return { parent: { in: await ownedResourceIds(req, req.user!.id) } }
  return false
}

/** The owner field: editors, and the owner themself. Never public (attribution is opt-in). */
export const ownerFieldRead: FieldAccess = ({ req, doc }) => {
  if (isEditor(req.user)) return true
  if (!activeRole(req.user)) return false
  return doc ? sameId(doc.owner, req.user!.id) : true
}

/**
 * Querying by owner (where, sort, joins, through a relationship): editors; a contributor only to
 * find their own (`owner equals <me>`). Reading a resource's owner depends on the resource, so
 * a filter or an order by it would tell who owns published work (attribution is opt-in).
 */
export const ownerQueryAccess: QueryAccess = ({ req, operator, value }) =>
  isEditor(req.user) || (Boolean(activeRole(req.user)) && operator === 'equals' && sameId(value, req.user!.id))

/** Review status: signed-in active accounts (for the docs they can read); never anonymous. */
export const reviewStatusRead: FieldAccess = ({ req }) => Boolean(activeRole(req.user))
