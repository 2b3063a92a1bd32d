import type { TaskConfig } from 'payload'
import { renderMessage, type EmailJobInput } from '../email/messages'

/**
 * One email per job (an outbox): queued in the same transaction as the change that causes it,
 * delivered right after commit, and retried with backoff while the mail server is down.
 * The input holds ids only; the message is rendered when sent.
 */
export const sendEmailTask: TaskConfig<{ input: EmailJobInput; output: { sent: boolean } }> = {
  slug: 'sendEmail',
  label: 'Send an email',
  retries: { attempts: 8, backoff: { type: 'exponential', delay: 30_000 } },
  inputSchema: [
    { name: 'template', type: 'text', required: true },
    { name: 'event', type: 'text' },
    { name: 'contributor', type: 'text' },
    { name: 'recipient', type: 'text' },
    { name: 'subscription', type: 'text' },
    { name: 'from', type: 'text' },
    { name: 'to', type: 'text' },
    { name: 'resource', type: 'text' },
    { name: 'at', type: 'text' },
  ],
  outputSchema: [{ name: 'sent', type: 'checkbox' }],
  handler: async ({ input, req }) => {
    const message = await renderMessage(req, input)
    if (!message) return { output: { sent: false } }
    try {
      await req.payload.sendEmail(message)
    } catch {
      // The transport's error can name the recipient: log and rethrow without it.
      req.payload.logger.warn({ msg: 'Email delivery failed; it will be retried', template: input.template })
      throw new Error(`Email delivery failed (${input.template})`)
    }
    return { output: { sent: true } }
  },
}
