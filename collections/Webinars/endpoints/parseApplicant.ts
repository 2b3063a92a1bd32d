import { oneLineProblem, personNameProblem } from '../../../fields/plainText'
import { INTERESTS, MESSAGE_MAX, REGISTRANT_ROLES } from '../../WebinarRegistrations/options'

export type FieldError = { path: string; message: string }
export type ParsedApplicant = {
  name: string
  email: string
  consent: true
  organization?: string
  jurisdiction?: string | number
  role?: string
  interest: string
  message?: string
}

const ALLOWED = new Set(['name', 'email', 'consent', 'organization', 'jurisdiction', 'role', 'interest', 'message', 'website'])
// One plain address: a single @, a dot in the domain, and none of the characters a mailer would
// read as a list, a display name or a comment (so "a,b@x.org" cannot reach a second inbox).
const ATOM = '[^\\s@,;:<>()"\'\\[\\]\\\\]+'
const EMAIL = new RegExp(`^${ATOM}@${ATOM}\\.${ATOM}$`)

const optionalText = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined)

/**
 * Checks a registration body. Returns every bad field at once, so a form can mark them all;
 * fields we do not collect are refused rather than silently dropped.
 */
export function parseApplicant(body: unknown): { applicant?: ParsedApplicant; errors: FieldError[] } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return { errors: [{ path: 'body', message: 'Send a JSON object.' }] }
  }
  const input = body as Record<string, unknown>
  const errors: FieldError[] = []
  for (const key of Object.keys(input)) {
    if (!ALLOWED.has(key)) errors.push({ path: key, message: `"${key}" is not a registration field.` })
  }
  const name = optionalText(input.name)
  if (!name) errors.push({ path: 'name', message: 'Your name is required.' })
  else if (name.length > 200) errors.push({ path: 'name', message: 'The name must be at most 200 characters.' })
  else if (personNameProblem(name)) errors.push({ path: 'name', message: personNameProblem(name)! })

  const email = optionalText(input.email)
  if (!email || email.length > 254 || !EMAIL.test(email)) errors.push({ path: 'email', message: 'A valid email address is required.' })

  if (input.consent !== true) errors.push({ path: 'consent', message: 'Consent must be true to register.' })

  const organization = optionalText(input.organization)
  if (input.organization !== undefined && input.organization !== null && typeof input.organization !== 'string') {
    errors.push({ path: 'organization', message: 'The organization must be text.' })
  } else if (organization && organization.length > 200) {
    errors.push({ path: 'organization', message: 'The organization must be at most 200 characters.' })
  } else if (organization && oneLineProblem(organization, 'The organization')) {
    errors.push({ path: 'organization', message: oneLineProblem(organization, 'The organization')! })
  }

  const jurisdiction = input.jurisdiction
  if (jurisdiction !== undefined && jurisdiction !== null && jurisdiction !== '' && typeof jurisdiction !== 'string' && typeof jurisdiction !== 'number') {
    errors.push({ path: 'jurisdiction', message: 'The jurisdiction must be a jurisdiction code such as US-NY, or its id.' })
  }

  const role = input.role
  if (role !== undefined && role !== null && role !== '' && !REGISTRANT_ROLES.includes(role as never)) {
    errors.push({ path: 'role', message: `The role must be one of: ${REGISTRANT_ROLES.join(', ')}.` })
  }
  if (!INTERESTS.includes(input.interest as never)) {
    errors.push({ path: 'interest', message: `The interest must be one of: ${INTERESTS.join(', ')}.` })
  }
  const message = input.message
  if (message !== undefined && message !== null && typeof message !== 'string') {
    errors.push({ path: 'message', message: 'The message must be text.' })
  } else if (typeof message === 'string' && message.length > MESSAGE_MAX) {
    errors.push({ path: 'message', message: `The message must be at most ${MESSAGE_MAX} characters.` })
  }
  if (input.website !== undefined && typeof input.website !== 'string') {
    errors.push({ path: 'website', message: 'Leave this field empty.' })
  }
  if (errors.length) return { errors }
  return {
    errors,
    applicant: {
      name: name!,
      email: email!,
      consent: true,
      organization,
      jurisdiction: jurisdiction === '' || jurisdiction === null ? undefined : (jurisdiction as string | number | undefined),
      role: (role || undefined) as string | undefined,
      interest: input.interest as string,
      message: optionalText(message),
    },
  }
}
