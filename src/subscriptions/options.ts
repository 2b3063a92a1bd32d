import { CATEGORIES } from '../../collections/Resources/options'

export const FREQUENCIES = ['immediate', 'daily', 'weekly'] as const
export const LANGUAGES = ['en', 'es'] as const
export const CATEGORY_VALUES: readonly string[] = CATEGORIES.map((c) => c.value)
export type Frequency = (typeof FREQUENCIES)[number]
export type Language = (typeof LANGUAGES)[number]

/** An unconfirmed subscription is deleted after this long; its confirm link expires with it. */
export const UNCONFIRMED_TTL_MS = 7 * 24 * 60 * 60_000
/** Digests go out at this hour in DIGEST_TIME_ZONE (weekly ones on Mondays). */
export const DIGEST_HOUR = 8
export const DIGEST_TIME_ZONE = 'America/New_York'
export const MAX_JURISDICTIONS = 60
