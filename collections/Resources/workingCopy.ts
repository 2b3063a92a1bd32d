import type { PayloadRequest } from 'payload'

export type WorkingState = {
  /** The working copy's review status (the latest version's). */
  reviewStatus: string
  owner: unknown
  /** A published version is what the public sees right now. */
  live: boolean
  title?: string
  assignee?: unknown
  publishedAt?: string | null
  /** The jurisdictions of the working copy and of the published version (both must be in one's scope). */
  jurisdictions: unknown[]
  /** A scheduled publication (the working copy's). */
  publishAt?: string | null
}

/**
 * The review state of a resource. With drafts on, the latest version is the working copy
 * (where reviewStatus lives while a new revision of published content is under review) and
 * the main document is what the public reads.
 */
export async function currentState(req: PayloadRequest, id: string | number): Promise<WorkingState | null> {
  // A Local API call given `req` sets req.locale and req.fallbackLocale to its own: put the
  // caller's back, or a `PATCH ?locale=es` checked through here would write the English fields.
  const { locale, fallbackLocale } = req
  const read = (draft: boolean) =>
    req.payload
      .findByID({ collection: 'resources', id, draft, depth: 0, overrideAccess: true, disableErrors: true, req, locale: req.payload.config.localization ? 'en' : undefined })
      .catch(() => null)
      .finally(() => {
        req.locale = locale
        req.fallbackLocale = fallbackLocale
      }) as Promise<Record<string, unknown> | null>
  const latest = await read(true)
  const main = latest ? await read(false) : null
  if (!latest || !main) return null
  return {
    reviewStatus: String(latest.reviewStatus ?? 'draft'),
    owner: latest.owner ?? main.owner,
    live: main._status === 'published',
    title: typeof latest.title === 'string' ? latest.title : undefined,
    assignee: latest.assignee,
    publishedAt: (main.publishedAt as string | null | undefined) ?? null,
    jurisdictions: [...asList(latest.jurisdictions), ...(main._status === 'published' ? asList(main.jurisdictions) : [])],
    publishAt: (latest.publishAt as string | null | undefined) ?? null,
  }
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
