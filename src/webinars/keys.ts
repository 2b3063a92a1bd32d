import crypto from 'node:crypto'

type Id = string | number

/** One registration per address per webinar: the address is compared lower-cased and trimmed. */
export function registrationKey(webinar: Id, email: string): string {
  const normalized = email.trim().toLowerCase()
  return `${webinar}:${crypto.createHash('sha256').update(normalized).digest('hex')}`
}

/** A registered person holds one numbered seat; the database refuses a seat taken twice. */
export const seatKey = (webinar: Id, seat: number): string => `${webinar}:${seat}`

/**
 * Rows without a seat (waitlisted, or an unlimited webinar) get a key of their own rather than
 * none: MongoDB's sparse unique index still indexes an explicit null, and two nulls would collide.
 */
export const unseatedKey = (): string => `unseated:${crypto.randomUUID()}`

export const seatNumber = (key: string | null | undefined): number | undefined => {
  const n = Number(key?.split(':').pop())
  return Number.isInteger(n) && n > 0 ? n : undefined
}

/** Which unique field a create collided on, from Payload's ValidationError (SQLite, Postgres and MongoDB alike). */
export function uniqueViolation(error: unknown): 'registrationKey' | 'seatKey' | undefined {
  const errors = (error as { data?: { errors?: { path?: string }[] } })?.data?.errors
  if (!Array.isArray(errors)) return undefined
  for (const { path } of errors) {
    const field = String(path ?? '').replace(/_/g, '').toLowerCase()
    if (field.startsWith('registrationkey')) return 'registrationKey'
    if (field.startsWith('seatkey')) return 'seatKey'
  }
  return undefined
}
