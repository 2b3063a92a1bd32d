/**
 * Work in a write transaction does not wait in line behind other requests' checkpoints
 * (src/security/requestBudget.ts): it holds SQLite's one write lock, so every turn it waited
 * every other write waited too (sign-ups fell from over 200/s to 12/s beside 50 reading
 * connections). Other work still takes turns, one checkpoint per event-loop turn.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { takeTurns, waitingTurns } from '../src/security/requestBudget'
import { startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
}, 120_000)
afterAll(async () => {
  await app?.stop()
})

it('lets a transaction go ahead of checkpoints waiting in line, which still go one per turn', async () => {
  // 500 chains of work waiting for their turn (as many readers would): one is let go per event-loop turn.
  const line = Array.from({ length: 500 }, () => takeTurns())
  expect(waitingTurns()).toBeGreaterThan(450)
  // A create is one transaction of several database calls (the topic, its locales, its version).
  const topic = await app.payload.create({ collection: 'topics', data: { name: 'Courthouse access', slug: 'courthouse-access-turns' } as never })
  expect(topic.id).toBeDefined()
  // It did not wait behind the line: most of it still waits.
  expect(waitingTurns()).toBeGreaterThan(300)
  await Promise.all(line)
})
