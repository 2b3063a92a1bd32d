/**
 * What a password must be, for every way one is set (sign-up, first admin, reset, change, and
 * server code such as the seed): 12 to 256 characters, and not guessable. zxcvbn-ts checks it
 * offline against its list of common and breached passwords (and their l33t, reversed, repeated
 * and keyboard-walk variations), dates, sequences, and the person's own name and address.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common'

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 256
/** zxcvbn's 0–4 scale; 3 is "safely unguessable": about 10^8 guesses or more. */
const MIN_SCORE = 3

let estimator: ZxcvbnFactory | undefined
const strength = () => (estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }))

/** Why the password is refused, or undefined when it is acceptable. `personal`: the account's name and email. */
export function passwordProblem(password: string, personal: (string | undefined | null)[] = []): string | undefined {
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) return `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`
  if (length > PASSWORD_MAX_LENGTH) return `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`
  const inputs = personal.flatMap((value) => (value ? [value, ...value.split(/[@.\s_+-]+/).filter((part) => part.length >= 3)] : []))
  const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
  // The name or the address's local part inside the password: the first thing an attacker tries.
  const own = personal.map((value) => letters(value?.split('@')[0] ?? '')).filter((value) => value.length >= 4)
  const guessable = own.some((value) => letters(password).includes(value)) || strength().check(password, inputs).score < MIN_SCORE
  if (!guessable) return undefined
  return 'The password is too easy to guess: it is common, appears in lists of breached passwords, follows a simple pattern or contains your name or address. Use a longer phrase of unrelated words.'
}
