import { GraphQLError, Kind, type ASTNode, type FragmentDefinitionNode, type ValidationContext, type ValidationRule } from 'graphql'

/**
 * Refuses GraphQL queries nested deeper than `maxDepth` fields. Payload's maxComplexity adds up
 * the fields a query names, so a query that walks resources → jurisdictions → resources → …
 * costs only ~23 more per level while the work it causes multiplies with every level of lists.
 * A frontend's deepest real query (a jurisdiction page: Jurisdictions → docs → resources → docs
 * → topics → name) is 6 deep. Introspection (`__schema`, `__type`) is not counted.
 */
export const maxQueryDepth =
  (maxDepth: number): ValidationRule =>
  (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
    }
    const depthOf = (node: ASTNode, seen: Set<string>): number => {
      switch (node.kind) {
        case Kind.FIELD: {
          if (node.name.value.startsWith('__') || !node.selectionSet) return node.name.value.startsWith('__') ? 0 : 1
          return 1 + depthOf(node.selectionSet, seen)
        }
        case Kind.SELECTION_SET:
          return Math.max(0, ...node.selections.map((s) => depthOf(s, seen)))
        case Kind.INLINE_FRAGMENT:
          return depthOf(node.selectionSet, seen)
        case Kind.FRAGMENT_SPREAD: {
          const fragment = fragments.get(node.name.value)
          if (!fragment || seen.has(node.name.value)) return 0
          return depthOf(fragment.selectionSet, new Set([...seen, node.name.value]))
        }
        default:
          return 0
      }
    }
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set())
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`The query is nested ${depth} fields deep; the limit is ${maxDepth}. Ask for fewer levels of related documents and fetch the rest in a second query.`, { nodes: [operation] }),
          )
        }
      },
    }
  }
