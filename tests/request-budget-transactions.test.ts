/**
 * Work in a write transaction does not wait in line behind other requests' checkpoints
 * (src/security/requestBudget.ts): it holds SQLite's one write lock, so every turn it waited
 * every other write waited too (sign-ups fell from over 200/s to 12/s beside 50 reading
 * connections). Other work still takes turns, one checkpoint per event-loop turn. A transaction
 * gives a turn after 20 ms of work, never for time it spent waiting (for the write lock above all:
 * it gave its turn while holding the lock, and beside busy readers every later write queued longer).
 */
import { performance } from 'node:perf_hooks'
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import request from 'supertest'
import { writeLockOf } from '../src/db/sqliteWriteLock'
import { takeTurns, transactionTurnsGiven, waitingTurns } from '../src/security/requestBudget'
import { startTestApp, type TestApp } from './helpers/testApp'
import { createWebinar, signUp } from './helpers/webinars'

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

it("counts a transaction's work toward its turn, not the time it waited", async () => {
  const req = { transactionID: 'unit' }
  expect(takeTurns(req)).toBeUndefined()
  // Waiting (the loop turns meanwhile) begins a new stretch: nothing to give.
  await new Promise((resolve) => setTimeout(resolve, 40))
  expect(takeTurns(req)).toBeUndefined()
  // 25 ms of work without a turn: the next checkpoint gives one.
  const until = performance.now() + 25
  while (performance.now() < until);
  const turn = takeTurns(req)
  expect(turn).toBeInstanceOf(Promise)
  await turn
})

it('a transaction that queued for the write lock gives no turn when it gets it (the lock of a real app)', async () => {
  const lock = writeLockOf(app.payload.db)
  if (!lock) return // MongoDB: no write lock to wait for
  // The checkpoints of a transaction whose first statement waits 60 ms behind another write.
  const req = { transactionID: 'queued' }
  expect(takeTurns(req)).toBeUndefined()
  const other = await lock.acquire()
  const queued = lock.acquire()
  setTimeout(other, 60)
  const release = await queued
  try {
    const given = transactionTurnsGiven.count
    // Its first statement has run; the checkpoint after it: the 60 ms were spent waiting, not working.
    expect(takeTurns(req)).toBeUndefined()
    expect(transactionTurnsGiven.count).toBe(given)
  } finally {
    release()
  }
})

it('a sign-up still answers while another write holds the lock', async () => {
  const lock = writeLockOf(app.payload.db)
  if (!lock) return
  const webinar = await createWebinar(app)
  const release = await lock.acquire()
  const answer = request(app.url).post(`/api/webinars/${webinar.id}/register`).send(signUp()).then((res) => res)
  await new Promise((resolve) => setTimeout(resolve, 60))
  release()
  expect((await answer).status).toBe(202)
})
