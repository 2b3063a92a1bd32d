/**
 * The one place that checks a query (`where`, `sort`, `joins`) as Payload will execute it: a
 * beforeOperation hook on every collection (Payload's own included), so REST, the method
 * override, GraphQL (its join fields too) and the Local API calls custom endpoints make all pass
 * here, after Payload parsed the request and before any other guard or the database sees it.
 *
 * - `AND`/`OR` in any case are what Payload and both database adapters read as `and`/`or`: the
 *   where is handed on with lower-case keys, so every later guard sees what will run.
 * - Every value must fit its field (src/security/queryOperands.ts): no client input reaches the
 *   database as something it cannot bind (a 500).
 * - For API callers, a path may only read fields they can read, and may only pass through a
 *   collection they can read whole: a relationship, upload or join into a collection whose read
 *   access is a filter (contributors' own accounts, unpublished resources) or false is refused, or
 *   sorting by `supersedes.owner.email` orders rows by other people's addresses (an oracle).
 *   A field may add a rule of its own in `custom[QUERY_ACCESS]` (e.g. `owner`, queryable by
 *   editors, and by a contributor only as `owner equals <me>`).
 *
 * Refusals are 400s naming the parameter; an id in the URL that cannot be one (as written, not as
 * Payload's parseFloat reads it) is a 404. Server
 * code (overrideAccess) skips the access rules only.
 */
import {
  APIError,
  type CollectionBeforeOperationHook,
  type FlattenedField,
  NotFound,
  type PayloadRequest,
  type SanitizedCollectionConfig,
  type SanitizedConfig,
  type Where,
} from 'payload'
import { couldBeId, LIST_OPERATORS, listOf, operandProblem, operandSizeProblem } from './queryOperands'
import { QueryBudget } from './queryBudget'
import { collectionConfig, resolvePath, type ResolvedPath, versionFields } from './queryPaths'

/** Key in a field's `custom` for a rule on who may query it: `(args) => boolean`. */
export const QUERY_ACCESS = 'queryAccess'
export type QueryAccess = (args: { req: PayloadRequest; operator?: string; value?: unknown }) => boolean

/** A refused query: 400, shown to the client, logged at info level (see `loggingLevels` in src/config.ts). */
export class QueryRefused extends APIError {
  constructor(message: string) {
    super(message, 400, undefined, true)
    this.name = 'QueryError'
  }
}

const MAX_NESTING = 16

/** `disableErrors`: set by Payload's own finds that populate an answer's relationships (its dataloader), never by a client. */
type QueryArgs = { id?: unknown; where?: unknown; sort?: unknown; joins?: unknown; field?: unknown; overrideAccess?: boolean; draft?: boolean; disableErrors?: boolean }

/** Who asks, what they may read, remembered for one operation. */
class Reader {
  private collections = new Map<string, Promise<boolean>>()
  private fields = new Map<FlattenedField, Promise<boolean>>()
  constructor(
    readonly req: PayloadRequest,
    readonly trusted: boolean,
  ) {}

  /** Read access with no filter: every document of the collection. */
  readsWhole(slug: string): Promise<boolean> {
    if (!this.collections.has(slug)) {
      const read = collectionConfig(this.req.payload, slug)?.access.read
      this.collections.set(slug, Promise.resolve(read ? read({ req: this.req }) : false).then((result) => result === true))
    }
    return this.collections.get(slug)!
  }

