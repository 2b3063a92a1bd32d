/**
 * Emails about an account's own address (collections/Contributors): a sign-up with an address
 * that already has an account goes to that address's owner, and an address change is confirmed
 * from the new address and announced to the old one. Rendered at send time from the account.
 */
import type { PayloadRequest } from 'payload'
import { addressHash, EMAIL_CHANGE_LINK_HOURS, signEmailChange } from '../../collections/Contributors/emailChange/token'
import { inertLine } from './strangerText'

type Doc = Record<string, unknown>
type Template = 'signup-existing' | 'email-change' | 'email-change-notice'
export type AccountMessage = { to: string; subject: string; text: string }

export async function accountEmail(req: PayloadRequest, template: Template, account: Doc): Promise<AccountMessage | null> {
  const { payload } = req
  const admin = `${payload.config.serverURL || ''}/admin`
  const email = typeof account.email === 'string' ? account.email : undefined
  const pending = typeof account.pendingEmail === 'string' ? account.pendingEmail : undefined
  if (template === 'signup-existing') {
    if (!email) return null
    return {
      to: email,
      subject: 'Someone tried to sign up with your address',
      text: [
        'Someone tried to create an account on the ICE Out of Courts Campaign Toolkit with this email address.',
        'You already have an account, so nothing changed and no second account was made.',
        '',
        `Sign in: ${admin}`,
        `Forgot your password? Reset it: ${admin}/forgot`,
        '',
        'If it was not you, you can ignore this message.',
      ].join('\n'),
    }
  }
  if (!pending || !email) return null
  if (template === 'email-change-notice') {
    return {
      to: email,
      subject: 'Your account’s email address is about to change',
      text: [
        `Someone signed in to your account asked to change its email address to ${inertLine(pending)}.`,
        'The change happens only once it is confirmed from the new address; until then this address stays.',
        '',
        `If that was not you, reset your password now: ${admin}/forgot`,
      ].join('\n'),
    }
  }
  const { totalDocs } = await payload.count({ collection: 'contributors', where: { email: { equals: pending } }, overrideAccess: true, req })
  if (totalDocs > 0) {
    return {
      to: pending,
      subject: 'Someone asked to move an account to your address',
      text: [
        'Someone asked to move their ICE Out of Courts Campaign Toolkit account to this email address.',
        'You already have an account with it, so nothing changed.',
        '',
        'If it was not you, you can ignore this message.',
      ].join('\n'),
    }
  }
  const token = signEmailChange(payload.secret, {
    account: account.id as string | number,
    email: pending,
    replaces: addressHash(payload.secret, email),
    expires: Date.now() + EMAIL_CHANGE_LINK_HOURS * 60 * 60 * 1000,
  })
  return {
    to: pending,
    subject: 'Confirm your new email address',
    text: [
      'Someone asked to use this address for their account on the ICE Out of Courts Campaign Toolkit.',
      `If it was you, confirm it within ${EMAIL_CHANGE_LINK_HOURS} hours; until then the account keeps its old address:`,
      '',
      `${payload.config.serverURL || ''}/api/contributors/confirm-email?token=${encodeURIComponent(token)}`,
      '',
      'If it was not you, ignore this message: nothing changes.',
    ].join('\n'),
  }
}
