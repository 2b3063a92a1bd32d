/**
 * What the logs may hold: never a person's email, name or message. Payload logs database
 * errors with the bound parameters (an email in a failed insert, a duplicate-key message that
 * quotes the address); this serializer drops parameters and masks anything shaped like an
 * email address before a line is written.
 */
import type { LoggerOptions } from 'pino'
import { stdSerializers } from 'pino'

const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[a-z]{2,}/gi
const DROPPED_KEYS = new Set(['params', 'parameters', 'keyValue', 'keyPattern', 'data', 'errorResponse'])

export function maskEmails(text: string): string {
  return text.replace(EMAIL, '[email]')
}

/** A copy of the value fit for a log line: parameters dropped, emails masked, depth bounded. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskEmails(value.replace(/\nparams: [\s\S]*$/, '\nparams: [dropped]'))
  if (value === null || typeof value !== 'object') return value
  if (depth > 6) return '[…]'
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1))
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !DROPPED_KEYS.has(key))
      .map(([key, item]) => [key, scrub(item, depth + 1)]),
  )
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    serializers: {
      err: (error: Error) => scrub(stdSerializers.err(error)) as ReturnType<typeof stdSerializers.err>,
    },
    hooks: {
      // Messages too: "Failed query: … params: a@b.org" is written as the message itself.
      logMethod(args, method) {
        const safe = args.map((arg) => {
          if (typeof arg === 'string') return scrub(arg)
          // pino would take the message of a bare error as the line's msg, unscrubbed
          if (arg instanceof Error) return { err: arg, msg: scrub(arg.message) }
          if (arg && typeof arg === 'object' && !(arg instanceof Error)) {
            const { msg, err } = arg as { msg?: unknown; err?: unknown }
            // Without a msg pino takes the error's message as the line's msg, unscrubbed.
            if (msg !== undefined) return { ...arg, msg: scrub(msg) }
            if (err instanceof Error) return { ...arg, msg: scrub(err.message) }
          }
          return arg
        })
        method.apply(this, safe as Parameters<typeof method>)
      },
    },
  }
}
