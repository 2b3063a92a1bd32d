import { addDataAndFileToRequest, createOperation, headersWithCors, ValidationError, type Endpoint, type PayloadRequest } from 'payload'
import { isEditor } from '../../../access/roles'
import { deliverAfterCommit, queueEmail } from '../../../src/email/outbox'
import { spendPasswordHashWork } from '../password/verify'

/** What every sign-up by a non-editor answers, whether the address was new or already had an account. */
export const SIGN_UP_MESSAGE =
  'Thank you for signing up. An editor reviews every new account; we will email you once yours is active.'

/**
 * `POST /api/contributors`, in place of Payload's create (custom endpoints are matched first).
 * Editors and admins, who may read every account, get Payload's answer. Anyone else gets the
 * same 201 and body whether the address is new or already has an account, after the same
 * validation and the same password hashing, and the owner of a taken address is told by email
 * instead: nobody learns through sign-up who has an account.
 */
export const signUpEndpoint: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const collection = req.payload.collections.contributors
    const data = (req.data ?? {}) as Record<string, unknown>
    const headers = headersWithCors({ headers: new Headers(), req })
    if (isEditor(req.user)) {
      const depth = Number(new URL(req.url ?? '', 'http://x').searchParams.get('depth') ?? NaN)
      const doc = await createOperation({ collection, data, req, depth: Number.isInteger(depth) ? depth : undefined })
      const message = req.t('general:successfullyCreated', { label: 'Contributor' })
      return Response.json({ doc, message }, { status: 201, headers })
    }
    try {
      await createOperation({ collection, data, req, depth: 0 })
    } catch (error) {
      if (!isTakenAddress(error, req)) throw error
      await tellOwner(req, data)
    }
    const doc = { name: data.name, role: 'contributor', status: 'pending' }
    return Response.json({ doc, message: SIGN_UP_MESSAGE }, { status: 201, headers })
  },
}

/** Payload's "already registered" check, or the unique index when two sign-ups race. Nothing else wrong. */
function isTakenAddress(error: unknown, req: PayloadRequest): boolean {
  if (!(error instanceof ValidationError)) return false
  const errors = (error.data as { errors?: { path?: string; message?: string }[] } | undefined)?.errors ?? []
  const taken = [req.t('error:userEmailAlreadyRegistered'), req.t('error:valueMustBeUnique')]
  return errors.length === 1 && errors[0]!.path === 'email' && taken.includes(errors[0]!.message ?? '')
}

async function tellOwner(req: PayloadRequest, data: Record<string, unknown>): Promise<void> {
  await spendPasswordHashWork(data.password)
  const email = String(data.email).toLowerCase().trim()
  const { docs } = await req.payload.find({ collection: 'contributors', where: { email: { equals: email } }, limit: 1, depth: 0, overrideAccess: true, req })
  if (!docs[0]) return
  deliverAfterCommit(req, [await queueEmail(req, { template: 'signup-existing', contributor: String(docs[0].id) })])
}
