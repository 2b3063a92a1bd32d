import type { TextFieldSingleValidation } from 'payload'
import { text } from 'payload/shared'

/**
 * Names and other one-line fields a stranger fills in (sign-up, webinar registration) end up in
 * emails and the admin panel: one line of plain text, so nobody can write a second paragraph or
 * a link into a message we send from the toolkit's address.
 */

// C0/C1 controls (line breaks, tabs), Unicode line/paragraph separators, and the bidi controls
// that make text read differently from how it is stored.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/u
// A scheme (https://, javascript:), www., an address (x@y) or a domain name (example.org, bit.ly/x).
const URL_LIKE = /[a-z][a-z0-9+.-]*:\/\/|\bwww\.|@|[\p{L}\p{N}-]\.(?:[a-z]{2,}|xn--[a-z0-9-]+)(?![\p{L}\p{N}])|\b(?:javascript|data|vbscript|mailto|tel):/iu

/** Why the text is not one line of plain text, or undefined. */
export function oneLineProblem(value: string, label: string): string | undefined {
  if (CONTROL.test(value)) return `${label} must be one line of plain text, without line breaks or control characters.`
  return undefined
}

/** Why the name is not acceptable (a line break, a control character, a link), or undefined. */
export function personNameProblem(value: string, label = 'The name'): string | undefined {
  return oneLineProblem(value, label) ?? (URL_LIKE.test(value) ? `${label} cannot contain a web or email address.` : undefined)
}

/** Payload `validate` for a person's name (and then Payload's own text checks: required, length). */
export const validatePersonName: TextFieldSingleValidation = (value, options) =>
  (typeof value === 'string' && value !== '' && personNameProblem(value)) || text(value, options)

/** Payload `validate` for other one-line text a stranger supplies (an organization). */
export const validateOneLine: TextFieldSingleValidation = (value, options) =>
  (typeof value === 'string' && value !== '' && oneLineProblem(value, 'This field')) || text(value, options)
