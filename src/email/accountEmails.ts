/**
 * Emails about an account's own address (collections/Contributors): a sign-up with an address
 * that already has an account goes to that address's owner, and an address change is confirmed
 * from the new address and announced to the old one. Rendered at send time from the account, in
 * its owner's language (./recipientLanguage.ts).
 */
import type { PayloadRequest } from 'payload'
import { addressHash, EMAIL_CHANGE_LINK_HOURS, signEmailChange } from '../../collections/Contributors/emailChange/token'
import { emailText } from './emailText'
import { languageOf } from './recipientLanguage'
import { inertLine } from './strangerText'

type Doc = Record<string, unknown>
type Template = 'signup-existing' | 'email-change' | 'email-change-notice'
export type AccountMessage = { to: string; subject: string; text: string }

export async function accountEmail(req: PayloadRequest, template: Template, account: Doc): Promise<AccountMessage | null> {
  const { payload } = req
  const admin = `${payload.config.serverURL || ''}/admin`
  const email = typeof account.email === 'string' ? account.email : undefined
  const pending = typeof account.pendingEmail === 'string' ? account.pendingEmail : undefined
  const text = emailText(languageOf(account))
  if (template === 'signup-existing') {
    if (!email) return null
    return {
      to: email,
      subject: text.existingSubject,
      text: [...text.existing, '', `${text.signIn}: ${admin}`, `${text.forgot}: ${admin}/forgot`, '', text.notYou].join('\n'),
    }
  }
  if (!pending || !email) return null
  if (template === 'email-change-notice') {
    return {
      to: email,
      subject: text.changeNoticeSubject,
      text: [...text.changeNotice(inertLine(pending)), '', `${text.resetNow}: ${admin}/forgot`].join('\n'),
    }
  }
  const { totalDocs } = await payload.count({ collection: 'contributors', where: { email: { equals: pending } }, overrideAccess: true, req })
  if (totalDocs > 0) {
    return { to: pending, subject: text.movedTakenSubject, text: [...text.movedTaken, '', text.notYou].join('\n') }
  }
  const token = signEmailChange(payload.secret, {
    account: account.id as string | number,
    email: pending,
    replaces: addressHash(payload.secret, email),
    expires: Date.now() + EMAIL_CHANGE_LINK_HOURS * 60 * 60 * 1000,
  })
  return {
    to: pending,
    subject: text.confirmSubject,
    text: [
      ...text.confirm(EMAIL_CHANGE_LINK_HOURS),
      '',
      `${payload.config.serverURL || ''}/api/contributors/confirm-email?token=${encodeURIComponent(token)}`,
      '',
      text.confirmNotYou,
    ].join('\n'),
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

type ResetArgs = { req?: PayloadRequest; token?: string; user?: unknown }

/** Payload's forgot-password email (`auth.forgotPassword`), in the account's language rather than the requester's. */
export const passwordResetEmail = {
  generateEmailSubject: (args?: ResetArgs) => emailText(languageOf(args?.user as Doc)).resetSubject,
  generateEmailHTML: (args?: ResetArgs) => {
    const { req, token, user } = args ?? {}
    const text = emailText(languageOf(user as Doc))
    const config = req!.payload.config
    const url = `${config.serverURL || ''}${config.routes.admin}${config.admin.routes.reset}/${encodeURIComponent(token ?? '')}`
    const paragraph = (s: string) => `<p>${escapeHtml(s)}</p>`
    return [...text.reset.map(paragraph), `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`, paragraph(text.resetIgnore)].join('\n')
  },
}
