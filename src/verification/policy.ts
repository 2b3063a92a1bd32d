/**
 * How long a legal sign-off stands, by category: the one place to change it. A reviewer may give
 * another `reviewBy` date when verifying (it must be in the future).
 */
import type { CATEGORIES } from '../../collections/Resources/options'

type Category = (typeof CATEGORIES)[number]['value']

/** Months until an item must be checked again: law and litigation move fast, policy faster. */
export const REVIEW_INTERVAL_MONTHS: Record<Category, number> = {
  legislation: 6,
  litigation: 6,
  'judicial-rule': 6,
  policy: 3,
  statement: 3,
  'campaign-material': 12,
  'legal-theory': 12,
  training: 12,
  media: 12,
  'social-media': 12,
}
const FALLBACK_MONTHS = 6

/** An item is `due` this many days before its `reviewBy`. */
export const DUE_WINDOW_DAYS = 30
export const DUE_WINDOW_MS = DUE_WINDOW_DAYS * 24 * 60 * 60 * 1000

/** `date` plus `months` calendar months, in UTC; the 31st of a short month becomes its last day. */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime())
  const day = result.getUTCDate()
  result.setUTCDate(1)
  result.setUTCMonth(result.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate()
  result.setUTCDate(Math.min(day, lastDay))
  return result
}

/** The default `reviewBy` for an item of `category` verified at `verifiedAt`. */
export function defaultReviewBy(category: unknown, verifiedAt: Date): Date {
  const months = REVIEW_INTERVAL_MONTHS[category as Category] ?? FALLBACK_MONTHS
  return addMonths(verifiedAt, months)
}
