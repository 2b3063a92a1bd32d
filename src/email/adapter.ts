import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'
import type { Settings } from '../settings'

/** One message the in-memory transport kept instead of sending. */
export type HeldMessage = {
  to: string
  from: string
  subject: string
  text?: string
  html?: string
  attachments: { filename?: string; contentType?: string; content: string }[]
  /** The whole RFC 822 message, as an SMTP server would have received it. */
  raw: string
}

/** Where development and tests read the mail that was not sent. */
export class HeldMail {
  /** The most recent messages only: a long-running development server must not grow without end. */
  static readonly LIMIT = 1000
  readonly messages: HeldMessage[] = []
  keep(message: HeldMessage): void {
    this.messages.push(message)
    if (this.messages.length > HeldMail.LIMIT) this.messages.splice(0, this.messages.length - HeldMail.LIMIT)
  }
  to(address: string): HeldMessage[] {
    return this.messages.filter((m) => m.to.toLowerCase().includes(address.toLowerCase()))
  }
  clear(): void {
    this.messages.length = 0
  }
}

type Logger = { info: (msg: string) => void }

/**
 * A nodemailer transport that keeps messages in memory. Its log line names the subject only:
 * logs must never carry addresses or bodies.
 */
function holdingTransport(held: HeldMail, log: () => Logger | undefined) {
  return nodemailer.createTransport({
    name: 'held-in-memory',
    version: '1',
    send(mail, callback) {
      mail.message.build((err, raw) => {
        if (err) return callback(err, undefined as never)
        const data = mail.data
        held.keep({
          to: addressList(data.to),
          from: addressList(data.from),
          subject: String(data.subject ?? ''),
          text: typeof data.text === 'string' ? data.text : undefined,
          html: typeof data.html === 'string' ? data.html : undefined,
          attachments: (data.attachments ?? []).map((a) => ({
            filename: a.filename || undefined,
            contentType: a.contentType,
            content: Buffer.isBuffer(a.content) ? a.content.toString('utf8') : String(a.content ?? ''),
          })),
          raw: raw.toString('utf8'),
        })
        log()?.info(`Email held in memory (no SMTP_URL): "${String(data.subject ?? '')}"`)
        callback(null, { envelope: mail.message.getEnvelope(), messageId: mail.message.messageId() } as never)
      })
    },
  })
}

function addressList(value: unknown): string {
  const list = Array.isArray(value) ? value : value ? [value] : []
  return list
    .map((v) => (typeof v === 'string' ? v : (v as { address?: string }).address ?? ''))
    .join(', ')
}

/** SMTP when SMTP_URL is set; otherwise the in-memory transport. `onFailure` counts failed sends (metrics). */
export async function emailAdapter(
  settings: Settings,
  held: HeldMail,
  log: () => Logger | undefined,
  onFailure?: () => void,
): Promise<EmailAdapter> {
  const transport = settings.smtpUrl
    ? nodemailer.createTransport(settings.smtpUrl)
    : holdingTransport(held, log)
  const adapter = await nodemailerAdapter({
    defaultFromAddress: settings.emailFrom.address,
    defaultFromName: settings.emailFrom.name,
    transport,
    skipVerify: true,
  })
  if (!onFailure) return adapter
  return (args) => {
    const inner = adapter(args)
    return {
      ...inner,
      sendEmail: async (message) => {
        try {
          return await inner.sendEmail(message)
        } catch (error) {
          onFailure()
          throw error
        }
      },
    }
  }
}

/** The process's held mail (one per process; tests read it). */
export const heldMail = new HeldMail()
