/**
 * Corrections to the document payload-oapi 0.3.0 generates, so that it states what the API does
 * and standard tools take it without errors (Redocly's recommended rules, openapi-typescript:
 * tests/openapi-contract.test.ts, tests/openapi-client.test.ts). Each step says what it corrects.
 */
import { collectionMatrix, type Level } from '../security/accessMatrix'

type Json = Record<string, unknown>
type Operation = { responses?: Record<string, unknown>; security?: Json[]; [key: string]: unknown }
type Spec = { paths: Record<string, Record<string, unknown>>; components: Record<string, Record<string, unknown>>; info: Json }

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
const WRITES = ['post', 'put', 'patch', 'delete']
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']

export type ContractOptions = { license: string; cookiePrefix: string }

export function correctDocument(spec: Spec, options: ContractOptions): Spec {
  spec.info.license = { name: options.license, identifier: options.license }
  dropTypeScriptHints(spec)
  describeWhere(spec)
  describeUndocumentedDocuments(spec)
  fixDocumentResponses(spec)
  describeErrors(spec)
  describeSecurity(spec, options.cookiePrefix)
  dropUnusedComponents(spec)
  return spec
}

function operations(spec: Spec): { path: string; method: string; op: Operation }[] {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ path, method, op: item[method] as Operation })),
  )
}

/** Every object in `node`, with the key it sits under. */
function walk(node: unknown, visit: (object: Json, key: string) => void, key = ''): void {
  if (Array.isArray(node)) for (const item of node) walk(item, visit, key)
  else if (node && typeof node === 'object') {
    visit(node as Json, key)
    for (const [childKey, child] of Object.entries(node)) walk(child, visit, childKey)
  }
}

/**
 * `tsType` is a hint for Payload's TypeScript generator (the rich-text field's schema carries
 * one), not a JSON Schema keyword: Redocly rejects it. Removed wherever it is a keyword; a
 * property named tsType (under `properties`) stays.
 */
function dropTypeScriptHints(spec: Spec): void {
  walk(spec, (object, key) => {
    if (!SCHEMA_MAPS.includes(key)) delete object.tsType
  })
}

/**
 * `where` is `allOf: [{ type: object }, { anyOf: [conditions] }]`, which openapi-typescript turns
 * into `Record<string, never> & (…)`: no filter could be typed; `{ type: object, anyOf }` says the
 * same and types as the conditions. payload-oapi lists conditions only for some top-level fields
 * (none inside rows or collapsibles, no relationship paths): the others are accepted too.
 */
function describeWhere(spec: Spec): void {
  for (const { op } of operations(spec)) {
    for (const parameter of (op.parameters ?? []) as { name?: string; schema?: Json & { allOf?: Json[] } }[]) {
      const parts = parameter.schema?.allOf
      if (parameter.name !== 'where' || parts?.length !== 2 || JSON.stringify(parts[0]) !== '{"type":"object"}') continue
      parameter.schema = { type: 'object', ...parts[1] }
    }
  }
  for (const [name, schema] of Object.entries(spec.components.schemas ?? {})) {
    if (!name.endsWith('QueryOperations')) continue
    ;(schema as Json).additionalProperties = {
      type: 'object',
      additionalProperties: true,
      description: 'A condition on another field path (`category`, `jurisdictions.code`): an operator such as equals, in or like, and its value. Fields the caller may not read are refused (400).',
    }
  }
}

/**
 * A relationship to a collection the document leaves out (a resource's owner: a contributor) is
 * `oneOf: [id, {$ref}]` to a schema that is not there. It gets one: an object with an id, so the
 * two alternatives stay distinct (an id is never an object) and the account's fields stay out of
 * the contract.
 */
function describeUndocumentedDocuments(spec: Spec): void {
  const schemas = (spec.components.schemas ??= {})
  walk(spec, (object) => {
    const name = typeof object.$ref === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(object.$ref)?.[1] : undefined
    if (name && !schemas[name]) {
      schemas[name] = {
        type: 'object',
        description: 'A document of a collection this API does not describe (an account): only its id is part of the contract.',
        properties: { id: { type: ['string', 'number'] } },
        required: ['id'],
      }
    }
  })
}

/**
 * payload-oapi swaps the bodies: `GET /{id}` answers the document itself, while `PATCH` and
 * `DELETE /{id}` answer `{ message, doc }` (Payload's findByID, updateByID and deleteByID).
 */
function fixDocumentResponses(spec: Spec): void {
  for (const { path, method, op } of operations(spec)) {
    const ok = op.responses?.['200'] as { $ref?: string } | undefined
    if (!path.endsWith('/{id}') || !ok?.$ref) continue
    const name = /^#\/components\/responses\/(?:Mutate)?(\w+)Response$/.exec(ok.$ref)?.[1]
    if (!name || !spec.components.responses?.[`Mutate${name}Response`]) continue
    op.responses!['200'] = { $ref: `#/components/responses/${method === 'get' ? '' : 'Mutate'}${name}Response` }
  }
}

