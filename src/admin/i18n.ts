import type { CustomKey } from './translations'

type T = (key: never, vars?: Record<string, unknown>) => string

/** Our labels through Payload's `t` (its key type only knows Payload's own keys). */
export const tr = (t: unknown, key: CustomKey, vars?: Record<string, unknown>): string => (t as T)(key as never, vars)

export const STATE_COLORS: Record<string, string> = {
  draft: '#6b7280',
  in_review: '#b45309',
  changes_requested: '#b91c1c',
  published: '#15803d',
  archived: '#374151',
}
