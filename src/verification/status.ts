/**
 * The public verification status of a resource, derived from its sign-off (`verifiedAt`,
 * `reviewBy`), whether a published resource supersedes it, and the clock: one rule for reads
 * (`statusOf`) and for filters (`whereForStatus`), so a filter always agrees with what is read.
 */
import type { Where } from 'payload'
import { DUE_WINDOW_MS } from './policy'

export const STATUSES = ['current', 'due', 'overdue', 'unverified', 'superseded'] as const
export type VerificationStatus = (typeof STATUSES)[number]
export const isStatus = (value: unknown): value is VerificationStatus => STATUSES.includes(value as VerificationStatus)

export type SignOff = { verifiedAt?: string | Date | null; reviewBy?: string | Date | null }

const time = (value: string | Date | null | undefined): number => (value ? new Date(value).getTime() : NaN)

/**
 * `superseded` wins over all; then `unverified` (no sign-off), `overdue` (reviewBy passed), `due`
 * (within DUE_WINDOW_DAYS of it), `current`.
 */
export function statusOf(signOff: SignOff | null | undefined, superseded: boolean, now: Date): VerificationStatus {
  if (superseded) return 'superseded'
  const reviewBy = time(signOff?.reviewBy)
  if (Number.isNaN(time(signOff?.verifiedAt)) || Number.isNaN(reviewBy)) return 'unverified'
  if (reviewBy <= now.getTime()) return 'overdue'
  if (reviewBy <= now.getTime() + DUE_WINDOW_MS) return 'due'
  return 'current'
}

/** Matches no document: ids are never null. */
const NONE: Where = { id: { exists: false } }

/**
 * The stored conditions that select resources of one status at `now`; `supersededIds` are the
 * resources a published resource supersedes (collections/Resources/hooks/reportSuperseded.ts).
 */
export function whereForStatus(status: VerificationStatus, now: Date, supersededIds: (string | number)[]): Where {
  if (status === 'superseded') return supersededIds.length ? { id: { in: supersededIds } } : NONE
  const notSuperseded: Where[] = supersededIds.length ? [{ id: { not_in: supersededIds } }] : []
  const at = now.toISOString()
  const dueFrom = new Date(now.getTime() + DUE_WINDOW_MS).toISOString()
  // `equals: null` / `not_equals: null`, not `exists`: a cleared sign-off is stored as null, and on
  // MongoDB `exists` on a date looks at the key, not its value.
  const signed: Where[] = [{ 'verification.verifiedAt': { not_equals: null } }, { 'verification.reviewBy': { not_equals: null } }]
  const byStatus: Record<Exclude<VerificationStatus, 'superseded'>, Where[]> = {
    unverified: [{ or: [{ 'verification.verifiedAt': { equals: null } }, { 'verification.reviewBy': { equals: null } }] }],
    overdue: [...signed, { 'verification.reviewBy': { less_than_equal: at } }],
    due: [...signed, { 'verification.reviewBy': { greater_than: at } }, { 'verification.reviewBy': { less_than_equal: dueFrom } }],
    current: [...signed, { 'verification.reviewBy': { greater_than: dueFrom } }],
  }
  return { and: [...byStatus[status], ...notSuperseded] }
}

export type PublicVerification = { status: VerificationStatus; verifiedAt: string | null; reviewBy: string | null; attribution: string | null }

/**
 * The public part of a read `verification` group: what every public answer (feeds, toolkit,
 * search, compare) carries. Never who verified (`verifiedBy`) unless by name through the opt-in
 * `attribution`, whatever access the read was made with.
 */
export function publicVerification(value: unknown): PublicVerification {
  const v = (value ?? {}) as Partial<Record<keyof PublicVerification, unknown>>
  return {
    status: isStatus(v.status) ? v.status : 'unverified',
    verifiedAt: typeof v.verifiedAt === 'string' ? v.verifiedAt : null,
    reviewBy: typeof v.reviewBy === 'string' ? v.reviewBy : null,
    attribution: typeof v.attribution === 'string' ? v.attribution : null,
  }
}

/** Its OpenAPI schema (src/plugins/openApiDocument.ts and the custom endpoints' descriptions). */
export const verificationSchema = {
  type: 'object',
  description: 'The legal sign-off, derived when read: superseded wins over all; unverified (never verified, or a change of substance since); overdue (reviewBy passed); due (within 30 days of reviewBy); current.',
  properties: {
    status: { type: 'string', enum: [...STATUSES] },
    verifiedAt: { type: ['string', 'null'], format: 'date-time' },
    reviewBy: { type: ['string', 'null'], format: 'date-time' },
    attribution: { type: ['string', 'null'], description: 'The legal reviewer’s name, only when they opted in to public attribution.' },
  },
  required: ['status', 'verifiedAt', 'reviewBy'],
} as const
