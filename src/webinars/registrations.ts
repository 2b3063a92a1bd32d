import type { Payload } from 'payload'
import { registrationKey, seatKey, seatNumber, uniqueViolation } from './keys'
import { type RegistrationForEmail, sendWebinarEmail, type WebinarForEmail } from './emails'

type Id = string | number
export type Webinar = WebinarForEmail & { capacity?: number | null }
export type Applicant = {
  name: string
  email: string
  organization?: string
  jurisdiction?: Id
  role?: string
  interest: string
  message?: string
  consent: true
}
export type Outcome = 'registered' | 'waitlisted' | 'already-registered'

const COLLECTION = 'webinar-registrations'
const MAX_SEAT_ATTEMPTS = 50
type RegistrationDoc = RegistrationForEmail & { seatKey?: string | null }

/** The lowest seat number not held by a registered person, or undefined when all are taken. */
async function freeSeat(payload: Payload, webinar: Webinar): Promise<number | undefined> {
  const { docs } = await payload.find({
    collection: COLLECTION,
    where: { and: [{ webinar: { equals: webinar.id } }, { status: { equals: 'registered' } }] },
    select: { seatKey: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  // Registered rows without a seat number (e.g. from before a capacity was set) still fill a seat.
  if (docs.length >= (webinar.capacity ?? 0)) return undefined
  const taken = new Set(docs.map((doc) => seatNumber((doc as { seatKey?: string }).seatKey)))
  for (let seat = 1; ; seat++) if (!taken.has(seat)) return seat
}

/**
 * Stores one registration. The database decides both races: the unique registration key makes
 * a second row for the same address impossible, and the unique seat key makes a seat impossible
 * to hand out twice (a lost race for a seat tries the next free one). Sends exactly one email.
 */
export async function register(payload: Payload, webinar: Webinar, applicant: Applicant): Promise<Outcome> {
  for (let attempt = 0; attempt < MAX_SEAT_ATTEMPTS; attempt++) {
    const seat = webinar.capacity ? await freeSeat(payload, webinar) : undefined
    const status = !webinar.capacity || seat ? 'registered' : 'waitlisted'
    try {
      const doc = (await payload.create({
        collection: COLLECTION,
        data: { ...applicant, webinar: webinar.id, status, ...(seat ? { seatKey: seatKey(webinar.id, seat) } : {}) } as never,
        overrideAccess: true,
        depth: 0,
        // One insert: nothing to roll back, and no long write transaction for others to queue behind.
        disableTransaction: true,
        context: { skipAudit: true },
      })) as unknown as RegistrationDoc
      await sendWebinarEmail(payload, status, webinar, doc)
      return status
    } catch (error) {
      const violated = uniqueViolation(error)
      if (violated === 'seatKey') continue
      if (violated !== 'registrationKey') throw error
      await sendAlreadyRegistered(payload, webinar, applicant.email)
      return 'already-registered'
    }
  }
  throw new Error('No seat could be claimed after repeated conflicts')
}

async function sendAlreadyRegistered(payload: Payload, webinar: Webinar, email: string) {
  const { docs } = await payload.find({
    collection: COLLECTION,
    where: { registrationKey: { equals: registrationKey(webinar.id, email) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    context: { skipAudit: true },
  })
  const existing = docs[0] as unknown as RegistrationDoc | undefined
  // The row that won the race is committed by now; if it vanished (cancelled meanwhile) there is nobody to tell.
  if (existing) await sendWebinarEmail(payload, 'already-registered', webinar, existing)
}

/** Gives free seats to the earliest waitlisted people, each emailed with the join link. */
export async function promoteWaitlisted(payload: Payload, webinar: Webinar): Promise<number> {
  if (!webinar.capacity) return 0
  let promoted = 0
  for (let attempt = 0; attempt < MAX_SEAT_ATTEMPTS; attempt++) {
    const seat = await freeSeat(payload, webinar)
    if (!seat) break
    const { docs } = await payload.find({
      collection: COLLECTION,
      where: { and: [{ webinar: { equals: webinar.id } }, { status: { equals: 'waitlisted' } }] },
      sort: 'createdAt',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      context: { skipAudit: true },
    })
    const next = docs[0] as unknown as RegistrationDoc | undefined
    if (!next) break
    try {
      const doc = (await payload.update({
        collection: COLLECTION,
        id: next.id,
        data: { status: 'registered', seatKey: seatKey(webinar.id, seat) } as never,
        overrideAccess: true,
        depth: 0,
        disableTransaction: true,
        context: { skipAudit: true },
      })) as unknown as RegistrationDoc
      await sendWebinarEmail(payload, 'promoted', webinar, doc)
      promoted++
    } catch (error) {
      if (uniqueViolation(error) !== 'seatKey') throw error
    }
  }
  return promoted
}
