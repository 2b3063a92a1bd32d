import type { CollectionBeforeOperationHook, Plugin } from 'payload'
import { MAX_PAGE_SIZE } from '../security/queryGuard'

/**
 * GraphQL's page cap (REST's is applied to the URL: src/security/queryGuard.ts). A hook sees every
 * read made with the GraphQL request, including server code's own, so it only caps: a
 * `pagination: false` read gets at most MAX_PAGE_SIZE rows, never the default 10.
 */
const capGraphQLPageSize: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || req.payloadAPI !== 'GraphQL') return args
  const list = args as { limit?: number; pagination?: boolean }
  if (list.pagination === false) {
    list.pagination = true
    list.limit = Math.min(list.limit || MAX_PAGE_SIZE, MAX_PAGE_SIZE)
  }
  if (list.limit !== undefined && (list.limit <= 0 || list.limit > MAX_PAGE_SIZE)) list.limit = MAX_PAGE_SIZE
  return args
}

/** Guards on what API clients may ask of every collection (the query rules: src/security/queryRules.ts). */
export const apiGuards: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [capGraphQLPageSize, ...(collection.hooks?.beforeOperation ?? [])],
    },
  })),
})
