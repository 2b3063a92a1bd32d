/**
 * Checks a password against an account's stored hash, the way Payload's local strategy does
 * (`payload/dist/auth/strategies/local/authenticate.js`, not exported): PBKDF2-SHA256 with the
 * parameters its hash prefix names. tests/security-passwords.test.ts fails if Payload's format
 * changes under us (a correct current password would then be refused).
 */
import crypto from 'node:crypto'

const pbkdf2 = (password: string, salt: string, iterations: number, keyLength: number) =>
  new Promise<Buffer>((resolve, reject) =>
    crypto.pbkdf2(password, salt, iterations, keyLength, 'sha256', (error, key) => (error ? reject(error) : resolve(key))),
  )
const CURRENT = { prefix: 'pbkdf2-sha256-v1:', iterations: 600_000, keyLength: 32 }
const LEGACY = { iterations: 25_000, keyLength: 512 }

export async function matchesStoredPassword(stored: { hash?: unknown; salt?: unknown }, password: string): Promise<boolean> {
  const { hash, salt } = stored
  if (typeof hash !== 'string' || typeof salt !== 'string') return false
  const current = hash.startsWith(CURRENT.prefix)
  const { iterations, keyLength } = current ? CURRENT : LEGACY
  const expected = Buffer.from(current ? hash.slice(CURRENT.prefix.length) : hash, 'hex')
  const actual = await pbkdf2(password, salt, iterations, keyLength)
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}

const NO_ACCOUNT = { hash: `${CURRENT.prefix}${'0'.repeat(64)}`, salt: '0'.repeat(64) }

/**
 * The hashing a new account's password costs, spent where there is no account to create (a
 * sign-up with an address that has one), so that the time taken does not tell the difference.
 */
export async function spendPasswordHashWork(password: unknown): Promise<void> {
  await matchesStoredPassword(NO_ACCOUNT, typeof password === 'string' ? password : '')
}
