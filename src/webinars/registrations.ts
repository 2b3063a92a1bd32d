import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'
import { withTransientRetry } from '../db/transientRetry'
import { registrationKey, seatKey, seatNumber, uniqueViolation } from './keys'
import { deliverWebinarEmail, type EmailKind, type RegistrationForEmail, sendWebinarEmail, type WebinarForEmail } from './emails'
import { emailSent, handToRetryQueue, owesEmail } from './outbox'

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
async function freeSeat(payload: Payload, webinar: Webinar, req?: PayloadRequest): Promise<number | undefined> {
  const { docs } = await payload.find({
    req,
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
 * One write and its email: the write (seat check included) marks its row as owing the email, in
 * the same statement (./outbox.ts). After the commit the email is sent at once, outside the
 * transaction (no lock held across the network), and the mark cleared; if sending fails the
 * email goes to the retry queue. A process that dies after the commit leaves the mark for the
 * scheduled sweep: a row is never stored without its email on the way.
 */
async function writeWithEmail(
  payload: Payload,
  webinar: Webinar,
  write: (req: PayloadRequest) => Promise<{ doc: RegistrationDoc; kind: EmailKind }>,
): Promise<RegistrationDoc> {
  // The whole transaction again on a write conflict (MongoDB: a racing registration): the next
  // run sees the winner's row, and the unique keys take it from there (src/db/transientRetry.ts).
  const written = await withTransientRetry(async () => {
    const req = (await createLocalReq({ context: { skipAudit: true } }, payload)) as PayloadRequest
    const owner = await initTransaction(req)
    try {
      const written = await write(req)
      if (owner) await commitTransaction(req)
      return written
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  })
  try {
    await deliverWebinarEmail(payload, written.kind, webinar, written.doc)
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).name
    payload.logger.warn({ msg: 'Webinar email not sent; queued for retry', kind: written.kind, webinar: webinar.id, code })
    await handToRetryQueue(payload, written.kind, written.doc.id).catch(() =>
      payload.logger.error({ msg: 'Webinar email not queued for retry; the outbox sweep queues it', kind: written.kind }),
    )
    return written.doc
  }
  await emailSent(payload, written.doc.id).catch(() =>
    payload.logger.error({ msg: 'Sent webinar email left marked in the outbox; it may be sent again', kind: written.kind }),
  )
  return written.doc
}

/**
 * Stores one registration. The database decides both races: the unique registration key makes
 * a second row for the same address impossible, and the unique seat key makes a seat impossible
 * to hand out twice (a lost race for a seat tries the next free one; on SQLite the seat check
 * and the insert run in one serialized transaction, so none is lost). Sends exactly one email.
 */
export async function register(payload: Payload, webinar: Webinar, applicant: Applicant): Promise<Outcome> {
  for (let attempt = 0; attempt < MAX_SEAT_ATTEMPTS; attempt++) {
    try {
      const doc = await writeWithEmail(payload, webinar, async (req) => {
        const seat = webinar.capacity ? await freeSeat(payload, webinar, req) : undefined
        const status = !webinar.capacity || seat ? 'registered' : 'waitlisted'
        const doc = (await payload.create({
          collection: COLLECTION,
          data: { ...applicant, webinar: webinar.id, status, ...(seat ? { seatKey: seatKey(webinar.id, seat) } : {}), ...owesEmail(status) } as never,
          overrideAccess: true,
          depth: 0,
          req,
          context: { skipAudit: true },
        })) as unknown as RegistrationDoc
        return { doc, kind: status }
      })
      return doc.status as Outcome
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
      await writeWithEmail(payload, webinar, async (req) => {
        const doc = (await payload.update({
          collection: COLLECTION,
          id: next.id,
          // Owed the promotion's email (it replaces an unsent waitlist email: the newer news).
          data: { status: 'registered', seatKey: seatKey(webinar.id, seat), ...owesEmail('promoted') } as never,
          overrideAccess: true,
          depth: 0,
          req,
          context: { skipAudit: true },
        })) as unknown as RegistrationDoc
        return { doc, kind: 'promoted' }
      })
      promoted++
    } catch (error) {
      if (uniqueViolation(error) !== 'seatKey') throw error
    }
  }
  return promoted
}
