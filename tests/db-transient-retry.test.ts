/**
 * The MongoDB-only piece of concurrency: which errors mean "run the transaction again"
 * (src/db/transientRetry.ts), checked on the driver's own MongoServerError, and the bounded,
 * jittered retry. The write paths that use it are tested on SQLite in tests/db-write-conflicts.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { MongoServerError } from 'mongodb'
import { isTransientTransactionError, withTransientRetry, WriteConflict } from '../src/db/transientRetry'
import { writeConflict } from './helpers/mongoFake'


describe('isTransientTransactionError', () => {
  it('recognises the driver’s WriteConflict, its labels, and one wrapped as a cause', () => {
    expect(isTransientTransactionError(writeConflict())).toBe(true)
    expect(isTransientTransactionError(new MongoServerError({ message: 'x', code: 251, codeName: 'NoSuchTransaction', errorLabels: ['TransientTransactionError'] }))).toBe(true)
    expect(isTransientTransactionError(new MongoServerError({ message: 'x', code: 50, errorLabels: ['UnknownTransactionCommitResult'] }))).toBe(true)
    expect(isTransientTransactionError(new Error('wrapped', { cause: writeConflict() }))).toBe(true)
    expect(isTransientTransactionError({ code: 112 })).toBe(true)
  })

  it('leaves other errors alone: a duplicate key, a validation error, anything else', () => {
    expect(isTransientTransactionError(new MongoServerError({ message: 'E11000 duplicate key error', code: 11000 }))).toBe(false)
    expect(isTransientTransactionError(new Error('The following field is invalid: email'))).toBe(false)
    expect(isTransientTransactionError(undefined)).toBe(false)
    expect(isTransientTransactionError('WriteConflict')).toBe(false)
  })
})

describe('withTransientRetry', () => {
  const noWait = { sleep: async () => undefined }

  it('runs the transaction again after transient failures and returns its result', async () => {
    let runs = 0
    const result = await withTransientRetry(async () => {
      if (++runs < 3) throw writeConflict()
      return 'saved'
    }, noWait)
    expect([result, runs]).toEqual(['saved', 3])
  })

  it('gives up after `attempts` runs with a 409 WriteConflict carrying the last error', async () => {
    let runs = 0
    const error = await withTransientRetry(async () => {
      runs++
      throw writeConflict()
    }, { ...noWait, attempts: 4 }).catch((e: unknown) => e)
    expect(runs).toBe(4)
    expect(error).toBeInstanceOf(WriteConflict)
    expect((error as WriteConflict).status).toBe(409)
    expect(isTransientTransactionError((error as Error).cause)).toBe(true)
  })

  it('throws any other error at once', async () => {
    let runs = 0
    const duplicate = new MongoServerError({ message: 'E11000', code: 11000 })
    await expect(withTransientRetry(async () => {
      runs++
      throw duplicate
    }, noWait)).rejects.toBe(duplicate)
    expect(runs).toBe(1)
  })

  it('waits a random part of a doubling, bounded delay between runs (full jitter)', async () => {
    const waits: number[] = []
    await withTransientRetry(async (attempt) => {
      if (attempt < 6) throw writeConflict()
    }, { random: () => 1, sleep: async (ms) => void waits.push(ms), baseDelayMs: 10, maxDelayMs: 50 })
    expect(waits).toEqual([10, 20, 40, 50, 50])
    const halves: number[] = []
    await withTransientRetry(async (attempt) => {
      if (attempt < 3) throw writeConflict()
    }, { random: () => 0.5, sleep: async (ms) => void halves.push(ms), baseDelayMs: 10 })
    expect(halves).toEqual([5, 10])
  })
})
