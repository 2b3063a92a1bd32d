import {
  getArgumentValues,
  getNamedType,
  GraphQLError,
  isInterfaceType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'
import { MAX_PAGE_SIZE } from '../security/queryGuard'
import { MAX_DOCUMENTS_PER_REQUEST } from '../security/requestBudget'

/** Payload's page size when a list (or a join) names none. */
const DEFAULT_PAGE_SIZE = 10
/** Introspection: the schema once, and a few single types, per operation. */
const MAX_SCHEMA_FIELDS = 1
const MAX_TYPE_FIELDS = 10
/** Lists of a type's members; an introspection path may go through one (fields → type → fields … is refused). */
const MEMBER_LISTS = new Set(['fields', 'inputFields', 'enumValues', 'possibleTypes', 'interfaces', 'args'])

type PayloadFieldInfo = { type?: string; hasMany?: boolean }
type Walk = { context: ValidationContext; fragments: Map<string, FragmentDefinitionNode>; variables: Record<string, unknown>; schemaFields: number; typeFields: number; problem?: string }

/**
 * Refuses, before it runs, a GraphQL operation that would read more than
 * MAX_DOCUMENTS_PER_REQUEST documents. Payload's maxComplexity adds fields up, so 200 aliases of
 * `Resources(limit: 100) { docs { id } }` cost 600 while reading 20,000 documents; here every
 * list counts the documents it asks for (its limit; 10 without one; 100 for `limit: 0` or
 * `pagination: false`) times everything asked of each, and a relationship one read per document
 * (Payload loads a related document once per request, however many name it). Aliases, fragments
 * and every root field count. What the query cannot say (how many documents a relationship or a
 * join without a limit holds) is counted as it is read (src/security/requestBudget.ts): this rule
 * answers 400 at once for what that count would stop halfway. Introspection is limited to one
 * `__schema` and a few `__type` per operation, each listing type members once per path.
 */
export const maxQueryCost =
  (variables: Record<string, unknown> | null | undefined): ValidationRule =>
  (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
    }
    return {
      // On leave, after Payload's complexity rule has had its say on the same operation.
      OperationDefinition: {
        leave(operation) {
          const schema = context.getSchema()
          const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : undefined
          if (!root) return
          const walk: Walk = { context, fragments, variables: variables ?? {}, schemaFields: 0, typeFields: 0 }
          const documents = selectionCost(operation.selectionSet, root, walk, new Set(), true)
          const problem =
            walk.problem ??
            (documents > MAX_DOCUMENTS_PER_REQUEST
              ? `The query would read ${documents} documents; the limit is ${MAX_DOCUMENTS_PER_REQUEST}. Every list counts its limit (${DEFAULT_PAGE_SIZE} without one, ${MAX_PAGE_SIZE} for limit: 0 or pagination: false) times what is asked of each document, a relationship 1 per document, and every alias counts again. Ask for smaller pages or fewer lists and fetch the rest in another query.`
              : undefined)
          if (problem) context.reportError(new GraphQLError(problem, { nodes: [operation] }))
        },
      },
    }
  }

/** The fields a selection asks of an object of `type`, fragments expanded (each fragment once per path). */
function* fieldsOf(selectionSet: SelectionSetNode, type: GraphQLNamedType, walk: Walk, seen: Set<string>): Generator<[FieldNode, GraphQLNamedType]> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) yield [selection, type]
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? walk.context.getSchema().getType(selection.typeCondition.name.value) : type
      if (on) yield* fieldsOf(selection.selectionSet, on, walk, seen)
    } else {
      const fragment = walk.fragments.get(selection.name.value)
      const on = fragment && walk.context.getSchema().getType(fragment.typeCondition.name.value)
      if (fragment && on && !seen.has(fragment.name.value)) yield* fieldsOf(fragment.selectionSet, on, walk, new Set([...seen, fragment.name.value]))
    }
  }
}

/** The documents a selection may read for ONE object of `type`. */
function selectionCost(selectionSet: SelectionSetNode, type: GraphQLNamedType, walk: Walk, seen: Set<string>, root = false): number {
  let total = 0
  for (const [node, parent] of fieldsOf(selectionSet, type, walk, seen)) total += fieldCost(node, parent, walk, seen, root)
  return total
}

function fieldCost(node: FieldNode, parent: GraphQLNamedType, walk: Walk, seen: Set<string>, root: boolean): number {
  const name = node.name.value
  if (name === '__schema' || name === '__type') {
    if (name === '__schema' && ++walk.schemaFields > MAX_SCHEMA_FIELDS) walk.problem ??= `An operation may ask for __schema ${MAX_SCHEMA_FIELDS} time.`
    if (name === '__type' && ++walk.typeFields > MAX_TYPE_FIELDS) walk.problem ??= `An operation may ask for __type at most ${MAX_TYPE_FIELDS} times.`
    if (node.selectionSet) checkIntrospection(node.selectionSet, walk, seen, 0)
    return 0
  }
  if (name.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) return 0
  const definition = parent.getFields()[name]
  if (!definition) return 0
  const type = getNamedType(definition.type)
  const payloadField = definition.extensions?.field as PayloadFieldInfo | undefined
  const children = (sel: SelectionSetNode | undefined, of: GraphQLNamedType) => (sel ? selectionCost(sel, of, walk, seen) : 0)

  if (isPaginated(type)) {
    const size = pageSize(definition, node, walk)
    let perDocument = 0
    if (node.selectionSet) {
      for (const [child] of fieldsOf(node.selectionSet, type, walk, seen)) {
        if (child.name.value === 'docs') perDocument += 1 + children(child.selectionSet, getNamedType(type.getFields().docs!.type))
      }
    }
    return 1 + size * perDocument
  }
  const related = payloadField?.type === 'relationship' || payloadField?.type === 'upload'
  const reads = related || root ? 1 : 0
  const below = children(node.selectionSet, type)
  return reads ? reads * (1 + below) : below
}

/** A Payload list: a collection's list query, its versions, or a join field. */
function isPaginated(type: GraphQLNamedType): type is GraphQLObjectType {
  if (!isObjectType(type)) return false
  const fields = type.getFields()
  return 'docs' in fields && ('totalDocs' in fields || 'hasNextPage' in fields)
}

function pageSize(definition: Parameters<typeof getArgumentValues>[0], node: FieldNode, walk: Walk): number {
  let args: Record<string, unknown>
  try {
    args = getArgumentValues(definition, node, walk.variables)
  } catch {
    return MAX_PAGE_SIZE // a variable that does not coerce: GraphQL refuses it anyway
  }
  if (args.pagination === false) return MAX_PAGE_SIZE
  const limit = args.limit
  if (typeof limit !== 'number') return DEFAULT_PAGE_SIZE
  return limit > 0 ? Math.min(limit, MAX_PAGE_SIZE) : MAX_PAGE_SIZE
}

function checkIntrospection(selectionSet: SelectionSetNode, walk: Walk, seen: Set<string>, memberLists: number): void {
  const schema = walk.context.getSchema()
  for (const [node] of fieldsOf(selectionSet, schema.getType('__Type')!, walk, seen)) {
    const isList = MEMBER_LISTS.has(node.name.value)
    const lists = memberLists + (isList ? 1 : 0)
    // One member list per path, and the arguments of a field or directive under it.
    if (isList && (lists > 2 || (lists === 2 && node.name.value !== 'args'))) {
      walk.problem ??= 'An introspection query may list the members of types once per path (fields → args is fine; fields → type → fields is not).'
      return
    }
    if (node.selectionSet) checkIntrospection(node.selectionSet, walk, seen, lists)
  }
}
