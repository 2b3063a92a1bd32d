/**
 * The editors' review queue: the resources waiting for an editor (in review, scheduled) or for
 * their leader (changes requested), seen as "assigned to me", "my region" or "all", with counts
 * per state and how long each has waited. One place for GET /api/resources/review-queue and the
 * dashboard panel (src/admin/ReviewQueue.tsx). Every read runs with the caller's access.
 */
import type { PayloadRequest, Where } from 'payload'
import { activeRole, isEditor } from '../../access/roles'
import { heldJurisdictions, outOfScope, type PlaceCache } from '../../access/withinJurisdictions'
import { MAX_PAGE_SIZE } from '../security/queryGuard'

export const QUEUE_SHOWS = ['mine', 'region', 'all'] as const
export type QueueShow = (typeof QUEUE_SHOWS)[number]
/** `scheduled`: in review with a publication time set (a subset of `in_review`). */
export const QUEUE_STATES = ['in_review', 'changes_requested', 'scheduled'] as const
export type QueueState = (typeof QUEUE_STATES)[number]

/** The most items awaiting action the queue reads (counts included); past it the answer says `truncated`. */
export const QUEUE_SCAN_LIMIT = 5 * MAX_PAGE_SIZE
/** The most items one answer lists, the longest waiting first. */
export const QUEUE_PAGE_SIZE = 50

type Id = string | number
type Named = { id: Id; name: string | null }
export type QueueItem = {
  id: Id
  title: string | null
  reviewStatus: 'in_review' | 'changes_requested'
  category: string | null
  jurisdictions: (Named & { code: string | null })[]
  owner: Named | null
  assignee: Named | null
  /** When it entered its state: the latest submit (in review) or request for changes; else its last change. */
  waitingSince: string
  publishAt: string | null
}
export type ReviewQueue = {
  show: QueueShow
  state: QueueState
  shows: QueueShow[]
  counts: Record<QueueState, number>
  docs: QueueItem[]
  truncated: boolean
}

/** A regional editor: an editor holding jurisdictions (admins and national editors act everywhere). */
export const isRegionalEditor = (user: unknown) => activeRole(user as PayloadRequest['user']) === 'editor' && heldJurisdictions(user).length > 0

/** "My region" is offered to regional editors only (anyone else's region is the whole country: "all"). */
export const queueShows = (user: unknown): QueueShow[] => (isRegionalEditor(user) ? ['mine', 'region', 'all'] : ['mine', 'all'])
export const defaultShow = (user: unknown): QueueShow => (isRegionalEditor(user) ? 'region' : 'all')

/** The query's `show` and `state`, or why they are not valid. Absent: the caller's default, `in_review`. */
export function parseQueueQuery(user: unknown, query: { show?: unknown; state?: unknown }): { ok: true; show: QueueShow; state: QueueState } | { ok: false; error: string } {
  const { show = defaultShow(user), state = 'in_review' } = query
  if (!QUEUE_SHOWS.includes(show as QueueShow)) return { ok: false, error: `"show" must be one of ${QUEUE_SHOWS.join(', ')}.` }
  if (!QUEUE_STATES.includes(state as QueueState)) return { ok: false, error: `"state" must be one of ${QUEUE_STATES.join(', ')}.` }
  return { ok: true, show: show as QueueShow, state: state as QueueState }
}

type Candidate = { id: Id; reviewStatus: QueueItem['reviewStatus']; jurisdictions?: unknown[] | null; publishAt?: string | null; updatedAt: string }

const idOf = (value: unknown): Id | null => (value && typeof value === 'object' ? ((value as { id?: Id }).id ?? null) : ((value as Id | null) ?? null))
const named = (value: unknown): Named | null =>
  value && typeof value === 'object' ? { id: (value as { id: Id }).id, name: (value as { name?: string }).name ?? null } : null
const inState = (doc: Candidate, state: QueueState) => (state === 'scheduled' ? doc.reviewStatus === 'in_review' && Boolean(doc.publishAt) : doc.reviewStatus === state)

/** The review queue as `req.user` (an active editor or admin) sees it. */
export async function reviewQueue(req: PayloadRequest, show: QueueShow, state: QueueState): Promise<ReviewQueue> {
  if (!isEditor(req.user)) throw new Error('The review queue is for editors.')
  const scoped = await candidates(req, show)
  const counts = Object.fromEntries(QUEUE_STATES.map((s) => [s, scoped.docs.filter((doc) => inState(doc, s)).length])) as Record<QueueState, number>
  const listed = scoped.docs.filter((doc) => inState(doc, state))
  const since = await waitingSince(req, listed)
  const oldestFirst = listed
    .map((doc) => ({ doc, since: since.get(String(doc.id)) ?? doc.updatedAt }))
    .sort((a, b) => a.since.localeCompare(b.since))
    .slice(0, QUEUE_PAGE_SIZE)
  const details = await detailsOf(req, oldestFirst.map(({ doc }) => doc.id))
  const docs = oldestFirst.flatMap(({ doc, since }) => {
    const found = details.get(String(doc.id))
    if (!found) return []
    return [{
      id: doc.id,
      title: (found.title as string | undefined) || null,
      reviewStatus: doc.reviewStatus,
      category: (found.category as string | undefined) ?? null,
      jurisdictions: ((found.jurisdictions as unknown[] | undefined) ?? []).flatMap((j) => {
        const place = named(j)
        return place ? [{ ...place, code: (j as { code?: string }).code ?? null }] : []
      }),
      owner: named(found.owner),
      assignee: named(found.assignee),
      waitingSince: since,
      publishAt: doc.publishAt ?? null,
    }]
  })
  return { show, state, shows: queueShows(req.user), counts, docs, truncated: scoped.truncated }
}

