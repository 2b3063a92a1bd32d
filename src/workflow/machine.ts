/**
 * The editorial review workflow as a pure state machine: states, actions, who may take each
 * action from which states. No database, no Payload: the endpoint and the tests both use it.
 */
export const STATES = ['draft', 'in_review', 'changes_requested', 'published', 'archived'] as const
export type State = (typeof STATES)[number]

export const ACTIONS = ['submit', 'withdraw', 'request_changes', 'publish', 'unpublish', 'archive'] as const
export type Action = (typeof ACTIONS)[number]

/** `owner`: the resource's owner (any active role); `editor`: any active editor or admin. */
export type Party = 'owner' | 'editor'

export type Transition = {
  from: readonly State[]
  to: State
  by: readonly Party[]
  /** `request_changes` must say what to change. */
  needsNote?: boolean
  /** `publish` needs the pre-publication checklist confirmed. */
  needsChecklist?: boolean
}

export const TRANSITIONS: Record<Action, Transition> = {
  submit: { from: ['draft', 'changes_requested'], to: 'in_review', by: ['owner', 'editor'] },
  withdraw: { from: ['in_review'], to: 'draft', by: ['owner'] },
  request_changes: { from: ['in_review'], to: 'changes_requested', by: ['editor'], needsNote: true },
  publish: { from: ['in_review', 'archived'], to: 'published', by: ['editor'], needsChecklist: true },
  unpublish: { from: ['published'], to: 'draft', by: ['editor'] },
  archive: { from: ['draft', 'in_review', 'changes_requested', 'published'], to: 'archived', by: ['editor'] },
}

/**
 * The states in which the owner (a contributor) may edit the content. Editing published content
 * proposes an update: a new draft revision, while the published version stays public until an
 * editor publishes the update (the API saves every edit as a draft version).
 */
export const OWNER_EDITABLE: readonly State[] = ['draft', 'changes_requested', 'published']

/** What the editor confirms before publishing. Every item must be `true`. */
export const CHECKLIST_ITEMS = {
  personalDataCleared:
    'Names of arrested people, A-numbers and docket numbers are removed, or their use is consented to',
  sourcesChecked: 'Sources, citations and links are checked',
} as const
export type Checklist = Record<keyof typeof CHECKLIST_ITEMS, true>

export const NOTE_MAX_LENGTH = 5000

/**
 * `inScope`: whether the resource lies within the actor's jurisdictions (access/withinJurisdictions.ts,
 * decided by the caller); false takes every right away, with `outOfScope` saying why.
 */
export type Actor = { role: 'admin' | 'editor' | 'contributor' | undefined; isOwner: boolean; inScope?: boolean; outOfScope?: string }

export type Request = { action: unknown; note?: unknown; checklist?: unknown }

export type Decision =
  | { ok: true; action: Action; from: State; to: State; note?: string; checklist?: Checklist }
  | { ok: false; status: 400 | 401 | 403 | 409; error: string }

export const isAction = (value: unknown): value is Action => ACTIONS.includes(value as Action)
export const isState = (value: unknown): value is State => STATES.includes(value as State)

/** The parties an actor counts as for a given resource. */
function partiesOf(actor: Actor): Party[] {
  const parties: Party[] = []
  if (actor.inScope === false) return parties
  if (actor.role && actor.isOwner) parties.push('owner')
  if (actor.role === 'admin' || actor.role === 'editor') parties.push('editor')
  return parties
}

/** May this actor take this action at all (ignoring the current state)? */
export function mayTake(action: Action, actor: Actor): boolean {
  return partiesOf(actor).some((party) => TRANSITIONS[action].by.includes(party))
}

/** The actions the actor may take from the state right now (for the admin panel's buttons). */
export function availableActions(state: State, actor: Actor): Action[] {
  return ACTIONS.filter((action) => mayTake(action, actor) && TRANSITIONS[action].from.includes(state))
}

/**
 * Decides one request. Checks run in this order so that a caller learns no more than it may:
 * signed in (401), a known action (400), role and ownership (403), the note and checklist (400),
 * then the current state (409).
 */
export function decide(state: State, request: Request, actor: Actor): Decision {
  if (!actor.role) return { ok: false, status: 401, error: 'Sign in with an active account to change a review status.' }
  const { action } = request
  if (!isAction(action)) {
    return { ok: false, status: 400, error: `Unknown action: "action" must be one of ${ACTIONS.join(', ')}.` }
  }
  const transition = TRANSITIONS[action]
  if (actor.inScope === false) return { ok: false, status: 403, error: actor.outOfScope ?? 'This resource is outside your jurisdictions.' }
  if (!mayTake(action, actor)) {
    const who = transition.by.map((p) => (p === 'owner' ? 'the resource’s owner' : 'an editor')).join(' or ')
    return { ok: false, status: 403, error: `Only ${who} may ${action.replace('_', ' ')} this resource.` }
  }

  let note: string | undefined
  if (request.note !== undefined && request.note !== null) {
    if (typeof request.note !== 'string') return { ok: false, status: 400, error: '"note" must be a string.' }
    note = request.note.trim() || undefined
    if (note && note.length > NOTE_MAX_LENGTH) {
      return { ok: false, status: 400, error: `"note" must be at most ${NOTE_MAX_LENGTH} characters.` }
    }
  }
  if (transition.needsNote && !note) {
    return { ok: false, status: 400, error: '"note" is required: say what needs to change.' }
  }

  let checklist: Checklist | undefined
  if (transition.needsChecklist) {
    const given = (request.checklist ?? {}) as Record<string, unknown>
    const missing = Object.keys(CHECKLIST_ITEMS).filter((key) => typeof given !== 'object' || given[key] !== true)
    if (missing.length) {
      return {
        ok: false,
        status: 400,
        error: `The pre-publication checklist must be confirmed: set ${missing.map((k) => `checklist.${k}`).join(' and ')} to true.`,
      }
    }
    checklist = { personalDataCleared: true, sourcesChecked: true }
  }

  if (!transition.from.includes(state)) {
    return {
      ok: false,
      status: 409,
      error: `Cannot ${action.replace('_', ' ')} a resource that is ${state.replace('_', ' ')} (allowed from: ${transition.from.join(', ')}).`,
    }
  }
  return { ok: true, action, from: state, to: transition.to, note, checklist }
}
