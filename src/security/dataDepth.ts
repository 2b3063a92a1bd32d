import { APIError, type CollectionBeforeOperationHook, type SanitizedConfig } from 'payload'

/**
 * How deep a document's data may nest. Payload copies and walks write data recursively, so JSON
 * nested some thousands deep (in a json field, a rich text body, or anywhere in the body) ran it
 * out of stack: a 500. A rich text body with lists nested 20 deep stays far below this.
 */
export const MAX_DATA_DEPTH = 100

/** The nesting depth of `value`, counted without recursion, up to `limit + 1`. */
export function depthOf(value: unknown, limit: number): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [item, depth] = stack.pop()!
    if (typeof item !== 'object' || item === null) continue
    deepest = Math.max(deepest, depth + 1)
    if (deepest > limit) return deepest
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1])
  }
  return deepest
}

/** A 400 that Payload logs as the client's mistake (info level, like its own ValidationError). */
class TooDeep extends APIError {
  constructor() {
    super(`data is nested more than ${MAX_DATA_DEPTH} levels deep.`, 400, undefined, true)
    this.name = 'ValidationError'
  }
}

const refuseDeepData: CollectionBeforeOperationHook = ({ args, operation }) => {
  if ((operation === 'create' || operation === 'update') && depthOf((args as { data?: unknown }).data, MAX_DATA_DEPTH) > MAX_DATA_DEPTH) throw new TooDeep()
  return args
}

/** On every collection, Payload's own included (on the sanitized config). */
export function applyDataDepthLimit(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    collection.hooks.beforeOperation = [refuseDeepData, ...(collection.hooks.beforeOperation ?? [])]
  }
  return config
}
