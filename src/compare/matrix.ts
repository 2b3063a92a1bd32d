/**
 * Protections side by side, provision by provision: for each provision of the catalogue (in
 * order), for each jurisdiction asked for, the published instruments that provide it, with their
 * pinpoint citation, quote and extent. Published content only, whoever asks; a jurisdiction
 * inherits nothing from its parent here (a county is a column of its own when asked for).
 */
import type { PayloadRequest, Where } from 'payload'
import { publicVerification, type PublicVerification } from '../verification/status'

type Id = string | number

export const MAX_JURISDICTIONS = 12

export type Instrument = {
  id: Id
  slug: string | null
  title: string | null
  category: string | null
  superseded: boolean
  /** Its legal sign-off (src/verification/status.ts). */
  verification: PublicVerification
  section: string | null
  quote: string | null
  extent: 'full' | 'partial'
}
export type Column = { code: string; name: string; type: string }
export type ProvisionRow = { key: string; name: string; description: string | null; order: number }
export type Model = { id: Id; slug: string | null; title: string | null; jurisdictions: string[] }
export type Matrix = {
  jurisdictions: Column[]
  model: Model | null
  provisions: (ProvisionRow & { model?: Instrument[]; cells: Record<string, Instrument[]> })[]
}

/** A problem with the request, answered as `{ errors: [{ message }] }` with its status. */
export class CompareError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

const PUBLISHED: Where = { _status: { equals: 'published' } }
const INSTRUMENT_SELECT = { slug: true, title: true, category: true, jurisdictions: true, provisions: true, superseded: true, verification: true } as const

/** `?locale=all` would return every translation as an object: the matrix answers in one language. */
const localeOf = (req: PayloadRequest) => (req.locale === 'es' ? 'es' : 'en')
const idOf = (value: unknown): Id => (typeof value === 'object' && value !== null ? (value as { id: Id }).id : (value as Id))
const searchParams = (req: PayloadRequest) => new URL(req.url ?? '/', 'http://x').searchParams

/** `?jurisdictions=US-NY,US-NJ` (or repeated): distinct codes in the order given, at most 12. */
export function codesOf(req: PayloadRequest): string[] {
  const codes = [
    ...new Set(
      searchParams(req)
        .getAll('jurisdictions')
        .flatMap((value) => value.split(','))
        .map((code) => code.trim().toUpperCase())
        .filter(Boolean),
    ),
  ]
  if (codes.length === 0) throw new CompareError(400, 'Name the jurisdictions to compare: ?jurisdictions=US-NY,US-NJ.')
  if (codes.length > MAX_JURISDICTIONS) {
    throw new CompareError(400, `"jurisdictions" names ${codes.length} jurisdictions; at most ${MAX_JURISDICTIONS} can be compared at once.`)
  }
  return codes
}

/** The jurisdictions with these codes, in the order given; 404 naming every unknown code. */
export async function findJurisdictions(req: PayloadRequest, codes: string[]): Promise<(Column & { id: Id })[]> {
  const valid = codes.filter((code) => /^[A-Z0-9-]{2,60}$/.test(code))
  const { docs } = valid.length
    ? await req.payload.find({
        collection: 'jurisdictions',
        where: { code: { in: valid } },
        select: { code: true, name: true, type: true },
        depth: 0,
        pagination: false,
        overrideAccess: false,
        locale: localeOf(req),
        req,
      })
    : { docs: [] }
  const byCode = new Map(docs.map((d) => [d.code, { id: d.id, code: d.code, name: d.name, type: d.type }]))
  const unknown = codes.filter((code) => !byCode.has(code))
  if (unknown.length) throw new CompareError(404, `Unknown jurisdiction code${unknown.length > 1 ? 's' : ''}: ${unknown.map((c) => c.slice(0, 60)).join(', ')}.`)
  return codes.map((code) => byCode.get(code)!)
}

type InstrumentDoc = {
  id: Id
  slug?: string | null
  title?: string | null
  category?: string | null
  superseded?: boolean | null
  verification?: unknown
  jurisdictions?: unknown[] | null
  provisions?: { provision: unknown; section?: string | null; quote?: string | null; extent?: string | null }[] | null
}

async function publishedResources(req: PayloadRequest, where: Where): Promise<InstrumentDoc[]> {
  const { docs } = await req.payload.find({
    collection: 'resources',
    where: { and: [PUBLISHED, where] },
    draft: false,
    select: INSTRUMENT_SELECT,
    depth: 0,
    pagination: false,
    sort: 'issuedAt',
    overrideAccess: true, // published only, through the filter above, whoever asks
    locale: localeOf(req),
    req,
  })
  return docs as unknown as InstrumentDoc[]
}

/** The provisions an instrument provides, keyed by provision id. */
function provided(doc: InstrumentDoc): Map<string, Instrument> {
  const byProvision = new Map<string, Instrument>()
  for (const row of doc.provisions ?? []) {
    byProvision.set(String(idOf(row.provision)), {
      id: doc.id,
      slug: doc.slug ?? null,
      title: doc.title ?? null,
      category: doc.category ?? null,
      superseded: Boolean(doc.superseded),
      verification: publicVerification(doc.verification),
      section: row.section || null,
      quote: row.quote || null,
      extent: row.extent === 'partial' ? 'partial' : 'full',
    })
  }
  return byProvision
}

