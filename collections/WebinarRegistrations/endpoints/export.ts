import type { Endpoint } from 'payload'
import { isEditor } from '../../../access/roles'
import { recordAudit } from '../../../src/webinars/audit'
import { errorResponse, findById, NO_STORE } from '../../../src/webinars/http'
import { csvCell } from '../../../src/utilities/csv'

type Row = {
  name: string
  email: string
  organization?: string | null
  jurisdiction?: { code?: string } | string | number | null
  role?: string | null
  interest: string
  message?: string | null
  status: string
  createdAt: string
}

const COLUMNS = ['name', 'email', 'organization', 'jurisdiction', 'role', 'interest', 'message', 'status', 'registeredAt'] as const

/** `GET /api/webinar-registrations/export?webinar=<id>`: one webinar's registrations as CSV, for editors; audited. */
export const exportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'Sign in as an editor to export registrations.')
    if (!isEditor(req.user)) return errorResponse(403, 'Only editors and admins may export registrations.')
    const webinarId = new URL(req.url ?? '', 'http://x').searchParams.get('webinar')
    if (!webinarId) return errorResponse(400, 'Name the webinar: ?webinar=<id>.')
    const webinar = await findById<{ id: string | number; title: string }>(req, 'webinars', webinarId)
    if (!webinar) return errorResponse(404, 'No webinar has this id.')

    const { docs } = await req.payload.find({
      collection: 'webinar-registrations',
      where: { webinar: { equals: webinar.id } },
      sort: 'createdAt',
      pagination: false,
      depth: 1, // the jurisdiction's code
      overrideAccess: true,
      req,
      context: { skipAudit: true },
    })
    const rows = (docs as unknown as Row[]).map((doc) =>
      [
        doc.name,
        doc.email,
        doc.organization,
        typeof doc.jurisdiction === 'object' ? doc.jurisdiction?.code : doc.jurisdiction,
        doc.role,
        doc.interest,
        doc.message,
        doc.status,
        doc.createdAt,
      ]
        .map(csvCell)
        .join(','),
    )
    await recordAudit(req, { action: 'export', webinar: webinar.id, rows: rows.length })
    const csv = [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n'
    return new Response(csv, {
      status: 200,
      headers: {
        ...NO_STORE,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="webinar-${webinar.id}-registrations.csv"`,
      },
    })
  },
}