  reads(field: FlattenedField): Promise<boolean> {
    if ('hidden' in field && field.hidden) return Promise.resolve(false)
    const read = 'access' in field ? field.access?.read : undefined
    if (!read) return Promise.resolve(true)
    if (!this.fields.has(field)) {
      this.fields.set(field, Promise.resolve(read({ req: this.req, doc: undefined, siblingData: undefined, data: undefined } as never)).then(Boolean))
    }
    return this.fields.get(field)!
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Access to everything the path passes through; `operator` is undefined for a sort. */
async function accessProblem(reader: Reader, resolved: ResolvedPath, operator?: string, value?: unknown): Promise<string | undefined> {
  if (reader.trusted) return undefined
  for (const [i, field] of resolved.fields.entries()) {
    if (!(await reader.reads(field))) return `you may not read "${field.name}".`
    // The operator and value are the last field's; a field passed through is read as by a sort.
    const asked = i === resolved.fields.length - 1 && resolved.leaf ? { operator, value } : {}
    const rule = (field.custom as Record<string, unknown> | undefined)?.[QUERY_ACCESS] as QueryAccess | undefined
    if (rule && !rule({ req: reader.req, ...asked })) {
      return asked.operator ? `you may not ask for "${field.name}" ${asked.operator} this value.` : `you may not sort or filter through "${field.name}".`
    }
  }
  for (const slug of resolved.hops) {
    if (!(await reader.readsWhole(slug))) return `it passes through ${slug}, which you may not read in full.`
  }
  return undefined
}

/** Where a query's paths are resolved: a collection's fields, or its versions' (`parent`, `version.*`, `latest`). `budget`: the whole query's. */
type Scope = { reader: Reader; collection: string; fields: FlattenedField[]; versions?: boolean; inJoin?: boolean; budget: QueryBudget }

const resolveIn = (scope: Scope, path: string): ResolvedPath => resolvePath(scope.reader.req.payload, scope.collection, scope.fields, path)

/**
 * Payload's hooks see a versions list as a plain `read`. Its three callers of the list operation
 * (REST, GraphQL, the Local API) always pass `draft`; those of the versions list never do.
 * tests/security-query-fuzz.test.ts queries both; a Payload upgrade that changes this fails it.
 */
const readsVersions = (operation: string, args: object) => operation === 'countVersions' || (operation === 'read' && !('draft' in args))

/** The where as Payload will run it (and/or in lower case), or a refusal naming the parameter. */
async function checkedWhere(where: unknown, scope: Scope, param: string, depth = 0): Promise<Where> {
  if (!isPlainObject(where)) throw new QueryRefused(`${param} must be an object of conditions, e.g. ${param}[title][equals]=….`)
  if (depth > MAX_NESTING) throw new QueryRefused(`${param}: and/or nested more than ${MAX_NESTING} deep.`)
  const { payload } = scope.reader.req
  const out: Where = {}
  for (const [key, condition] of Object.entries(where)) {
    const here = `${param}[${key}]`
    const logical = key.toLowerCase()
    if (logical === 'and' || logical === 'or') {
      if (!Array.isArray(condition)) throw new QueryRefused(`${here} must be a list of conditions.`)
      const clauses: Where[] = []
      for (const [i, clause] of condition.entries()) clauses.push(await checkedWhere(clause, scope, `${here}[${i}]`, depth + 1))
      out[logical] = [...((out[logical] as Where[] | undefined) ?? []), ...clauses]
      continue
    }
    if (!isPlainObject(condition)) throw new QueryRefused(`${here} must name an operator, e.g. ${here}[equals]=….`)
    const resolved = resolveIn(scope, key)
    if (!resolved.leaf) throw new QueryRefused(`${here}: ${resolved.problem}${scope.versions && !key.startsWith('version.') ? ' A version keeps its fields under version., e.g. version.title.' : ''}`)
    // The SQL adapters cannot build a join's where through another join (a 500 for everyone).
    if (scope.inJoin && resolved.throughJoin) throw new QueryRefused(`${here}: a join's where cannot go through another join field.`)
    const checked: Record<string, unknown> = {}
    for (const [operator, value] of Object.entries(condition)) {
      const problem = operandProblem(payload, resolved.leaf, operator, value) ?? (scope.budget.enforced ? operandSizeProblem(operator, value) : undefined)
      if (problem) throw new QueryRefused(`${here}[${operator}] ${problem}`)
      const refused = await accessProblem(scope.reader, resolved, operator, value)
      if (refused) throw new QueryRefused(`${here} refused: ${refused}`)
      // Lists as lists: Payload splits `a,b` for most fields, not for a polymorphic link's value (a 500).
      checked[operator] = LIST_OPERATORS.has(operator) && value !== undefined && !Array.isArray(value) ? listOf(value) : value
      const over = scope.budget.condition(Array.isArray(checked[operator]) ? (checked[operator] as unknown[]).length : 1, resolved.hops.length > 0)
      if (over) throw new QueryRefused(`${here}: ${over}`)
    }
    out[key] = checked as Where[string]
  }
  return out
}

/** Sort entries: a path each, `-` for descending, comma-separated or a list. */
async function checkSort(sort: unknown, scope: Scope, param: string, throughLinks = true): Promise<void> {
  if (sort === undefined || sort === null || sort === '') return
  const entries = typeof sort === 'string' ? [sort] : Array.isArray(sort) && sort.every((s) => typeof s === 'string') ? (sort as string[]) : undefined
  if (!entries) throw new QueryRefused(`${param} must be a field name, e.g. ${param}=-updatedAt.`)
  const paths = entries.flatMap((s) => s.split(',')).map((s) => s.trim().replace(/^-/, ''))
  const tooMany = scope.budget.sort(paths.filter(Boolean).length)
  if (tooMany) throw new QueryRefused(`${param}: ${tooMany}`)
  for (const path of paths) {
    if (!path) continue
    // A path that does not resolve is ignored by Payload (an old column in someone's saved list
    // view must not break it); what it does resolve still has to be readable.
    const resolved = resolveIn(scope, path)
    const problem = await accessProblem(scope.reader, resolved)
    if (problem) throw new QueryRefused(`${param}: "${path}" refused: ${problem}`)
    if (resolved.problem && !resolved.unknown) throw new QueryRefused(`${param}: "${path}": ${resolved.problem}`)
    if (resolved.leaf?.kind === 'polymorphic') throw new QueryRefused(`${param}: "${path}" links to several collections; it cannot be sorted by.`)
    // The SQL adapters build a join's sort through a relationship, or by a list, a translated
    // field or rich text, wrongly (a 500 for everyone).
    const oneValue = (f: FlattenedField) => !['array', 'blocks'].includes(f.type) && !('hasMany' in f && f.hasMany) && !('localized' in f && f.localized)
    const single = resolved.fields.every(oneValue) && !['richText', 'json'].includes(resolved.leaf?.kind ?? '')
    if (!throughLinks && (resolved.hops.length || !single)) {
      throw new QueryRefused(`${param}: "${path}": a join can only be sorted by its own fields that hold one value, in every language.`)
    }
  }
}

/** `joins[<join field>][where|sort]`: a query on the joined collection (whose read access Payload applies). */
async function checkJoins(joins: unknown, collection: SanitizedCollectionConfig, reader: Reader, budget: QueryBudget): Promise<void> {
  if (joins === undefined || joins === false) return
  if (!isPlainObject(joins)) throw new QueryRefused('joins must be an object, e.g. joins[resources][limit]=5.')
  const byPath = new Map(Object.values(collection.joins ?? {}).flat().map((join) => [join.joinPath, join.field.collection]))
  for (const [name, join] of Object.entries(joins)) {
    const target = byPath.get(name)
    if (join === false || join === undefined || typeof target !== 'string') continue
    if (!isPlainObject(join)) throw new QueryRefused(`joins[${name}] must be an object or false.`)
    for (const [key, least] of [['limit', 0], ['page', 1]] as const) {
      const value = join[key]
      if (value !== undefined && !(Number.isSafeInteger(value) && (value as number) >= least)) throw new QueryRefused(`joins[${name}][${key}] must be a whole number from ${least}.`)
    }
    const scope: Scope = { reader, collection: target, fields: collectionConfig(reader.req.payload, target)?.flattenedFields ?? [], inJoin: true, budget }
    if (join.where !== undefined) join.where = await checkedWhere(join.where, scope, `joins[${name}][where]`)
    await checkSort(join.sort, scope, `joins[${name}][sort]`, false)
  }
}

const checkQuery: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  const query = args as QueryArgs
  // An id in the URL the database could never hold is simply not found (SQLite failed binding `abc`: a 500).
  if (query.id !== undefined && req.payloadAPI !== 'local' && !couldBeId(req.payload, collection.slug, query.id)) throw new NotFound(req.t)
  // Payload reads a numeric id in the URL with parseFloat (`/api/topics/1x` would be topic 1, for a
  // read, an update or a delete alike): the id as written must be one.
  const urlId = req.routeParams?.id
  if (typeof urlId === 'string' && req.routeParams?.collection === collection.slug && req.payloadAPI !== 'local' && !couldBeId(req.payload, collection.slug, urlId)) {
    throw new NotFound(req.t)
  }
  const reader = new Reader(req, query.overrideAccess === true)
  const versions = Boolean(collection.versions) && readsVersions(operation, query)
  const scope: Scope = { reader, collection: collection.slug, fields: versions ? versionFields(req.payload, collection) : collection.flattenedFields, versions, budget: new QueryBudget(!reader.trusted && !query.disableErrors) }
  if (query.where !== undefined && query.where !== null) query.where = await checkedWhere(query.where, scope, 'where')
  await checkSort(query.sort, scope, 'sort')
  if (operation === 'readDistinct') await checkSort(query.field, scope, 'field')
  await checkJoins(query.joins, collection, reader, scope.budget)
  return args
}

/**
 * Puts the check first in every collection's beforeOperation hooks. On the sanitized config:
 * Payload adds its own collections while it sanitizes, after plugins run.
 */
export function applyQueryRules(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    collection.hooks.beforeOperation = [checkQuery, ...(collection.hooks.beforeOperation ?? [])]
  }
  return config
}
