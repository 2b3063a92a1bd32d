import type { PayloadRequest } from 'payload'
import { inertBlock, inertLine } from './strangerText'
import { accountEmail } from './accountEmails'
import { renderAlertEmail, renderSubscriptionEmail } from '../subscriptions/emails'
import { adminResourceUrl, resourcePageUrl } from './links'
import { renderReverificationDigest } from '../verification/emails'

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

const SUBJECTS: Record<string, (title: string) => string> = {
  submit: (t) => `Submitted for review: ${t}`,
  withdraw: (t) => `Withdrawn from review: ${t}`,
  request_changes: (t) => `Changes requested: ${t}`,
  publish: (t) => `Published: ${t}`,
  unpublish: (t) => `Unpublished: ${t}`,
  archive: (t) => `Archived: ${t}`,
}

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
    const [resource, actor] = await Promise.all([
      req.payload.findByID({ collection: 'resources', id: event.resource as string, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req }) as Promise<Doc | null>,
      byId(req, 'contributors', event.by),
    ])
    // Titles, names and notes are other people's words: one line or quoted, never a link (./strangerText.ts).
    const title = inertLine(resource?.title ?? `Resource ${String(event.resource)}`)
    const action = String(event.action)
    const who = inertLine(actor?.name ?? 'An editor')
    const lines = [
      `${who} ${describe(action)} “${title}”.`,
      `Status: ${label(String(event.from))} → ${label(String(event.to))}.`,
    ]
    if (event.note && (action === 'request_changes' || action === 'withdraw' || action === 'submit')) lines.push('', 'Note:', ...inertBlock(event.note))
    const adminPage = adminResourceUrl(req.payload, event.resource)
    if (action === 'publish' && resource) {
      const publicPage = resourcePageUrl(req.payload, { id: event.resource, slug: resource.slug }, { published: true })
      if (publicPage !== adminPage) lines.push('', `Public page: ${publicPage}`)
    }
    lines.push('', `Open it in the admin panel: ${adminPage}`)
    return { to: String(recipient.email), subject: (SUBJECTS[action] ?? ((t: string) => t))(title), text: lines.join('\n') }
  }
  if (input.template === 'assigned') {
    const [resource, recipient, by] = await Promise.all([
      req.payload.findByID({ collection: 'resources', id: input.resource, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req }) as Promise<Doc | null>,
      byId(req, 'contributors', input.recipient),
      byId(req, 'contributors', input.contributor),
    ])
    if (!resource || !recipient?.email) return null
    const title = inertLine(resource.title ?? `Resource ${input.resource}`)
    const lines = [`${inertLine(by?.name ?? 'An editor')} assigned “${title}” to you to review.`, '', `Open it in the admin panel: ${admin}/collections/resources/${input.resource}`]
    return { to: String(recipient.email), subject: `Assigned to you: ${title}`, text: lines.join('\n') }
  }
  const contributor = await byId(req, 'contributors', input.contributor)
  if (!contributor) return null
  if (input.template !== 'signup' && input.template !== 'activated') return accountEmail(req, input.template, contributor)
  if (input.template === 'signup') {
    const recipient = await byId(req, 'contributors', input.recipient)
    if (!recipient?.email) return null
    return {
      to: String(recipient.email),
      subject: 'New contributor sign-up to review',
      text: [
        `${inertLine(contributor.name)} signed up as a contributor and is waiting for activation.`,
        '',
        `Review the account in the admin panel: ${admin}/collections/contributors/${String(contributor.id)}`,
      ].join('\n'),
    }
  }
  if (!contributor.email) return null
  return {
    to: String(contributor.email),
    subject: 'Your contributor account is active',
    text: [
      `Hello ${inertLine(contributor.name)},`,
      '',
      'An editor activated your account on the ICE Out of Courts Campaign Toolkit. You can now sign in,',
      'add your jurisdiction’s resources and submit them for review.',
      '',
      `Sign in: ${admin}`,
    ].join('\n'),
  }
}

const label = (state: string) => state.replace('_', ' ')
function describe(action: string): string {
  return (
    { submit: 'submitted', withdraw: 'withdrew', request_changes: 'requested changes to', publish: 'published', unpublish: 'unpublished', archive: 'archived' }[action] ?? action
  )
}
