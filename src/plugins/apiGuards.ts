import type { CollectionBeforeOperationHook, Plugin } from 'payload'
import { MAX_PAGE_SIZE } from '../security/queryGuard'
import { checkRequestBudget, countDocumentRead } from '../security/requestBudget'

const LIST_OPERATIONS = new Set(['read', 'findVersions', 'readDistinct'])

/** Payload's population of related documents (its dataloader): as many as the documents already read name. */
const isPopulation = (where: unknown) => {
  const clause = where as { id?: { in?: unknown } } | undefined
  return Boolean(clause && Object.keys(clause).length === 1 && clause.id && Object.keys(clause.id).length === 1 && Array.isArray(clause.id.in))
}

/**
 * The page cap of every list an API client asks for, however it asked (query string, a POST with
 * X-Payload-HTTP-Method-Override, GraphQL arguments, a join inside a document): at most
 * MAX_PAGE_SIZE rows (`limit=0` and `pagination=false` included) and at most MAX_PAGE_SIZE rows
 * per join. Applied to the operation, not the URL, so no route can skip it. Not capped: server
 * code reading with overrideAccess, and Payload populating the relationships of documents it has
 * read (both bounded otherwise: src/security/requestBudget.ts counts every document read).
 */
const capPageSize: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (!LIST_OPERATIONS.has(operation) || req.payloadAPI === 'local') return args
  const list = args as { limit?: number; pagination?: boolean; overrideAccess?: boolean; joins?: unknown; where?: unknown }
  if (list.overrideAccess === true || (list.overrideAccess === false && isPopulation(list.where))) return args
  if (list.pagination === false) {
    list.pagination = true
    list.limit = Math.min(list.limit || MAX_PAGE_SIZE, MAX_PAGE_SIZE)
  }
  if (list.limit !== undefined && !(list.limit > 0 && list.limit <= MAX_PAGE_SIZE)) list.limit = MAX_PAGE_SIZE
  if (list.joins && typeof list.joins === 'object') {
    for (const join of Object.values(list.joins as Record<string, { limit?: number } | false>)) {
      if (join && typeof join === 'object' && join.limit !== undefined && !(join.limit > 0 && join.limit <= MAX_PAGE_SIZE)) join.limit = MAX_PAGE_SIZE
    }
  }
  return args
}

/** Guards on what API clients may ask of every collection (the query rules: src/security/queryRules.ts). */
export const apiGuards: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [checkRequestBudget, capPageSize, ...(collection.hooks?.beforeOperation ?? [])],
      afterRead: [...(collection.hooks?.afterRead ?? []), countDocumentRead],
    },
  })),
})
