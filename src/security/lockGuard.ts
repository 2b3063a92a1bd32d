import { ValidationError, type CollectionBeforeOperationHook, type PayloadRequest, type Where } from 'payload'
import { forbidden } from '../../access/forbidden'
import { sameId } from '../../access/sameId'

type Id = string | number
type Lock = { document?: { relationTo?: unknown; value?: unknown } | null; globalSlug?: unknown; user?: { relationTo?: unknown; value?: unknown } | null }
type Args = { data?: Record<string, unknown>; id?: Id; duplicateFromID?: Id; overrideAccess?: boolean; req: PayloadRequest }

const LOCKS = 'payload-locked-documents'
/** 400 naming the field (logged as a refusal, not as a server error). */
const invalid = (req: PayloadRequest, path: string, message: string) => new ValidationError({ collection: LOCKS, errors: [{ path, message }], req })
const idOf = (value: unknown) => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value)

/**
 * An edit lock makes everyone else's save of that document answer 423 for as long as it is
 * fresh, so through the API (REST, GraphQL, duplicate; the admin panel takes its own locks in
 * server code) a lock is taken only:
 * - in the caller's own name (`user` defaults to the caller; anyone else's is refused, editors
 *   included: taking over a lock means making it one's own);
 * - on exactly one document or global the caller may edit right now (the target's own update
 *   access decides, as for the save the lock guards);
 * - at the server's time: `updatedAt`/`createdAt` from a request would date a lock into the future.
 * An update is checked as the lock it would leave behind; bulk updates of locks are refused.
 */
export const guardLocks: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const a = args as unknown as Args
  if (a.overrideAccess === true || (operation !== 'create' && operation !== 'update')) return args
  if (!req.user) return args // access answers (401/403)
  const data = (a.data ?? {}) as Record<string, unknown> & Lock
  const timed = ['updatedAt', 'createdAt'].filter((key) => Object.prototype.hasOwnProperty.call(data, key))
  if (timed.length) throw invalid(req, timed[0]!, `"${timed[0]}" of a lock is set by the server.`)

  let before: Lock = {}
  if (operation === 'update') {
    if (a.id === undefined) throw forbidden('Locks are changed one at a time: PATCH /api/payload-locked-documents/:id.')
    before = ((await req.payload.db.findOne({ collection: LOCKS, where: { id: { equals: a.id } }, req })) as Lock | null) ?? {}
  } else if (a.duplicateFromID !== undefined) {
    before = ((await req.payload.db.findOne({ collection: LOCKS, where: { id: { equals: a.duplicateFromID } }, req })) as Lock | null) ?? {}
  } else if (data.user === undefined || data.user === null) {
    a.data = { ...data, user: { relationTo: req.user.collection, value: req.user.id } }
  }
  await checkLock({ ...before, ...(a.data as Lock) }, req)
  return args
}

async function checkLock(lock: Lock, req: PayloadRequest) {
  const user = lock.user
  if (!user || user.relationTo !== req.user!.collection || !sameId(idOf(user.value), req.user!.id)) {
    throw forbidden('A lock can only be taken in your own name ("user" must be you).')
  }
  const document = lock.document && typeof lock.document === 'object' && lock.document.value !== undefined && lock.document.value !== null ? lock.document : undefined
  const global = typeof lock.globalSlug === 'string' && lock.globalSlug ? lock.globalSlug : undefined
  if (Boolean(document) === Boolean(global)) throw invalid(req, 'document', 'A lock names exactly one "document" ({ relationTo, value }) or one "globalSlug".')
  const allowed = document ? await mayEditDocument(req, String(document.relationTo), idOf(document.value) as Id) : await mayEditGlobal(req, global!)
  if (!allowed) throw forbidden('You may lock only a document you may edit.')
}

/** The caller may save this document now: its collection's update access, applied to the stored record. */
export async function mayEditDocument(req: PayloadRequest, slug: string, id: Id): Promise<boolean> {
  const collection = req.payload.collections[slug as keyof typeof req.payload.collections]
  const access = collection?.config.access?.update
  if (!access || (typeof id !== 'string' && typeof id !== 'number')) return false
  try {
    const result = await access({ req, id, data: {} } as never)
    if (!result) return false
    const where: Where = result === true ? { id: { equals: id } } : { and: [{ id: { equals: id } }, result as Where] }
    return (await req.payload.db.count({ collection: slug as never, where, req })).totalDocs > 0
  } catch {
    return false // an id the collection cannot hold
  }
}

export async function mayEditGlobal(req: PayloadRequest, slug: string): Promise<boolean> {
  const access = req.payload.config.globals.find((g) => g.slug === slug)?.access?.update
  return Boolean(access && (await access({ req, data: {} } as never)) === true)
}
