/**
 * Who an import is recorded as (`npm run import -- --as <email>`), and what that account may
 * import: the same rules as the API. Every item goes to review under the importer's name (a
 * `submit` review event per item); `--publish` takes an editor's or admin's account, inside their
 * region for a regional editor, and the pre-publication checklist confirmed on the command line
 * (`--confirm-checklist`), recorded in a `publish` event. A contributor imports only resources
 * of their jurisdictions (access/withinJurisdictions.ts), as on REST.
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { activeRole } from '../../access/roles'
import { outOfScope } from '../../access/withinJurisdictions'
import { CHECKLIST_ITEMS } from '../workflow/machine'

export type ImportOptions = {
  /** The email of the account the import is recorded as (required). */
  as?: string
  /** Publish every item (an editor's or admin's account, with the checklist confirmed). */
  publish?: boolean
  /** The pre-publication checklist, confirmed on the command line. */
  confirmChecklist?: boolean
}

export type Importer = { id: string | number; email: string; role: 'admin' | 'editor' | 'contributor'; req: PayloadRequest }

/** The account an import runs as, or the problems that stop it (nothing is written then). */
export async function resolveImporter(payload: Payload, options: ImportOptions): Promise<Importer | { problems: string[] }> {
  const email = (options.as ?? '').trim().toLowerCase()
  if (!email) return { problems: ['--as <email> is required: the account the import is recorded as (its review events name it).'] }
  const { docs } = await payload.find({ collection: 'contributors', where: { email: { equals: email } }, limit: 1, depth: 0, overrideAccess: true, showHiddenFields: true })
  const account = docs[0] as (Record<string, unknown> & { id: string | number }) | undefined
  if (!account) return { problems: [`--as ${email}: no account has this email.`] }
  const user = { ...account, collection: 'contributors' } as unknown as PayloadRequest['user']
  const role = activeRole(user)
  if (!role) return { problems: [`--as ${email}: the account is ${String(account.status ?? 'not active')}; only an active account may import.`] }
  const problems: string[] = []
  if (options.publish && role === 'contributor') {
    problems.push(`--publish needs an editor's or admin's account: ${email} is a contributor (without --publish the items go to review).`)
  }
  if (options.publish && !options.confirmChecklist) {
    problems.push(`--publish needs --confirm-checklist, confirming for every item: ${Object.values(CHECKLIST_ITEMS).join('; ')}.`)
  }
  if (problems.length) return { problems }
  const req = await createLocalReq({ user: user as never }, payload)
  return { id: account.id, email, role, req }
}

/**
 * Why `importer` may not import an item naming `jurisdictions` with that outcome, or null. A
 * contributor: only within their jurisdictions, always; an editor: anywhere into review, and
 * publishes inside their region only (national editors and admins everywhere).
 */
export async function importOutOfScope(importer: Importer, jurisdictions: unknown[], publishing: boolean): Promise<string | null> {
  if (importer.role === 'contributor' || publishing) return outOfScope(importer.req, importer.req.user, jurisdictions)
  return null
}
