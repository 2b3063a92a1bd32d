import { describe, expect, it } from '@jest/globals'
import { ACTIONS, STATES, TRANSITIONS, availableActions, decide, type Actor, type State } from '../src/workflow/machine'

const checklist = { personalDataCleared: true, sourcesChecked: true }
const owner: Actor = { role: 'contributor', isOwner: true }
const stranger: Actor = { role: 'contributor', isOwner: false }
const editor: Actor = { role: 'editor', isOwner: false }
const admin: Actor = { role: 'admin', isOwner: false }
const nobody: Actor = { role: undefined, isOwner: false }

/** The whole machine, written out once more by hand: [action, from, actor] → status or new state. */
const expected: Record<string, Record<State, string>> = {
  // action:            draft          in_review      changes_requested  published      archived
  'submit/owner': { draft: 'in_review', in_review: '409', changes_requested: 'in_review', published: '409', archived: '409' },
  'submit/editor': { draft: 'in_review', in_review: '409', changes_requested: 'in_review', published: '409', archived: '409' },
  'submit/stranger': { draft: '403', in_review: '403', changes_requested: '403', published: '403', archived: '403' },
  'withdraw/owner': { draft: '409', in_review: 'draft', changes_requested: '409', published: '409', archived: '409' },
  'withdraw/editor': { draft: '403', in_review: '403', changes_requested: '403', published: '403', archived: '403' },
  'request_changes/owner': { draft: '403', in_review: '403', changes_requested: '403', published: '403', archived: '403' },
  'request_changes/editor': { draft: '409', in_review: 'changes_requested', changes_requested: '409', published: '409', archived: '409' },
  'publish/owner': { draft: '403', in_review: '403', changes_requested: '403', published: '403', archived: '403' },
  'publish/editor': { draft: '409', in_review: 'published', changes_requested: '409', published: '409', archived: 'published' },
  'publish/admin': { draft: '409', in_review: 'published', changes_requested: '409', published: '409', archived: 'published' },
  'unpublish/owner': { draft: '403', in_review: '403', changes_requested: '403', published: '403', archived: '403' },
  'unpublish/editor': { draft: '409', in_review: '409', changes_requested: '409', published: 'draft', archived: '409' },
  'archive/owner': { draft: '403', in_review: '403', changes_requested: '403', published: '403', archived: '403' },
  'archive/editor': { draft: 'archived', in_review: 'archived', changes_requested: 'archived', published: 'archived', archived: '409' },
}
const actors: Record<string, Actor> = { owner, editor, admin, stranger }

describe('the workflow machine', () => {
  for (const [key, row] of Object.entries(expected)) {
    const [action, who] = key.split('/') as [string, string]
    for (const state of STATES) {
      it(`${who} ${action} from ${state} → ${row[state]}`, () => {
        const d = decide(state, { action, note: 'a note', checklist }, actors[who]!)
        if (d.ok) expect(d.to).toBe(row[state])
        else expect(String(d.status)).toBe(row[state])
      })
    }
  }

  it('covers every action in the table', () => {
    expect(new Set(Object.keys(expected).map((k) => k.split('/')[0]))).toEqual(new Set(ACTIONS))
  })

  it('answers 401 to nobody, before anything else', () => {
    expect(decide('draft', { action: 'nonsense' }, nobody)).toMatchObject({ ok: false, status: 401 })
  })

  it('answers 400 to an unknown or missing action', () => {
    expect(decide('draft', { action: 'delete' }, editor)).toMatchObject({ ok: false, status: 400 })
    expect(decide('draft', { action: undefined }, editor)).toMatchObject({ ok: false, status: 400 })
    expect(decide('draft', { action: ['submit'] }, editor)).toMatchObject({ ok: false, status: 400 })
  })

  it('requires a note to request changes (400), a blank note counts as none', () => {
    expect(decide('in_review', { action: 'request_changes' }, editor)).toMatchObject({ status: 400 })
    expect(decide('in_review', { action: 'request_changes', note: '   ' }, editor)).toMatchObject({ status: 400 })
    expect(decide('in_review', { action: 'request_changes', note: 42 }, editor)).toMatchObject({ status: 400 })
    expect(decide('in_review', { action: 'request_changes', note: ' Cite the rule ' }, editor)).toMatchObject({ ok: true, note: 'Cite the rule' })
  })

  it('requires every checklist item to be exactly true to publish (400)', () => {
    expect(decide('in_review', { action: 'publish' }, editor)).toMatchObject({ status: 400 })
    expect(decide('in_review', { action: 'publish', checklist: { sourcesChecked: true } }, editor)).toMatchObject({ status: 400 })
    expect(decide('in_review', { action: 'publish', checklist: { personalDataCleared: 'yes', sourcesChecked: true } }, editor)).toMatchObject({ status: 400 })
    expect(decide('in_review', { action: 'publish', checklist }, editor)).toMatchObject({ ok: true, to: 'published', checklist })
  })

  it('checks role before input and state: a contributor learns 403, not 400 or 409', () => {
    expect(decide('published', { action: 'publish' }, owner)).toMatchObject({ status: 403 })
  })

  it('lists the buttons each actor gets', () => {
    expect(availableActions('draft', owner)).toEqual(['submit'])
    expect(availableActions('in_review', owner)).toEqual(['withdraw'])
    expect(availableActions('in_review', editor)).toEqual(['request_changes', 'publish', 'archive'])
    expect(availableActions('in_review', { role: 'editor', isOwner: true })).toEqual(['withdraw', 'request_changes', 'publish', 'archive'])
    expect(availableActions('published', stranger)).toEqual([])
  })

  it('only ever reaches known states', () => {
    for (const t of Object.values(TRANSITIONS)) expect(STATES).toContain(t.to)
  })
})
