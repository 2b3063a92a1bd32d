import { CHECKLIST, publishThroughWorkflow } from './workflow'

type Agent = {
  post: (url: string) => { send: (body: object) => PromiseLike<{ status: number; body: any }> }
  patch: (url: string) => { send: (body: object) => PromiseLike<{ status: number; body: any }> }
}

/**
 * One resource in each review state, all naming `jurisdiction` and carrying `word` in their
 * title, made through the real API and workflow by an editor. `revisedInReview` is published,
 * then edited (the edit adds `revisionWord`) and submitted: the public must keep seeing the
 * published text, never the revision.
 */
export async function resourcesInEveryState(editor: Agent, { word, revisionWord, jurisdiction }: { word: string; revisionWord: string; jurisdiction: string | number }) {
  const make = async (state: string) => {
    const res = await editor.post('/api/resources?draft=true').send({
      title: `${word} ${state} item`,
      summary: `A ${state.replace('_', ' ')} resource for the leak checks.`,
      category: 'campaign-material',
      section: 'documenting-the-problem',
      jurisdictions: [jurisdiction],
      _status: 'draft',
    })
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body.doc.id as string | number
  }
  const act = async (id: string | number, action: string, extra: object = {}) => {
    const res = await editor.post(`/api/resources/${id}/workflow`).send({ action, ...extra })
    if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${JSON.stringify(res.body)}`)
  }
  const ids = {
    draft: await make('draft'),
    in_review: await make('in_review'),
    changes_requested: await make('changes_requested'),
    archived: await make('archived'),
    unpublished: await make('unpublished'),
    published: await make('published'),
    revisedInReview: await make('revised'),
  }
  await act(ids.in_review, 'submit')
  await act(ids.changes_requested, 'submit')
  await act(ids.changes_requested, 'request_changes', { note: 'Add the source.' })
  await publishThroughWorkflow(editor, ids.archived)
  await act(ids.archived, 'archive')
  await publishThroughWorkflow(editor, ids.unpublished)
  await act(ids.unpublished, 'unpublish')
  await publishThroughWorkflow(editor, ids.published)
  await publishThroughWorkflow(editor, ids.revisedInReview)
  const edit = await editor.patch(`/api/resources/${ids.revisedInReview}`).send({ title: `${word} revised item ${revisionWord}` })
  if (edit.status !== 200) throw new Error(`edit failed: ${edit.status} ${JSON.stringify(edit.body)}`)
  await act(ids.revisedInReview, 'submit')
  return { ids, checklist: CHECKLIST }
}
