/** A real SMTP server on loopback, for tests of what happens while the mail server is down. */
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { freePort } from './instances'

export type ReceivedMail = { to: string[]; subject: string; text: string; attachments: { filename?: string; content: string }[] }

export type LocalSmtp = {
  /** The port it listens on once started; reserved (and closed) until then, so sends fail. */
  port: number
  received: ReceivedMail[]
  start: () => Promise<void>
  stop: () => Promise<void>
}

export async function localSmtp(): Promise<LocalSmtp> {
  const port = await freePort()
  const received: ReceivedMail[] = []
  let server: SMTPServer | undefined
  return {
    port,
    received,
    start() {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, session, callback) {
          simpleParser(stream).then((mail) => {
            received.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              attachments: mail.attachments.map((a) => ({ filename: a.filename, content: a.content.toString('utf8') })),
            })
            callback()
          }, callback)
        },
      })
      return new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve))
    },
    stop: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  }
}

