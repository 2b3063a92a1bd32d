import { withTransientRetry } from '../db/transientRetry'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'
import { queueEmail, deliverNow } from '../email/outbox'
import { inBackground } from '../jobs/background'
import { CATEGORY_VALUES, FREQUENCIES, type Frequency, type Language, LANGUAGES, MAX_JURISDICTIONS } from './options'
import { subscriptionKey } from './tokens'

type Id = string | number
export type Choices = { jurisdictions: Id[]; categories: string[]; frequency: Frequency; language: Language }
export type FieldError = { path: string; message: string }

/** Payload's own check for email fields (payload/dist/fields/validations.js): what passes here, the create accepts. */
const EMAIL = /^(?!.*\.\.)[\w!#$%&'*+/=?^`{|}~-](?:[\w!#$%&'*+/=?^`{|}~.-]*[\w!#$%&'*+/=?^`{|}~-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i
const CHOICES = ['jurisdictions', 'categories', 'frequency', 'language']

/** Fields a body may hold besides the choices (`email` to subscribe, `token` to manage): any other is named. */
export function unknownFields(body: Record<string, unknown>, extra: string[]): FieldError[] {
  return Object.keys(body)
    .filter((key) => !CHOICES.includes(key) && !extra.includes(key))
    .slice(0, 10)
    .map((key) => ({ path: key.slice(0, 60), message: 'Not a field of a subscription.' }))
}

/** The choices part of a body (subscribe and manage): codes resolved to jurisdictions, each bad field named. */
export async function parseChoices(payload: Payload, body: Record<string, unknown>): Promise<{ choices?: Choices; errors: FieldError[] }> {
  const errors: FieldError[] = []
  const { jurisdictions = [], categories = [], frequency, language = 'en' } = body
  if (!FREQUENCIES.includes(frequency as Frequency)) errors.push({ path: 'frequency', message: `One of: ${FREQUENCIES.join(', ')}.` })
  if (!LANGUAGES.includes(language as Language)) errors.push({ path: 'language', message: `One of: ${LANGUAGES.join(', ')}.` })
  if (!Array.isArray(categories) || categories.length > CATEGORY_VALUES.length || !categories.every((c) => CATEGORY_VALUES.includes(c as string))) {
    errors.push({ path: 'categories', message: `A list of categories: ${CATEGORY_VALUES.join(', ')}.` })
  }
  let ids: Id[] = []
  if (!Array.isArray(jurisdictions) || jurisdictions.length > MAX_JURISDICTIONS || !jurisdictions.every((j) => typeof j === 'string' && j.length <= 60)) {
    errors.push({ path: 'jurisdictions', message: `A list of up to ${MAX_JURISDICTIONS} jurisdiction codes, e.g. ["US-NY"].` })
  } else if (jurisdictions.length) {
    const codes = [...new Set((jurisdictions as string[]).map((c) => c.trim().toUpperCase()))]
    const { docs } = await payload.find({ collection: 'jurisdictions', where: { code: { in: codes } }, pagination: false, depth: 0, overrideAccess: true, select: { code: true } })
    const found = new Set(docs.map((d) => (d as { code: string }).code))
    const unknown = codes.filter((c) => !found.has(c))
    if (unknown.length) errors.push({ path: 'jurisdictions', message: `No jurisdiction has the code ${unknown.slice(0, 5).join(', ')}.` })
    ids = docs.map((d) => d.id)
  }
  if (errors.length) return { errors }
  return { errors, choices: { jurisdictions: ids, categories: [...new Set(categories as string[])], frequency: frequency as Frequency, language: language as Language } }
}

export function parseEmail(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const email = value.trim()
  return email.length <= 254 && EMAIL.test(email) ? email : undefined
}

/** Runs a write and queues its email in one transaction; the email is then sent in the background (the answer never waits on it). */
async function withEmail(payload: Payload, write: (req: PayloadRequest) => Promise<Id>): Promise<void> {
  // The whole transaction again on a write conflict (MongoDB: a racing sign-up for the address).
  const job = await withTransientRetry(async () => {
    const req = (await createLocalReq({ context: { skipAudit: true } }, payload)) as PayloadRequest
    const owner = await initTransaction(req)
    try {
      const subscription = await write(req)
      const job = await queueEmail(req, { template: 'subscription', subscription: String(subscription) })
      if (owner) await commitTransaction(req)
      return job
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  })
  inBackground(deliverNow(payload, [job]))
}

/**
 * A new address gets an unconfirmed subscription and a confirmation link. An address already
 * subscribed gets an email instead (the confirmation again while unconfirmed, otherwise a note
 * with the links to change or end it); its choices do not change: only the owner of the
 * address can, through those links. The caller answers the same either way.
 */
export async function subscribe(payload: Payload, email: string, choices: Choices): Promise<void> {
  try {
    await withEmail(payload, async (req) => {
      const doc = await payload.create({ collection: 'subscriptions', data: { email, ...choices } as never, overrideAccess: true, depth: 0, req, context: { skipAudit: true } })
      return doc.id
    })
  } catch (error) {
    const violated = (error as { data?: { errors?: { path?: string }[] } }).data?.errors?.some((e) => /subscription_?key/i.test(String(e.path)))
    if (!violated) throw error
    const { docs } = await payload.find({ collection: 'subscriptions', where: { subscriptionKey: { equals: subscriptionKey(email) } }, limit: 1, depth: 0, overrideAccess: true, context: { skipAudit: true } })
    if (docs[0]) await withEmail(payload, async () => docs[0]!.id)
  }
}
