import { type CollectionBeforeOperationHook, NotFound, type Plugin } from 'payload'

/** The most documents one REST or GraphQL list request may return. */
export const MAX_PAGE_SIZE = 100

/**
 * Payload lets a client ask for every row (`limit=0`, `pagination=false`). Through the API
 * (not the Local API, which server code uses for exports and jobs) a page is capped instead.
 */
const capPageSize: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || req.payloadAPI === 'local') return args
  const list = args as { limit?: number; pagination?: boolean }
  if (list.pagination === false) list.pagination = true
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
      beforeOperation: [rejectImpossibleIds, capPageSize, ...(collection.hooks?.beforeOperation ?? [])],
    },
  })),
})
