import type { Access, FieldAccess, Where } from 'payload'
import { activeRole, isEditor } from '../../access/roles'
import { sameId } from '../../access/sameId'
import { OWNER_EDITABLE, isState } from '../../src/workflow/machine'
import type { QueryAccess } from '../../src/security/queryRules'
import { currentState } from './workingCopy'

/**
 * Who may do what with `resources`. Anonymous callers, pending and suspended accounts see
 * published content only; a contributor also sees their own; editors see everything.
 */
export const publishedOrOwnOrEditor: Access = ({ req }) => {
  if (isEditor(req.user)) return true
  if (activeRole(req.user)) return { or: [{ _status: { equals: 'published' } }, { owner: { equals: req.user!.id } }] } as Where
  return { _status: { equals: 'published' } }
}

/** Creating: any active account (a contributor's resource always starts as their own draft). */
export const activeAccounts: Access = ({ req }) => Boolean(activeRole(req.user))

/**
 * Editing: editors always (a published resource gets a new draft, see hooks); a contributor only
 * their own resource, one at a time (no bulk update), while it is a draft or has changes requested.
 */
export const editableByOwnerOrEditor: Access = async ({ req, id }) => {
  if (isEditor(req.user)) return true
  if (!activeRole(req.user) || id === undefined || id === null) return false
  const own = { owner: { equals: req.user!.id } }
  const state = await currentState(req, id)
  // Someone else's resource, or none: answer as if it did not exist (404), revealing nothing.
  if (!state || !sameId(state.owner, req.user!.id)) return own
  return isState(state.reviewStatus) && OWNER_EDITABLE.includes(state.reviewStatus) ? own : false
}

/** Deleting: editors; a contributor their own resource while it has never been published. */
export const deletableByOwnerOrEditor: Access = async ({ req, id }) => {
  if (isEditor(req.user)) return true
  if (!activeRole(req.user) || id === undefined || id === null) return false
  const state = await currentState(req, id)
  if (!state || !sameId(state.owner, req.user!.id)) return { owner: { equals: req.user!.id } }
  return !state.live && OWNER_EDITABLE.includes(state.reviewStatus as never) ? { owner: { equals: req.user!.id } } : false
}

/** Versions: editors all; a contributor those of their own resources. */
export const versionsOfOwnOrEditor: Access = ({ req }) => {
  if (isEditor(req.user)) return true
  if (activeRole(req.user)) return { 'version.owner': { equals: req.user!.id } }
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
