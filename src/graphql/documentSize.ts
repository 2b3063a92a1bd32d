import { Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql'

/**
 * The most fields a GraphQL document may name once its fragments are expanded. Payload's
 * maxComplexity (1,000) refuses far fewer; this only has to come first.
 */
export const MAX_EXPANDED_FIELDS = 5_000

/**
 * Fields a document names with every fragment spread expanded, counted without expanding them
 * (each fragment's count is kept), up to `cap + 1`. Thirty fragments that each spread the next one
 * twice name 2^30 fields: every validation rule that expands spreads (Payload's complexity rule,
 * graphql's own, ours) walked them all, and one anonymous request held the event loop for good.
 * A spread inside its own fragment counts nothing here (graphql's NoFragmentCycles reports it).
 */
export function expandedFieldCount(document: DocumentNode, cap = MAX_EXPANDED_FIELDS): number {
  const fragments = new Map<string, SelectionSetNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition.selectionSet)
  }
  const counted = new Map<string, number>()
  const entered = new Set<string>()
  const count = (selectionSet: SelectionSetNode): number => {
    let total = 0
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) total += 1 + (selection.selectionSet ? count(selection.selectionSet) : 0)
      else if (selection.kind === Kind.INLINE_FRAGMENT) total += count(selection.selectionSet)
      else total += spread(selection.name.value)
      if (total > cap) return cap + 1
    }
    return total
  }
  const spread = (name: string): number => {
    const known = counted.get(name)
    if (known !== undefined) return known
    const selectionSet = fragments.get(name)
    if (!selectionSet || entered.has(name)) return 0
    entered.add(name)
    const total = count(selectionSet)
    entered.delete(name)
    counted.set(name, total)
    return total
  }
  let total = 0
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) total = Math.min(cap + 1, total + count(definition.selectionSet))
  }
  return total
}

/** The problem with a GraphQL request's document, or undefined (also when it does not parse: the handler says why). */
export function documentProblem(body: unknown): string | undefined {
  const query = body && typeof body === 'object' ? (body as { query?: unknown }).query : undefined
  if (typeof query !== 'string') return undefined
  let document: DocumentNode
  try {
    document = parse(query, { noLocation: true })
  } catch {
    return undefined
  }
  const fields = expandedFieldCount(document)
  return fields > MAX_EXPANDED_FIELDS
    ? `The query names more than ${MAX_EXPANDED_FIELDS} fields once its fragments are expanded; ask for fewer, or split it.`
    : undefined
}