/**
 * Every route answers 400 to a query string or body it cannot take (src/security/queryGuard.ts,
 * Payload's validation), a write the caller may not make 403 (anonymous callers too), and a
 * document that does not exist or is not visible to the caller 404. All in Payload's error shape.
 */
function describeErrors(spec: Spec): void {
  const responses = (spec.components.responses ??= {})
  const schemas = (spec.components.schemas ??= {})
  schemas.Errors = {
    type: 'object',
    description: "Payload's error shape: each message says what was wrong.",
    properties: { errors: { type: 'array', items: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] } } },
    required: ['errors'],
  }
  const errors = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } } })
  responses.BadRequest = errors('A query parameter or field the API cannot take; the message names it.')
  responses.Forbidden = errors('The caller may not do this (anonymous callers included).')
  for (const [name, response] of Object.entries(responses)) {
    if (name.endsWith('NotFoundResponse')) responses[name] = errors((response as { description: string }).description)
  }
  for (const { path, method, op } of operations(spec)) {
    const described = (op.responses ??= {})
    described['400'] ??= { $ref: '#/components/responses/BadRequest' }
    const collection = collectionOf(path)
    if (!collection) continue
    if (WRITES.includes(method) && levelOf(collection, method) !== 'anyone') described['403'] ??= { $ref: '#/components/responses/Forbidden' }
    if (path.endsWith('/{id}')) described['404'] ??= notFound(responses, described['200']) ?? errors('Not found, or not visible to the caller.')
  }
}

/**
 * payload-oapi describes one OAuth scheme whose token URL is its own login endpoint (which
 * src/plugins/openApiDocument.ts removes), and requires it on every read that is not open to all
 * records, published resources included. Payload takes the token from `POST
 * /api/contributors/login` as a bearer token, or the session cookie; who may call what is the
 * access matrix's answer (src/security/accessMatrix.ts).
 */
function describeSecurity(spec: Spec, cookiePrefix: string): void {
  spec.components.securitySchemes = {
    bearer: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'The token `POST /api/contributors/login` answers (also accepted as `Authorization: JWT <token>`).',
    },
    cookie: {
      type: 'apiKey',
      in: 'cookie',
      name: `${cookiePrefix}-token`,
      description: 'The session cookie login sets, for browsers on SERVER_URL or a CORS_ORIGINS origin.',
    },
  }
  const signedIn = [{ bearer: [] }, { cookie: [] }]
  for (const { path, method, op } of operations(spec)) {
    const collection = collectionOf(path)
    if (collection) {
      const level = levelOf(collection, method)
      op.security = level === 'anyone' ? [] : level === 'public' ? [{}, ...signedIn] : signedIn
    } else if (op.security?.some((requirement) => 'ApiKey' in requirement)) {
      op.security = signedIn
    }
  }
}

/** Components nothing in `paths` reaches (payload-oapi always adds `supportedTimezones`). */
function dropUnusedComponents(spec: Spec): void {
  const reached = new Set<string>()
  const pending: unknown[] = [spec.paths]
  while (pending.length) {
    walk(pending.pop(), (object) => {
      if (typeof object.$ref !== 'string' || reached.has(object.$ref)) return
      reached.add(object.$ref)
      const [, kind, name] = /^#\/components\/(\w+)\/(.+)$/.exec(object.$ref) ?? []
      if (kind && name) pending.push(spec.components[kind]?.[name])
    })
  }
  for (const kind of ['schemas', 'responses', 'requestBodies', 'parameters']) {
    const components = spec.components[kind]
    for (const name of Object.keys(components ?? {})) {
      if (!reached.has(`#/components/${kind}/${name}`)) delete components![name]
    }
  }
}

/** The collection a generated path (`/api/<slug>` or `/api/<slug>/{id}`) belongs to. */
function collectionOf(path: string): string | undefined {
  const slug = /^\/api\/([\w-]+)(?:\/\{id\})?$/.exec(path)?.[1]
  return slug && slug in collectionMatrix ? slug : undefined
}

function levelOf(collection: string, method: string): Level {
  const rules = collectionMatrix[collection]!
  return method === 'get' ? rules.read : method === 'post' ? rules.create : method === 'delete' ? rules.delete : rules.update
}

/** payload-oapi's `<Name>NotFoundResponse` for an operation answering `[Mutate]<Name>Response`. */
function notFound(responses: Record<string, unknown>, ok: unknown): { $ref: string } | undefined {
  const name = /^#\/components\/responses\/(?:Mutate)?(\w+)Response$/.exec((ok as { $ref?: string } | undefined)?.$ref ?? '')?.[1]
  return name && responses[`${name}NotFoundResponse`] ? { $ref: `#/components/responses/${name}NotFoundResponse` } : undefined
}
