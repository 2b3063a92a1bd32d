import type { Endpoint, PayloadRequest } from 'payload'
import { BodyError, errorResponse, findById, json, readBody } from '../../../src/webinars/http'
import { publishedWebinar } from '../../../src/webinars/publishedWebinars'
import { register } from '../../../src/webinars/registrations'
import { parseApplicant } from './parseApplicant'

/**
 * The same answer for a new address, an address already registered, a waitlisted one and a
 * honeypot hit: the response never tells anyone who else signed up. The email tells the owner.
 */
export const ACCEPTED_BODY = {
  message: 'Thank you. We have sent an email to this address with the details of your registration.',
}

async function resolveJurisdiction(req: PayloadRequest, value: string | number): Promise<string | number | undefined> {
  const { docs } = await req.payload.find({
    collection: 'jurisdictions',
    where: { code: { equals: String(value).toUpperCase() } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
  })
  if (docs[0]) return docs[0].id
  return (await findById<{ id: string | number }>(req, 'jurisdictions', value))?.id
}

/** `POST /api/webinars/:id/register`: the public sign-up (rate limited per address in src/server.ts). */
export const registerEndpoint: Endpoint = {
  path: '/:id/register',
  method: 'post',
  handler: async (req) => {
    const webinar = await publishedWebinar(req, req.routeParams?.id)
    if (!webinar) return errorResponse(404, 'No published webinar has this id.')

    let body: unknown
    try {
      body = await readBody(req)
    } catch (error) {
      if (error instanceof BodyError) return errorResponse(400, error.message)
      throw error
    }
    // The honeypot: a field people never see. Bots that fill it get the usual answer and nothing happens.
    const website = (body as { website?: unknown } | null)?.website
    if (typeof website === 'string' && website.trim() !== '') return json(ACCEPTED_BODY, 202)

    const { applicant, errors } = parseApplicant(body)
    if (!applicant) {
      return errorResponse(400, `The following fields are invalid: ${errors.map((e) => e.path).join(', ')}`, errors)
    }
    if (!webinar.registrationOpen) return errorResponse(409, 'Registration for this webinar is closed.')
    if (new Date(webinar.endsAt).getTime() <= Date.now()) return errorResponse(409, 'This webinar is over.')

    let jurisdiction: string | number | undefined
    if (applicant.jurisdiction !== undefined) {
      jurisdiction = await resolveJurisdiction(req, applicant.jurisdiction)
      if (jurisdiction === undefined) {
        const fieldErrors = [{ path: 'jurisdiction', message: 'No jurisdiction has this code or id.' }]
        return errorResponse(400, 'The following fields are invalid: jurisdiction', fieldErrors)
      }
    }
    await register(req.payload, webinar, { ...applicant, jurisdiction })
    return json(ACCEPTED_BODY, 202)
  },
}
