/**
 * The legal sign-off: a legal reviewer verifies a published resource or one in review
 * (`verify`), and publishing decides whether the sign-off still covers what is published
 * (`verificationOnPublish`). History: one `verify` review event per sign-off.
 */
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { isLegalReviewer, outsideReviewScope } from '../../access/legalReviewers'
import { isEditor } from '../../access/roles'
import { sameId } from '../../access/sameId'
import { WORKFLOW_CONTEXT } from '../../collections/Resources/hooks/guardOperations'
import { forgetSuperseded, supersededIds } from '../../collections/Resources/hooks/reportSuperseded'
import { currentState } from '../../collections/Resources/workingCopy'
import { publicContentVersion } from '../cache/publicContentVersion'
import { readModel } from '../readModel'
import { NOTE_MAX_LENGTH } from '../workflow/machine'
import { oneAtATime } from '../workflow/transition'
import { verificationClock } from './clock'
import { defaultReviewBy } from './policy'
import { publicVerification, statusOf, type PublicVerification } from './status'
import { substanceOf } from './substance'

type Id = string | number
export type StoredSignOff = { verifiedAt: string | null; reviewBy: string | null; verifiedBy: Id | null; covers: string | null }
export type VerifyResult =
  | { ok: true; body: { id: Id; verification: { status: string; verifiedAt: string; reviewBy: string }; event: Id } }
  | { ok: false; status: number; error: string }

const NO_SIGN_OFF: StoredSignOff = { verifiedAt: null, reviewBy: null, verifiedBy: null, covers: null }
const ALLOWED_KEYS = new Set(['note', 'reviewBy'])
/** The review states in which a resource can be verified: what the public reads, or what is about to be published. */
const VERIFIABLE = ['published', 'in_review']