/**
 * `?model=<id|slug>`: a published resource. Without it: for gaps (`orMarked`), the one editors
 * marked as the model; for the matrix, none (the model column is asked for).
 */
export async function findModel(req: PayloadRequest, { orMarked }: { orMarked: boolean }): Promise<(Model & { doc: InstrumentDoc }) | null> {
  const reference = searchParams(req).get('model')?.trim()
  let docs: InstrumentDoc[]
  if (!reference && !orMarked) return null
  if (reference) {
    if (reference.length > 200) throw new CompareError(400, '"model" is an id or a slug of at most 200 characters.')
    docs = await publishedResources(req, { slug: { equals: reference } })
    if (!docs.length) docs = await byId(req, reference)
    if (!docs.length) throw new CompareError(404, `No published resource has the id or slug "${reference.slice(0, 200)}".`)
  } else {
    docs = await publishedResources(req, { isModel: { equals: true } })
    if (!docs.length) throw new CompareError(400, 'Name the model law: ?model=<id or slug> (no resource is marked as the model).')
  }
  const doc = docs[0]!
  const codes = await codesOfIds(req, (doc.jurisdictions ?? []).map(idOf))
  return { id: doc.id, slug: doc.slug ?? null, title: doc.title ?? null, jurisdictions: codes, doc }
}

/** A published resource by id, without letting an id of the wrong shape reach the database as a query error. */
async function byId(req: PayloadRequest, id: string): Promise<InstrumentDoc[]> {
  try {
    return await publishedResources(req, { id: { equals: id } })
  } catch {
    return [] // an id that cannot exist on this adapter (e.g. letters where ids are numbers)
  }
}

async function codesOfIds(req: PayloadRequest, ids: Id[]): Promise<string[]> {
  if (!ids.length) return []
  const { docs } = await req.payload.find({ collection: 'jurisdictions', where: { id: { in: ids } }, select: { code: true }, depth: 0, pagination: false, overrideAccess: false, req })
  return docs.map((d) => d.code)
}

async function catalogue(req: PayloadRequest): Promise<(ProvisionRow & { id: Id })[]> {
  const { docs } = await req.payload.find({
    collection: 'provisions',
    sort: 'order',
    depth: 0,
    pagination: false,
    overrideAccess: false,
    locale: localeOf(req),
    req,
  })
  return docs.map((d) => ({ id: d.id, key: d.key, name: d.name, description: d.description ?? null, order: d.order }))
}

/** For each jurisdiction id, what its published instruments provide: provision id → instruments. */
async function providedBy(req: PayloadRequest, jurisdictions: { id: Id }[]): Promise<Map<string, Map<string, Instrument[]>>> {
  const docs = await publishedResources(req, { jurisdictions: { in: jurisdictions.map((j) => j.id) } })
  const result = new Map(jurisdictions.map((j) => [String(j.id), new Map<string, Instrument[]>()]))
  for (const doc of docs) {
    const provisions = provided(doc)
    for (const jurisdiction of (doc.jurisdictions ?? []).map((j) => String(idOf(j)))) {
      const cells = result.get(jurisdiction)
      if (!cells) continue
      for (const [provision, instrument] of provisions) cells.set(provision, [...(cells.get(provision) ?? []), instrument])
    }
  }
  return result
}

/** GET /api/compare's answer. */
export async function compareMatrix(req: PayloadRequest): Promise<Matrix> {
  const jurisdictions = await findJurisdictions(req, codesOf(req))
  const model = await findModel(req, { orMarked: false })
  const [provisions, cells] = await Promise.all([catalogue(req), providedBy(req, jurisdictions)])
  const modelProvides = model ? provided(model.doc) : undefined
  return {
    jurisdictions: jurisdictions.map(({ code, name, type }) => ({ code, name, type })),
    model: model && { id: model.id, slug: model.slug, title: model.title, jurisdictions: model.jurisdictions },
    provisions: provisions.map(({ id, ...row }) => ({
      ...row,
      ...(modelProvides ? { model: modelProvides.has(String(id)) ? [modelProvides.get(String(id))!] : [] } : {}),
      cells: Object.fromEntries(jurisdictions.map((j) => [j.code, cells.get(String(j.id))?.get(String(id)) ?? []])),
    })),
  }
}

export type Gap = ProvisionRow & { model: Instrument; status: 'missing' | 'partial'; partial: Instrument[] }

/** GET /api/jurisdictions/{code}/gaps: what the model provides and the jurisdiction does not (fully). */
export async function gapsAgainstModel(req: PayloadRequest, code: string) {
  const [jurisdiction] = await findJurisdictions(req, [code.toUpperCase()])
  const model = (await findModel(req, { orMarked: true }))!
  const [provisions, cells] = await Promise.all([catalogue(req), providedBy(req, [jurisdiction!])])
  const own = cells.get(String(jurisdiction!.id))!
  const modelProvides = provided(model.doc)
  const gaps: Gap[] = []
  for (const { id, ...row } of provisions) {
    const fromModel = modelProvides.get(String(id))
    if (!fromModel) continue
    const instruments = own.get(String(id)) ?? []
    if (instruments.some((i) => i.extent === 'full')) continue
    gaps.push({ ...row, model: fromModel, status: instruments.length ? 'partial' : 'missing', partial: instruments })
  }
  const { id: _id, ...column } = jurisdiction!
  return { jurisdiction: column, model: { id: model.id, slug: model.slug, title: model.title, jurisdictions: model.jurisdictions }, gaps }
}
