import { createLocalReq, type Payload } from 'payload'
import { mayEditDocument, mayEditGlobal } from './lockGuard'

type Id = string | number
type Ref = { relationTo?: unknown; value?: unknown } | null | undefined
type CreateArgs = { collection: string; data?: { document?: Ref; globalSlug?: unknown; user?: Ref }; req?: unknown }
type Adapter = { create: (args: CreateArgs) => Promise<unknown>; findOne: (args: Record<string, unknown>) => Promise<Record<string, unknown> | null> }

const LOCKS = 'payload-locked-documents'

/**
 * The admin panel takes a document's edit lock in Payload's own server code (the form-state
 * request each change sends, `handleFormStateLocking`), straight through the adapter: no access,
 * no hooks, no request, so lockGuard's rule (a lock only on what its holder may edit now) does not
 * reach it. A form-state request the server handles after a hand-over (a leader's last keystroke,
 * answered after their submit) left the leader's lock on a resource they may no longer change:
 * the editor met "locked by …" and every save of theirs answered 423 for five minutes. So the
 * adapter's create of a lock that comes without a request (Payload's operations pass theirs, and
 * guardLocks has checked it) is skipped when its holder may not edit the document or global now.
 */
export function lockOnlyWhatHolderMayEdit(payload: Payload): void {
  const db = payload.db as unknown as Adapter
  const create = db.create.bind(db)
  db.create = async (args) => {
    if (args.collection !== LOCKS || args.req || (await holderMayEdit(payload, db, args.data))) return create(args)
    return null // Payload's caller asks for nothing back (returning: false)
  }
}

async function holderMayEdit(payload: Payload, db: Adapter, lock: CreateArgs['data']): Promise<boolean> {
  const holder = lock?.user
  if (typeof holder?.relationTo !== 'string' || (typeof holder.value !== 'string' && typeof holder.value !== 'number')) return false
  const account = await db.findOne({ collection: holder.relationTo, where: { id: { equals: holder.value } } })
  if (!account) return false
  const req = await createLocalReq({ user: { ...account, collection: holder.relationTo } as never }, payload)
  const document = lock?.document
  if (document && typeof document.relationTo === 'string') return mayEditDocument(req, document.relationTo, document.value as Id)
  return typeof lock?.globalSlug === 'string' && mayEditGlobal(req, lock.globalSlug)
}