/** The working copy (latest version) or the published document, every language, hidden fields included. */
export async function readResource(req: PayloadRequest, id: Id, draft: boolean): Promise<Record<string, unknown> | null> {
  // A Local API call given `req` sets the request's locale to its own ('all'): put the caller's back
  // (as collections/Resources/workingCopy.ts does), or the transition's write that follows would use it.
  const { locale, fallbackLocale } = req
  try {
    return (await req.payload.findByID({ collection: 'resources', id, draft, locale: 'all', depth: 0, overrideAccess: true, showHiddenFields: true, disableErrors: true, req })) as Record<string, unknown> | null
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}

const refuse = (status: number, error: string): VerifyResult => ({ ok: false, status, error })

/** Checks the body of a verify request: the note and the reviewBy date (in the future), or the problem. */
function parseRequest(body: Record<string, unknown>, now: Date): { note?: string; reviewBy?: Date } | string {
  const unknown = Object.keys(body).filter((key) => !ALLOWED_KEYS.has(key))
  if (unknown.length) return `Unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k.slice(0, 40)}"`).join(', ')}: a verification takes "note" and "reviewBy".`
  let note: string | undefined
  if (body.note !== undefined && body.note !== null) {
    if (typeof body.note !== 'string') return '"note" must be a string.'
    note = body.note.trim() || undefined
    if (note && note.length > NOTE_MAX_LENGTH) return `"note" must be at most ${NOTE_MAX_LENGTH} characters.`
  }
  let reviewBy: Date | undefined
  if (body.reviewBy !== undefined && body.reviewBy !== null && body.reviewBy !== '') {
    reviewBy = typeof body.reviewBy === 'string' ? new Date(body.reviewBy) : new Date(NaN)
    if (Number.isNaN(reviewBy.getTime())) return '"reviewBy" must be an ISO 8601 date, e.g. 2027-06-30.'
    if (reviewBy.getTime() <= now.getTime()) return '"reviewBy" must be in the future: the date by which the resource must be checked again.'
  }
  return { note, reviewBy }
}

/**
 * POST /api/resources/:id/verify by `req.user`: records who, when, the note and `reviewBy`
 * (default: the category's interval, src/verification/policy.ts) on the working copy, and a
 * `verify` review event, in one transaction. Answers 401/403 (not a legal reviewer, outside their
 * jurisdictions), 404 (no resource the caller may read), 409 (not published or in review), 400.
 */
export function verify(req: PayloadRequest, id: Id, body: Record<string, unknown>): Promise<VerifyResult> {
  // In turn with the resource's transitions: a publish deciding its sign-off never races a verify.
  return oneAtATime(String(id), () => recordSignOff(req, id, body))
}

async function recordSignOff(req: PayloadRequest, id: Id, body: Record<string, unknown>): Promise<VerifyResult> {
  const user = req.user
  if (!user) return refuse(401, 'Sign in to verify a resource.')
  if (!isLegalReviewer(user)) return refuse(403, 'Only a legal reviewer may verify a resource: an admin grants the capability.')
  const now = verificationClock.now()
  const parsed = parseRequest(body, now)
  if (typeof parsed === 'string') return refuse(400, parsed)

  const shouldCommit = await initTransaction(req)
  const fail = async (result: VerifyResult) => {
    if (shouldCommit) await killTransaction(req)
    return result
  }
  try {
    const state = await currentState(req, id)
    if (!state || !(isEditor(user) || sameId(state.owner, user.id) || state.live)) return await fail(refuse(404, `No resource with id ${String(id)}.`))
    const outside = await outsideReviewScope(req, user, state.jurisdictions)
    if (outside) return await fail(refuse(403, outside))
    if (!VERIFIABLE.includes(state.reviewStatus)) {
      return await fail(refuse(409, `Only a published resource or one in review can be verified; this one is ${state.reviewStatus.replace('_', ' ')}.`))
    }
    const working = await readResource(req, id, true)
    if (!working) return await fail(refuse(404, `No resource with id ${String(id)}.`))
    const reviewBy = parsed.reviewBy ?? defaultReviewBy(working.category, now)
    const signOff: StoredSignOff = { verifiedAt: now.toISOString(), reviewBy: reviewBy.toISOString(), verifiedBy: user.id, covers: substanceOf(working) }

    if (state.reviewStatus === 'published') {
      // The working copy is the public version: the sign-off goes on it alone, not a new
      // revision (Payload's update would date it as a content change, and alert subscribers).
      await req.payload.db.updateOne({ collection: 'resources', id, data: { verification: signOff }, req })
    } else {
      req.context[WORKFLOW_CONTEXT] = true
      try {
        await req.payload.update({ collection: 'resources', id, data: { verification: signOff } as never, draft: true, overrideAccess: true, depth: 0, req })
      } finally {
        req.context[WORKFLOW_CONTEXT] = false
      }
    }
    const event = await req.payload.create({
      collection: 'review-events',
      data: {
        resource: id,
        resourceOwner: state.owner ?? null,
        action: 'verify',
        from: state.reviewStatus,
        to: state.reviewStatus,
        by: user.id,
        note: parsed.note ?? null,
        reviewBy: signOff.reviewBy,
        at: signOff.verifiedAt,
      } as never,
      overrideAccess: true,
      depth: 0,
      req,
    })
    // Verified again: off the re-verification queue.
    await req.payload.delete({ collection: 'reverifications', where: { resource: { equals: id } }, overrideAccess: true, depth: 0, req })
    forgetSuperseded(req)
    const superseded = (await supersededIds(req)).has(String(id))
    // A sign-off changes what the public reads (the verification status), written without hooks:
    // the public cache and the read model are told here.
    await publicContentVersion.changed(req)
    await readModel.touch(req, 'resources', id)
    if (shouldCommit) await commitTransaction(req)
    return {
      ok: true,
      body: { id, verification: { status: statusOf(signOff, superseded, verificationClock.now()), verifiedAt: signOff.verifiedAt!, reviewBy: signOff.reviewBy! }, event: event.id },
    }
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}

/**
 * Whether a publish request may keep a sign-off its substance change would clear
 * (`keepVerification: true`, a typo fix): only a legal reviewer whose jurisdictions cover the
 * resource. Null when allowed or not asked; otherwise the refusal.
 */
export async function keepRequestProblem(req: PayloadRequest, keep: unknown, action: string, jurisdictions: unknown[], scheduled: boolean): Promise<{ status: number; error: string } | null> {
  if (keep === undefined || keep === null || keep === false) return null
  if (keep !== true) return { status: 400, error: '"keepVerification" must be true or false.' }
  if (action !== 'publish') return { status: 400, error: '"keepVerification" goes with the publish action only.' }
  if (scheduled) return { status: 400, error: '"keepVerification" cannot be combined with a scheduled publication: publish now, or verify again once published.' }
  if (!isLegalReviewer(req.user)) return { status: 403, error: 'Only a legal reviewer may keep a sign-off over a change of substance; without it, publishing clears it.' }
  const outside = await outsideReviewScope(req, req.user, jurisdictions)
  return outside ? { status: 403, error: outside } : null
}

/**
 * The sign-off a publish leaves on the resource: the newest one (on the published version or the
 * working copy) if it covers the substance being published, or if a legal reviewer keeps it over
 * a typo fix (`keep`); otherwise none (the resource becomes unverified).
 */
export async function verificationOnPublish(req: PayloadRequest, id: Id, keep: boolean): Promise<{ signOff: StoredSignOff; kept: boolean }> {
  const { working, newest } = await newestSignOff(req, id)
  if (!newest || !working) return { signOff: NO_SIGN_OFF, kept: false }
  const substance = substanceOf(working)
  const signOff = newest
  if (signOff.covers === substance) return { signOff, kept: false }
  if (keep) return { signOff: { ...signOff, covers: substance }, kept: true }
  return { signOff: NO_SIGN_OFF, kept: false }
}

/**
 * The newest sign-off of a resource: the published version's (a sign-off on published content is
 * written on it alone) or the working copy's (one made in review), and the working copy.
 */
async function newestSignOff(req: PayloadRequest, id: Id): Promise<{ working: Record<string, unknown> | null; newest: StoredSignOff | null }> {
  const working = await readResource(req, id, true)
  const published = await readResource(req, id, false)
  const time = (s: unknown) => new Date(String((s as { verifiedAt?: string } | undefined)?.verifiedAt ?? 0)).getTime() || 0
  const candidates = [working?.verification, published?._status === 'published' ? published.verification : undefined].filter((s) => time(s) > 0) as StoredSignOff[]
  const newest = candidates.sort((a, b) => time(b) - time(a))[0]
  return { working, newest: newest ? { verifiedAt: newest.verifiedAt, reviewBy: newest.reviewBy, verifiedBy: idOf(newest.verifiedBy), covers: newest.covers } : null }
}

/** What an unpublish or archive leaves: the sign-off as it stands (a later publish checks it again). */
export async function currentSignOff(req: PayloadRequest, id: Id): Promise<StoredSignOff> {
  return (await newestSignOff(req, id)).newest ?? NO_SIGN_OFF
}

const idOf = (value: unknown): Id | null => (value && typeof value === 'object' ? ((value as { id: Id }).id ?? null) : ((value as Id | null | undefined) ?? null))

/**
 * For the review panel (GET /api/resources/:id/workflow): whether the caller, a legal reviewer
 * covering the resource, may verify it now and keep its sign-off over a typo fix.
 */
export async function legalReviewState(req: PayloadRequest, id: Id, reviewStatus: string): Promise<{ reviewer: boolean; mayVerify: boolean }> {
  if (!isLegalReviewer(req.user)) return { reviewer: false, mayVerify: false }
  const state = await currentState(req, id)
  const inScope = Boolean(state) && !(await outsideReviewScope(req, req.user, state!.jurisdictions))
  return { reviewer: inScope, mayVerify: inScope && VERIFIABLE.includes(reviewStatus) }
}

/** The sign-off of the version the public reads, as the public sees it (the review panel shows it). */
export async function publishedVerification(req: PayloadRequest, id: Id): Promise<PublicVerification> {
  const doc = (await req.payload.findByID({ collection: 'resources', id, draft: false, depth: 0, overrideAccess: true, disableErrors: true, select: { verification: true }, req })) as { verification?: unknown } | null
  return publicVerification(doc?.verification)
}
