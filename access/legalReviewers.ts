import type { Access, PayloadRequest } from 'payload'
import { activeRole, isEditor } from './roles'
import { firstOutside, heldJurisdictions } from './withinJurisdictions'

type MaybeUser = PayloadRequest['user'] | null | undefined

/** An active account an admin made a legal reviewer (an attorney), whatever its role. */
export const isLegalReviewer = (user: MaybeUser): boolean =>
  Boolean(activeRole(user)) && (user as { legalReviewer?: unknown }).legalReviewer === true

/**
 * Why `user` may not sign off a resource naming `named`, or null when they may: the regional
 * editors' rule (access/withinJurisdictions.ts). A reviewer without jurisdictions signs off
 * everywhere (like a national editor); one with jurisdictions only resources whose every
 * jurisdiction is within theirs.
 */
export async function outsideReviewScope(req: PayloadRequest, user: MaybeUser, named: unknown[]): Promise<string | null> {
  if (!isLegalReviewer(user)) return 'Only a legal reviewer may verify a resource.'
  const held = heldJurisdictions(user)
  if (held.length === 0) return null
  if (named.length === 0) return 'This resource names no jurisdiction: only legal reviewers without a region verify it.'
  const outside = await firstOutside(req, held, named)
  return outside ? `${outside} is outside the jurisdictions you review: only legal reviewers whose jurisdictions cover it may verify it.` : null
}

/** Editors and legal reviewers: the re-verification queue. */
export const editorsOrLegalReviewers: Access = ({ req }) => isEditor(req.user) || isLegalReviewer(req.user)
