import type { PayloadRequest } from 'payload'

type Id = string | number
/** `list`: which personal-data list was read (webinar registrations unless said; also alert subscriptions). */
export type AuditEntry = {
  action: 'list' | 'read' | 'count' | 'export' | 'delete' | 'retention'
  webinar?: Id | null
  rows: number
  list?: 'webinar-registrations' | 'subscriptions'
}

/** Appends one entry to the registration audit log (the only writer: the API cannot). */
export async function recordAudit(req: PayloadRequest, entry: AuditEntry): Promise<void> {
  try {
    await write(req, entry)
  } catch (error) {
    // A filter naming a webinar that does not exist: still record the read, without the webinar.
    if ((error as Error).name !== 'ValidationError' || !entry.webinar) throw error
    await write(req, { ...entry, webinar: undefined })
  }
}

async function write(req: PayloadRequest, entry: AuditEntry) {
  await req.payload.create({
    collection: 'registration-audit',
    data: {
      action: entry.action,
      list: entry.list ?? 'webinar-registrations',
      webinar: entry.webinar ?? undefined,
      rows: entry.rows,
      user: req.user?.collection === 'contributors' ? req.user.id : undefined,
    } as never,
    overrideAccess: true,
    depth: 0,
    req,
  })
}
