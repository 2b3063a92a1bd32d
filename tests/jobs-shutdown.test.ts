/**
 * Closing the app while a request's background work (the emails a transition sends right after
 * its commit, src/jobs/background.ts) is still running: close() lets it finish before the
 * database goes. Before, the database closed under it: Payload's runJobs logged "Failed to delete
 * jobs … on complete" (a TypeError from the closed adapter) when the send had got that far, and
 * otherwise the email was never sent (its job left claimed).
 */
import { describe, expect, it } from '@jest/globals'
import { createAccount, signIn, startTestApp } from './helpers/testApp'

describe('closing the app with deliveries in flight', () => {
  it('finishes them first: the email is sent, no error logged', async () => {
    const lines: string[] = []
    const app = await startTestApp({ LOG_LEVEL: 'info' }, { logDestination: { write: (line: string) => lines.push(line) } })
    let stopped = false
    try {
      await createAccount(app, 'editor')
      const editor = await signIn(app, await createAccount(app, 'editor'))
      const created = await editor.post('/api/resources').send({ title: 'Closing time memo', category: 'media' })
      expect(created.status).toBe(201)
      // The submit emails the other editor from the background, after the answer.
      expect((await editor.post(`/api/resources/${created.body.doc.id}/workflow`).send({ action: 'submit' })).status).toBe(200)
      await app.stop()
      stopped = true

      const errors = lines.map((line) => JSON.parse(line) as { level: number; msg?: string }).filter((record) => record.level >= 50)
      expect(errors.map((record) => record.msg)).toEqual([])
      expect(app.mail.messages.map((m) => m.subject)).toContain('Submitted for review: Closing time memo')
    } finally {
      if (!stopped) await app.stop()
    }
  }, 120_000)
})
