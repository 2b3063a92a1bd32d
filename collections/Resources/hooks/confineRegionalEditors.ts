import type { CollectionBeforeOperationHook, PayloadRequest, Where } from 'payload'
import { forbidden } from '../../../access/forbidden'
import { outOfScope, type PlaceCache } from '../../../access/withinJurisdictions'
import { isRegionalEditor, regionalRefusal } from '../regionalScope'
import { isWorkflowWrite } from './guardOperations'

type Args = { id?: string | number; duplicateFromID?: string | number; where?: Where; draft?: boolean; data?: Record<string, unknown>; overrideAccess?: boolean }

/**
 * A regional editor changes only resources of their region, as they review only those
 * (docs/WORKFLOW.md "Jurisdictions"): an update, a delete or a duplicate of one outside it, or
 * an update moving one out, is a 403 naming the jurisdiction; a bulk update or delete with
 * `where` is refused whole when any resource it matches is outside, so nothing changes. REST,
 * GraphQL, the method override and the panel all run this operation hook. A version restore
 * needs the resource as it is inside (here) and the version too (hooks/scopeToJurisdictions.ts). Creating stays open to every editor (it goes to review, and
 * the region's editors review it).
 */
export const confineRegionalEditors: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const a = args as Args
  if (a.overrideAccess === true || isWorkflowWrite(req) || !isRegionalEditor(req)) return args
  const cache: PlaceCache = new Map()
  const refuse = (why: string | null) => {
    if (why) throw forbidden(why)
  }
  if (operation === 'create' && a.duplicateFromID !== undefined && a.duplicateFromID !== null) {
    refuse(await regionalRefusal(req, a.duplicateFromID, cache))
  }
  if (operation === 'restoreVersion' && a.id !== undefined && a.id !== null) {
    // `id` names the version: the resource as it is must be inside (the version brought back: scopeToJurisdictions).
    const version = await req.payload.findVersionByID({ collection: 'resources', id: a.id as string, depth: 0, overrideAccess: true, disableErrors: true, req }).catch(() => null)
    if (version?.parent) refuse(await regionalRefusal(req, (version.parent as { id?: string | number }).id ?? (version.parent as string | number), cache))
  }
  if (operation !== 'update' && operation !== 'delete') return args
  const ids = a.id !== undefined && a.id !== null ? [a.id] : await matched(req, a)
  for (const id of ids) refuse(await regionalRefusal(req, id, cache))
  if (operation === 'update' && a.data && Object.prototype.hasOwnProperty.call(a.data, 'jurisdictions')) {
    refuse(await outOfScope(req, req.user, a.data.jurisdictions, cache))
  }
  return args
}

/** The resources a bulk update or delete would touch (editors read them all). */
async function matched(req: PayloadRequest, a: Args): Promise<(string | number)[]> {
  const { locale, fallbackLocale } = req
  try {
    const { docs } = await req.payload.find({ collection: 'resources', where: a.where ?? {}, draft: a.draft, depth: 0, pagination: false, select: { jurisdictions: true }, overrideAccess: false, req })
    return docs.map((doc) => doc.id)
  } finally {
    // A Local API call given `req` sets its locale on it (workingCopy.ts).
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}
