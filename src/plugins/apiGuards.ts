import { type CollectionBeforeOperationHook, NotFound, type Plugin } from 'payload'
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

const NUMERIC_ID = /^\d{1,15}$/
const OBJECT_ID = /^[a-f0-9]{24}$/i

/**
 * An id the database could never hold is simply not found. Without this the SQLite driver
 * fails on `/api/x/abc` (NaN bound as an id) and answers 500.
 */
const rejectImpossibleIds: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const id = (args as { id?: unknown }).id
  if (id === undefined || req.payloadAPI === 'local' || req.payload.collections[collection.slug]?.customIDType) return args
  const { db } = req.payload
  const format = db.name === 'mongoose' ? OBJECT_ID : db.defaultIDType === 'number' ? NUMERIC_ID : undefined
  if (format && !format.test(String(id))) throw new NotFound(req.t)
  return args
}

/** Guards on what API clients may ask of every collection. */
export const apiGuards: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [rejectImpossibleIds, capGraphQLPageSize, ...(collection.hooks?.beforeOperation ?? [])],
    },
  })),
})
