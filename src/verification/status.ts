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
  const signed: Where[] = [{ 'verification.verifiedAt': { exists: true } }, { 'verification.reviewBy': { exists: true } }]
  const byStatus: Record<Exclude<VerificationStatus, 'superseded'>, Where[]> = {
    unverified: [{ or: [{ 'verification.verifiedAt': { exists: false } }, { 'verification.reviewBy': { exists: false } }] }],
    overdue: [...signed, { 'verification.reviewBy': { less_than_equal: at } }],
    due: [...signed, { 'verification.reviewBy': { greater_than: at } }, { 'verification.reviewBy': { less_than_equal: dueFrom } }],
    current: [...signed, { 'verification.reviewBy': { greater_than: dueFrom } }],
  }
  return { and: [...byStatus[status], ...notSuperseded] }
}
