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
  for (let i = 0; i < 10; i++) {
    const { totalDocs } = await app.payload.count({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: 'sendEmail' } }, { processing: { equals: true } }] } })
    if (!totalDocs) break
    await new Promise((r) => setTimeout(r, 50))
  }
  await new Promise((r) => setTimeout(r, 100))
}

export const CHECKLIST = { personalDataCleared: true, sourcesChecked: true }
