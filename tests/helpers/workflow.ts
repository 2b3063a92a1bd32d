import { backgroundIdle } from '../../src/jobs/background'
import type { TestApp } from './testApp'

/** Waits until the app's mail holds a message matching `match` (emails go out after commit). */
export async function waitForMail(app: TestApp, match: (m: TestApp['mail']['messages'][number]) => boolean, timeoutMs = 5000) {
  const started = Date.now()
  for (;;) {
    const found = app.mail.messages.find(match)
    if (found) return found
    if (Date.now() - started > timeoutMs) throw new Error('no matching email was sent')
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Lets any delivery in flight finish, so that "no email" assertions mean something. */
export async function settle(app: TestApp) {
  // Deliveries started after a commit (src/jobs/background.ts), then any job still being run.
  await backgroundIdle()
  for (let i = 0; i < 10; i++) {
    const { totalDocs } = await app.payload.count({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: 'sendEmail' } }, { processing: { equals: true } }] } })
    if (!totalDocs) break
    await new Promise((r) => setTimeout(r, 50))
  }
  await new Promise((r) => setTimeout(r, 100))
}

export const CHECKLIST = { personalDataCleared: true, sourcesChecked: true }

type Agent = { post: (url: string) => { send: (body: object) => PromiseLike<{ status: number; body: unknown }> } }

/** Publishes a resource the only way there is: submit, then an editor's publish with the checklist. */
export async function publishThroughWorkflow(editor: Agent, id: string | number): Promise<void> {
  const submit = await editor.post(`/api/resources/${id}/workflow`).send({ action: 'submit' })
  const publish = await editor.post(`/api/resources/${id}/workflow`).send({ action: 'publish', checklist: CHECKLIST })
  if (submit.status !== 200 || publish.status !== 200) {
    throw new Error(`publish failed: submit ${submit.status}, publish ${publish.status} ${JSON.stringify(publish.body)}`)
  }
}
