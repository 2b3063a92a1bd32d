import type { PayloadRequest } from 'payload'
import { inertBlock, inertLine } from './strangerText'
import { accountEmail } from './accountEmails'
import { renderAlertEmail, renderSubscriptionEmail } from '../subscriptions/emails'
import { adminResourceUrl, resourcePageUrl } from './links'
import { renderReverificationDigest } from '../verification/emails'
import { emailText, isAction } from './emailText'
import { languageOf, type Language } from './recipientLanguage'

/** What the `sendEmail` job carries: ids only, so the queue and its logs hold no personal data. */
export type EmailJobInput =
  | { template: 'workflow'; event: string; recipient: string }
  | { template: 'signup'; contributor: string; recipient: string }
  | { template: 'activated'; contributor: string }
  | { template: 'signup-existing'; contributor: string }
  | { template: 'email-change'; contributor: string }
  | { template: 'email-change-notice'; contributor: string }
  | { template: 'subscription'; subscription: string }
  | { template: 'alert'; subscription: string; from: string; to: string }
  /** The legal reviewer's daily digest of the re-verification queue (src/verification/emails.ts). */
  | { template: 'reverification'; recipient: string; at: string }
  /** An editor (`contributor`) assigned `resource` to `recipient`. */
  | { template: 'assigned'; resource: string; contributor: string; recipient: string }

export type Message = { to: string; subject: string; text: string; headers?: Record<string, string> }

type Doc = Record<string, unknown>
const byId = (req: PayloadRequest, collection: string, id: unknown) =>
  req.payload.findByID({ collection: collection as never, id: id as string, depth: 0, overrideAccess: true, disableErrors: true, req }) as Promise<Doc | null>

/**
 * Renders one message at send time from the database. Each names the resource, the action and
 * who took it (by name), links to the admin panel, and carries no other person's address.
 * Returns null when there is nothing (left) to send, e.g. the recipient was deleted.
 */
export async function renderMessage(req: PayloadRequest, input: EmailJobInput): Promise<Message | null> {
  const server = req.payload.config.serverURL || ''
  const admin = `${server}/admin`
  if (input.template === 'subscription') return renderSubscriptionEmail(req.payload, input.subscription)
  if (input.template === 'alert') return renderAlertEmail(req.payload, input.subscription, input.from, input.to)
  if (input.template === 'reverification') return renderReverificationDigest(req, input.recipient, input.at)
  if (input.template === 'workflow') {
    const [event, recipient] = await Promise.all([byId(req, 'review-events', input.event), byId(req, 'contributors', input.recipient)])
    if (!event || !recipient?.email) return null
    const language = languageOf(recipient)
    const text = emailText(language)
    const [resource, actor] = await Promise.all([resourceIn(req, event.resource, language), event.by == null ? null : byId(req, 'contributors', event.by)])
    // Titles, names and notes are other people's words: one line or quoted, never a link (./strangerText.ts).
    const title = inertLine(resource?.title ?? text.resource(String(event.resource)))
    const action = String(event.action)
    // No account: it was deleted after acting (the event stays, attributed to nobody).
    const who = inertLine(actor ? String(actor.name ?? text.anEditor) : text.aDeletedAccount)
    const lines = [
      `${who} ${isAction(action) ? text.did[action] : action} ${text.quote(title)}.`,
      `${text.status}: ${text.state(String(event.from))} → ${text.state(String(event.to))}.`,
    ]
    if (event.note && (action === 'request_changes' || action === 'withdraw' || action === 'submit')) lines.push('', text.note, ...inertBlock(event.note))
    const adminPage = adminResourceUrl(req.payload, event.resource)
    if (action === 'publish' && resource) {
      const publicPage = resourcePageUrl(req.payload, { id: event.resource, slug: resource.slug }, { published: true })
      if (publicPage !== adminPage) lines.push('', `${text.publicPage}: ${publicPage}`)
    }
    lines.push('', `${text.openInPanel}: ${adminPage}`)
    return { to: String(recipient.email), subject: isAction(action) ? text.subject[action](title) : title, text: lines.join('\n') }
  }
  if (input.template === 'assigned') {
    const [recipient, by] = await Promise.all([byId(req, 'contributors', input.recipient), byId(req, 'contributors', input.contributor)])
    const language = languageOf(recipient)
    const text = emailText(language)
    const resource = await resourceIn(req, input.resource, language)
    if (!resource || !recipient?.email) return null
    const title = inertLine(resource.title ?? text.resource(input.resource))
    const lines = [text.assigned(inertLine(by ? String(by.name ?? text.anEditor) : text.aDeletedAccount), title), '', `${text.openInPanel}: ${admin}/collections/resources/${input.resource}`]
    return { to: String(recipient.email), subject: text.assignedSubject(title), text: lines.join('\n') }
  }
  const contributor = await byId(req, 'contributors', input.contributor)
  if (!contributor) return null
  if (input.template !== 'signup' && input.template !== 'activated') return accountEmail(req, input.template, contributor)
  if (input.template === 'signup') {
    const recipient = await byId(req, 'contributors', input.recipient)
    if (!recipient?.email) return null
    const text = emailText(languageOf(recipient))
    return {
      to: String(recipient.email),
      subject: text.signUpSubject,
      text: [text.signedUp(inertLine(contributor.name)), '', `${text.reviewAccount}: ${admin}/collections/contributors/${String(contributor.id)}`].join('\n'),
    }
  }
  if (!contributor.email) return null
  const text = emailText(languageOf(contributor))
  return {
    to: String(contributor.email),
    subject: text.activatedSubject,
    text: [text.hello(inertLine(contributor.name)), '', ...text.activated, '', `${text.signIn}: ${admin}`].join('\n'),
  }
}

/** The resource's working copy, its localized fields in `language` or, where missing, the other one (src/config.ts). */
const resourceIn = (req: PayloadRequest, id: unknown, language: Language) =>
  req.payload.findByID({ collection: 'resources', id: id as string, draft: true, depth: 0, locale: language, overrideAccess: true, disableErrors: true, req }) as Promise<Doc | null>
