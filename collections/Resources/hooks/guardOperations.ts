import { type CollectionBeforeOperationHook, type PayloadRequest, type Where } from 'payload'
import { forbidden } from '../../../access/forbidden'
import { activeRole, isEditor } from '../../../access/roles'
import { sameId } from '../../../access/sameId'
import { currentState } from '../workingCopy'
import { EDITOR_ONLY_FIELDS, WORKFLOW_ONLY_FIELDS } from '../workflowFields'


/** Set on req.context by the workflow endpoint and the scheduled-publish job: they may write anything. */
export const WORKFLOW_CONTEXT = 'resourceWorkflow'
export const isWorkflowWrite = (req: PayloadRequest) => req.context?.[WORKFLOW_CONTEXT] === true

type Args = {
  data?: Record<string, unknown>
  draft?: boolean
  id?: string | number
  overrideAccess?: boolean
  where?: Where
  sort?: string | string[]
  req: PayloadRequest
}

/**
 * The one door to publication. Through the API (REST, GraphQL, admin panel), whoever calls:
 * - a create, update, bulk update or duplicate that tries to set `_status` to anything but
 *   `draft`, or to change `reviewStatus`, `publishedAt` or `publishAt`, is refused with 403;
 *   contributors may not set `owner` or `assignee` either;
 * - every update is saved as a draft version, so a published resource stays as it was
 *   published until a new revision goes through review (hooks/resetReviewOnEdit);
 * - a version restore always makes a new draft (Payload's Restore button asks draft=false);
 * - `?draft=true` shows only the caller's own working copies.
 * Who may filter or sort on what (ownership included) is src/security/queryRules.ts's decision.
 * Server code (the Local API with overrideAccess, the workflow endpoint) is trusted.
 */
export const guardOperations: CollectionBeforeOperationHook = async ({ args, operation, req }) => (await guard(args as unknown as Args, operation, req)) as never

async function guard(a: Args, operation: string, req: PayloadRequest): Promise<Args> {
  if (operation === 'restoreVersion') {
    // A restore makes a new draft of that version, whatever `draft` says and whoever calls: the
    // panel's Restore button sends draft=false, and Payload's Local API `restoreVersion` drops its
    // `draft` option (3.90.1), so the workflow's discarding of a withdrawn update relies on this.
    // Publishing goes through the review workflow. Who may restore is who may edit the resource
    // now (access.update: editors, or the owner while it is theirs to edit, within their scope).
    a.draft = true
    return a
  }
  // REST and GraphQL leave overrideAccess undefined (access enforced); only an explicit true is trusted.
  if (a.overrideAccess === true || isWorkflowWrite(req)) return a
  const editor = isEditor(req.user)

  if (operation === 'create' || operation === 'update') {
    await refuseWorkflowFields(a, operation, editor, req)
    await refuseSignOff(a, operation, req)
    if (operation === 'update') a.draft = true
    return a
  }
  if (operation === 'read' || operation === 'count') {
    if (editor) return a
    if (a.draft) {
      if (!activeRole(req.user)) a.draft = false
      else if (a.id !== undefined) {
        const state = await currentState(req, a.id)
        if (!state || !sameId(state.owner, req.user!.id)) a.draft = false
      } else {
        const own: Where = { owner: { equals: req.user!.id } }
        a.where = a.where ? { and: [a.where, own] } : own
      }
    }
    return a
  }
  return a
}

async function refuseWorkflowFields(a: Args, operation: 'create' | 'update', editor: boolean, req: PayloadRequest) {
  const data = a.data
  if (!data || typeof data !== 'object') return
  const sent = (key: string) => Object.prototype.hasOwnProperty.call(data, key)
  if (sent('_status') && data._status !== 'draft') {
    throw forbidden('"_status" cannot be set here: publish through POST /api/resources/:id/workflow.')
  }
  const restricted = [...WORKFLOW_ONLY_FIELDS.filter((k) => k !== '_status'), ...(editor ? [] : EDITOR_ONLY_FIELDS)]
  const attempted = restricted.filter(sent)
  if (!attempted.length) return

  // The admin panel sends every field back; sending the value the resource already has changes nothing.
  let current: Record<string, unknown> = { reviewStatus: 'draft', publishedAt: null, publishAt: null, owner: req.user?.id, assignee: null }
  if (operation === 'update') {
    if (a.id === undefined) throw forbidden(`${attempted.map((k) => `"${k}"`).join(', ')} cannot be set in a bulk update.`)
    const found = await req.payload.findByID({ collection: 'resources', id: a.id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
    if (!found) return // Payload answers 404 itself
    current = found as unknown as Record<string, unknown>
  }
  const changed = attempted.filter((key) => !sameValue(data[key], current[key]))
  if (changed.length) {
    throw forbidden(
      `${changed.map((k) => `"${k}"`).join(', ')} cannot be changed here: ${
        changed.some((k) => (EDITOR_ONLY_FIELDS as readonly string[]).includes(k)) ? 'only editors assign resources; ' : ''
      }review status and publication change only through POST /api/resources/:id/workflow.`,
    )
  }
}

/**
 * The legal sign-off is written by the verify action and publishing only
 * (src/verification/signOff.ts): a create or update that sends a different one is a 403 (the panel
 * sends back the one it read: no change).
 */
async function refuseSignOff(a: Args, operation: 'create' | 'update', req: PayloadRequest) {
  const data = a.data
  if (!data || typeof data !== 'object' || !Object.prototype.hasOwnProperty.call(data, 'verification')) return
  const sent = data.verification
  if (sent === null || sent === undefined) return
  const refuse = () => forbidden('"verification" cannot be set here: a legal reviewer signs off with POST /api/resources/:id/verify.')
  if (typeof sent !== 'object' || Array.isArray(sent)) throw refuse()
  let current: Record<string, unknown> = {}
  if (operation === 'update') {
    if (a.id === undefined) throw refuse()
    const found = await req.payload.findByID({ collection: 'resources', id: a.id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
    current = ((found as { verification?: Record<string, unknown> } | null)?.verification ?? {}) as Record<string, unknown>
  }
  const given = sent as Record<string, unknown>
  if (['verifiedAt', 'reviewBy', 'verifiedBy', 'covers'].some((key) => key in given && !sameValue(given[key], current[key]))) throw refuse()
}

function sameValue(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === null || v === undefined || v === ''
  if (empty(a) && empty(b)) return true
  if (empty(a) || empty(b)) return false
  if (sameId(a, b)) return true
  const time = (v: unknown) => (typeof v === 'string' || v instanceof Date ? new Date(v as string).getTime() : NaN)
  return !Number.isNaN(time(a)) && time(a) === time(b)
}
