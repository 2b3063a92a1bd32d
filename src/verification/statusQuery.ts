/**
 * `where[verification.status][equals]=current` (and not_equals, in, not_in, inside and/or):
 * the status is derived from the clock, so it is not stored; a filter on it is rewritten into the
 * stored conditions that select the same resources now (./status.ts). A beforeOperation hook put
 * ahead of the query rules (src/security/queryRules.ts), which then check what will run.
 */
import { APIError, type CollectionBeforeOperationHook, type PayloadRequest, type SanitizedConfig, type Where } from 'payload'
import { supersededIds } from '../../collections/Resources/hooks/reportSuperseded'
import { verificationClock } from './clock'
import { isStatus, STATUSES, type VerificationStatus, whereForStatus } from './status'

const PATHS = new Set(['verification.status', 'verification__status'])
const OPERATORS = ['equals', 'not_equals', 'in', 'not_in'] as const

class StatusFilterRefused extends APIError {
  constructor(message: string) {
    super(message, 400, undefined, true)
    this.name = 'QueryError'
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const mentionsStatus = (where: unknown): boolean =>
  isPlainObject(where) && Object.entries(where).some(([key, value]) => PATHS.has(key) || (Array.isArray(value) && value.some(mentionsStatus)))

function statusesOf(operator: string, value: unknown, param: string): VerificationStatus[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',').map((v) => v.trim()) : [value]
  const bad = list.find((v) => !isStatus(v))
  if (bad !== undefined || list.length === 0) throw new StatusFilterRefused(`${param}[${operator}] must be ${STATUSES.join(', ')}${operator.endsWith('in') ? ' (one or more)' : ''}.`)
  if (!operator.endsWith('in') && list.length !== 1) throw new StatusFilterRefused(`${param}[${operator}] takes one status; use in or not_in for several.`)
  return list as VerificationStatus[]
}

async function rewrite(where: Record<string, unknown>, req: PayloadRequest, param: string, ids: () => Promise<string[]>): Promise<Where> {
  const out: Where[] = []
  const rest: Where = {}
  for (const [key, condition] of Object.entries(where)) {
    if (Array.isArray(condition) && (key.toLowerCase() === 'and' || key.toLowerCase() === 'or')) {
      rest[key] = await Promise.all(condition.map((c, i) => (isPlainObject(c) ? rewrite(c, req, `${param}[${key}][${i}]`, ids) : c)))
      continue
    }
    if (!PATHS.has(key)) {
      rest[key] = condition as Where[string]
      continue
    }
    const here = `${param}[verification.status]`
    if (!isPlainObject(condition)) throw new StatusFilterRefused(`${here} must name an operator, e.g. ${here}[equals]=current.`)
    const now = verificationClock.now()
    for (const [operator, value] of Object.entries(condition)) {
      if (!OPERATORS.includes(operator as never)) throw new StatusFilterRefused(`${here}[${operator}]: the status can be filtered with ${OPERATORS.join(', ')}.`)
      const named = statusesOf(operator, value, here)
      const wanted = operator.startsWith('not') ? STATUSES.filter((s) => !named.includes(s)) : named
      const superseded = await ids()
      out.push(wanted.length ? { or: wanted.map((status) => whereForStatus(status, now, superseded)) } : { id: { exists: false } })
    }
  }
  if (Object.keys(rest).length) out.unshift(rest)
  return out.length === 1 ? out[0]! : { and: out }
}

const translateStatusFilter: CollectionBeforeOperationHook = async ({ args, req }) => {
  const query = args as { where?: unknown }
  if (!mentionsStatus(query.where)) return args
  let memo: Promise<string[]> | undefined
  const ids = () => (memo ??= supersededIds(req).then((set) => [...set]))
  query.where = await rewrite(query.where as Record<string, unknown>, req, 'where', ids)
  return args
}

/** Puts the rewrite ahead of every other beforeOperation hook of `resources` (the query rules included). */
export function applyStatusFilter(config: SanitizedConfig): SanitizedConfig {
  const resources = config.collections.find((c) => c.slug === 'resources')
  if (resources) resources.hooks.beforeOperation = [translateStatusFilter, ...(resources.hooks.beforeOperation ?? [])]
  return config
}