/**
 * Every item awaiting action that the caller may read, in the chosen scope: "mine" by the
 * assignee, "region" by the one scope rule (access/withinJurisdictions.ts: every jurisdiction of
 * the item within one of the caller's).
 */
async function candidates(req: PayloadRequest, show: QueueShow) {
  const where: Where[] = [{ reviewStatus: { in: ['in_review', 'changes_requested'] } }]
  if (show === 'mine') where.push({ assignee: { equals: req.user!.id } })
  const docs: Candidate[] = []
  let truncated = false
  for (let page = 1; ; page++) {
    const found = await req.payload.find({
      collection: 'resources',
      draft: true,
      where: { and: where },
      select: { reviewStatus: true, jurisdictions: true, publishAt: true, updatedAt: true },
      sort: 'createdAt',
      limit: MAX_PAGE_SIZE,
      page,
      depth: 0,
      req,
      overrideAccess: false,
    })
    docs.push(...(found.docs as unknown as Candidate[]))
    if (!found.hasNextPage) break
    if (docs.length >= QUEUE_SCAN_LIMIT) {
      truncated = true
      break
    }
  }
  if (show !== 'region') return { docs, truncated }
  const places: PlaceCache = new Map()
  const within: Candidate[] = []
  for (const doc of docs) if (!(await outOfScope(req, req.user, doc.jurisdictions ?? [], places))) within.push(doc)
  return { docs: within, truncated }
}

/** When each item entered its state (its latest submit, or request for changes), by id. */
async function waitingSince(req: PayloadRequest, docs: Candidate[]): Promise<Map<string, string>> {
  const since = new Map<string, string>()
  if (docs.length === 0) return since
  const entered = new Map(docs.map((doc) => [String(doc.id), doc.reviewStatus === 'in_review' ? 'submit' : 'request_changes']))
  for (let page = 1; since.size < entered.size; page++) {
    const found = await req.payload.find({
      collection: 'review-events',
      where: { and: [{ resource: { in: docs.map((doc) => doc.id) } }, { action: { in: ['submit', 'request_changes'] } }] },
      select: { resource: true, action: true, at: true },
      sort: '-at',
      limit: MAX_PAGE_SIZE,
      page,
      depth: 0,
      req,
      overrideAccess: false,
    })
    for (const event of found.docs as { resource: unknown; action: string; at: string }[]) {
      const key = String(idOf(event.resource))
      if (!since.has(key) && entered.get(key) === event.action) since.set(key, event.at)
    }
    if (!found.hasNextPage) break
  }
  return since
}

/** A localized value in `locale`, or else in the other language (a Spanish-only item keeps its Spanish title). */
function inLanguage(value: unknown, locale: string): string | null {
  if (typeof value === 'string') return value || null
  if (!value || typeof value !== 'object') return null
  const byLocale = value as Record<string, unknown>
  const text = (key: string) => (typeof byLocale[key] === 'string' && byLocale[key] ? (byLocale[key] as string) : null)
  return text(locale) ?? Object.keys(byLocale).map(text).find(Boolean) ?? null
}

/** Title and jurisdiction names in the request's language (else the other), category and people of the listed items. */
async function detailsOf(req: PayloadRequest, ids: Id[]) {
  if (ids.length === 0) return new Map<string, Record<string, unknown>>()
  const { locale, fallbackLocale } = req
  const language = locale === 'es' ? 'es' : 'en'
  let found
  try {
    found = await req.payload.find({
      collection: 'resources',
      draft: true,
      where: { id: { in: ids } },
      select: { title: true, category: true, jurisdictions: true, owner: true, assignee: true },
      populate: { jurisdictions: { name: true, code: true }, contributors: { name: true } },
      locale: 'all',
      limit: ids.length,
      depth: 1,
      req,
      overrideAccess: false,
    })
  } finally {
    // The Local API sets the locale on the request it is given: the caller's stays the caller's.
    Object.assign(req, { locale, fallbackLocale })
  }
  return new Map<string, Record<string, unknown>>(
    found.docs.map((doc) => {
      const { title, jurisdictions, ...rest } = doc as unknown as Record<string, unknown>
      const places = ((jurisdictions as unknown[] | undefined) ?? []).map((j) => (j && typeof j === 'object' ? { ...j, name: inLanguage((j as { name?: unknown }).name, language) } : j))
      return [String(doc.id), { ...rest, title: inLanguage(title, language), jurisdictions: places } as Record<string, unknown>]
    }),
  )
}
