import { Writable } from 'node:stream'
import { describe, expect, it } from '@jest/globals'
import { pino } from 'pino'
import { loggerOptions, scrub } from '../src/settings/logging'

function capture() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk))
      callback()
    },
  })
  return { logger: pino(loggerOptions('info'), stream), lines }
}

/** A database error as drizzle and mongoose shape them: the bound values ride along. */
function databaseError() {
  const error = new Error('Failed query: insert into "registrations" ("email") values (?)\nparams: maria@example.org') as Error & Record<string, unknown>
  error.params = ['maria@example.org']
  error.keyValue = { email: 'maria@example.org' }
  error.cause = new Error('E11000 duplicate key error dup key: { email: "maria@example.org" }')
  return error
}

describe('log lines never carry an email address', () => {
  it('in an error, its message, its cause or its parameters', () => {
    const { logger, lines } = capture()
    logger.error({ err: databaseError(), msg: 'Failed query: … params: maria@example.org' })
    logger.error(databaseError())
    logger.error({ err: databaseError() }) // pino takes the error's message as msg
    logger.info('sent a reminder to maria@example.org')
    expect(lines).toHaveLength(4)
    for (const line of lines) expect(line).not.toContain('maria@example.org')
    expect(lines[0]).toContain('[email]')
  })

  it('keeps what an operator needs', () => {
    const scrubbed = scrub({ message: 'Failed query: select 1\nparams: 1,2', status: 500 }) as Record<string, unknown>
    expect(scrubbed).toEqual({ message: 'Failed query: select 1\nparams: [dropped]', status: 500 })
  })
})
