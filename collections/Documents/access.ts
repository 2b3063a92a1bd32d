import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'
import { activeRole, isEditor } from '../../access/roles'
import { sameId } from '../../access/sameId'
import { contributorFileIds } from './uploadedFor'

const idOf = (value: unknown) => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value)

/**
 * The ids of the files the public may see: those a published resource links right now. Asked of
 * the main `resources` rows, which hold what is published (drafts live in the versions table),
 * so a publish, unpublish, archive or edit through the workflow changes the answer with no
 * flag to keep in step.
 */
export async function publiclyLinkedDocumentIds(req: PayloadRequest): Promise<Array<string | number>> {
  const { docs } = await req.payload.find({
    collection: 'resources',
    where: { _status: { equals: 'published' } },
    select: { documents: true, graphics: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    draft: false,
    // No `req`: a GraphQL request's page cap (src/plugins/apiGuards.ts) must not cut this list short.
  })
  const ids = new Set<string | number>()
  for (const doc of docs as Array<{ documents?: unknown[] | null; graphics?: unknown[] | null }>) {
    for (const item of [...(doc.documents ?? []), ...(doc.graphics ?? [])]) {
      const id = idOf(item)
      if (typeof id === 'string' || typeof id === 'number') ids.add(id)
    }
  }
  return [...ids]
}

/**
 * Reading files (records and `/api/documents/file/…`): editors all; anyone else the files a
 * published resource links; an active contributor also their own uploads and the files uploaded
 * for the resources they own now (./uploadedFor.ts: a file goes with its resource when an editor
 * hands it over). A file attached only to a draft, or to an unpublished or archived resource, is
 * nobody else's business.
 */
export const linkedFromPublishedOrOwnOrEditor: Access = async ({ req }) => {
  if (isEditor(req.user)) return true
  const published: Where = { id: { in: await publiclyLinkedDocumentIds(req) } }
  if (activeRole(req.user)) return { or: [published, { id: { in: await contributorFileIds(req, req.user!.id) } }] }
  return published
}

/** `uploadedBy`: editors, and the uploader themself. */
export const uploaderFieldRead: FieldAccess = ({ req, doc }) => isEditor(req.user) || (Boolean(activeRole(req.user)) && sameId(doc?.uploadedBy, req.user?.id))
