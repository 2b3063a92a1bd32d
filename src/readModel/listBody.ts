import type { ListQuery } from './query'

const LIST_KEYS = ['hasNextPage', 'hasPrevPage', 'limit', 'nextPage', 'page', 'pagingCounter', 'prevPage', 'totalDocs', 'totalPages'] as const

/** A page as Payload's REST find answers it (@payloadcms/drizzle findMany), the documents as stored. */
export function listBody(query: ListQuery, docs: string[], totalDocs: number): string {
  const totalPages = Math.ceil(totalDocs / query.limit)
  const { page, limit } = query
  const meta = {
    hasNextPage: totalPages > page,
    hasPrevPage: page > 1,
    limit,
    nextPage: totalPages > page ? page + 1 : null,
    page,
    pagingCounter: (page - 1) * limit + 1,
    prevPage: page > 1 ? page - 1 : null,
    totalDocs,
    totalPages,
  }
  return `{"docs":[${docs.join(',')}],${LIST_KEYS.map((key) => `"${key}":${JSON.stringify(meta[key])}`).join(',')}}`
}

