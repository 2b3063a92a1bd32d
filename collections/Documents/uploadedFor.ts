import type { PayloadRequest, Where } from 'payload'
import { ownedResourceIds } from '../Resources/ownership'

type Id = string | number
const key = (value: unknown): string | undefined => {
  const id = value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined
}
const keys = (values: unknown[] | null | undefined) => (values ?? []).map(key).filter((k): k is string => k !== undefined)

type VersionRow = { parent?: unknown; version?: { owner?: unknown; documents?: unknown[] | null; graphics?: unknown[] | null } }
const filesOf = (row: VersionRow) => [...keys(row.version?.documents), ...keys(row.version?.graphics)]

/**
 * The files a contributor may read besides the public ones. A file is *uploaded for* a resource
 * when the resource's working copy links it and a version saved while the uploader owned the
 * resource linked it too (versions record the owner and the files of each save). Such a file
 * goes with the resource: its current owner reads it, and its uploader stops reading it once the
 * resource is handed to someone else. A file uploaded for no resource stays its uploader's.
 * Linking someone else's file to a resource one owns grants nothing: no version of one's own
 * saves was the uploader's.
 */
export async function contributorFileIds(req: PayloadRequest, userId: Id): Promise<Id[]> {
  const me = String(userId)
  const owned = await ownedResourceIds(req, userId)
  const uploads = await req.payload.db.find({ collection: 'documents', where: { uploadedBy: { equals: userId } }, select: { id: true }, limit: 0, pagination: false, req })
  const myUploads = uploads.docs.map((doc) => doc.id as Id)

  // The working copies of the resources I own and of every resource linking one of my uploads.
  const linking: Where[] = [{ parent: { in: owned } }]
  if (myUploads.length) linking.push({ 'version.documents': { in: myUploads } }, { 'version.graphics': { in: myUploads } })
  const working = await versions(req, { and: [{ latest: { equals: true } }, { or: linking }] }, { documents: true, graphics: true })
  const resources = new Map<string, { owner?: string; files: string[]; linkedBy: Set<string> }>()
  for (const row of working) {
    const parent = key(row.parent)
    if (parent) resources.set(parent, { owner: key(row.version?.owner), files: filesOf(row), linkedBy: new Set() })
  }
  if (!resources.size) return myUploads
  // Which owner saved which file into each resource, over its whole history.
  for (const row of await versions(req, { parent: { in: [...resources.keys()] } }, { documents: true, graphics: true })) {
    const owner = key(row.version?.owner)
    const resource = resources.get(key(row.parent)!)
    if (owner && resource) for (const file of filesOf(row)) resource.linkedBy.add(`${owner}:${file}`)
  }

  // Who uploaded the files of my resources.
  const linkedFiles = [...new Set([...resources.values()].flatMap((r) => r.files))]
  const uploaders = new Map<string, { id: Id; uploader?: string }>()
  const { docs } = await req.payload.db.find({ collection: 'documents', where: { id: { in: linkedFiles } }, select: { uploadedBy: true }, limit: 0, pagination: false, req })
  for (const doc of docs as Array<{ id: Id; uploadedBy?: unknown }>) uploaders.set(String(doc.id), { id: doc.id, uploader: key(doc.uploadedBy) })

  const readable = new Set<string>()
  const handedOver = new Set<string>()
  for (const resource of resources.values()) {
    for (const file of resource.files) {
      const uploader = uploaders.get(file)?.uploader
      if (!uploader || !resource.linkedBy.has(`${uploader}:${file}`)) continue // not uploaded for this resource
      if (resource.owner === me) readable.add(file)
      else if (uploader === me) handedOver.add(file)
    }
  }
  const ids = new Map(myUploads.map((id) => [String(id), id]))
  for (const file of readable) ids.set(file, uploaders.get(file)!.id)
  for (const file of handedOver) if (!readable.has(file)) ids.delete(file)
  return [...ids.values()]
}

async function versions(req: PayloadRequest, where: Where, fields: Record<string, true>): Promise<VersionRow[]> {
  const { docs } = await req.payload.db.findVersions({
    collection: 'resources',
    where,
    select: { parent: true, version: { owner: true, ...fields } },
    limit: 0,
    pagination: false,
    req,
  })
  return docs as unknown as VersionRow[]
}
