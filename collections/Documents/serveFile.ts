import fs from 'node:fs/promises'
import { createReadStream } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { headersWithCors, type CollectionSlug, type PayloadRequest, type UploadConfig } from 'payload'
import { getRangeRequestInfo } from 'payload/internal'
import { fileHeaders, servedMimeType, type StoredFile } from './fileKinds'

type FileHandler = NonNullable<UploadConfig['handlers']>[number]
type StoredDocument = StoredFile & { filename: string }

/**
 * `GET /api/documents/file/<name>`, after Payload's read-access check: the file's headers come from
 * its record (type, display name, inline or attachment: fileKinds.fileHeaders), on local disk and
 * in S3 alike. With S3 this handler only sets the headers: the S3 adapter's handler runs next and
 * builds its response from them. On local disk it serves the file itself (Payload's own fallback
 * would drop these headers and take the type from the bytes again), ranges included.
 */
async function serve(req: PayloadRequest, { doc, headers, params }: Parameters<FileHandler>[1]): Promise<Response | undefined> {
  const record = sameFile(doc, params.filename) ? doc : await findByFilename(req, params.collection, params.filename)
  // Only editors get here without a record (for anyone else Payload has answered 403 already).
  if (!record) return Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404, headers: headersWithCors({ headers: new Headers(), req }) })

  const responseHeaders = fileHeaders(headers ?? new Headers(), record)
  const upload = req.payload.collections[params.collection as 'documents'].config.upload
  if (upload.disableLocalStorage) return // stored elsewhere (S3): that adapter's handler answers with these headers

  const dir = path.resolve(upload.staticDir ?? params.collection)
  const filePath = path.resolve(dir, record.filename)
  if (!filePath.startsWith(dir + path.sep)) return Response.json({ errors: [{ message: 'Invalid filename.' }] }, { status: 400 })
  const stats = await fs.stat(filePath).catch(() => null)
  if (!stats) {
    req.payload.logger.error({ msg: 'A document\'s file is missing from the upload directory', collection: params.collection, filename: record.filename })
    return Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404, headers: headersWithCors({ headers: new Headers(), req }) })
  }

  const range = getRangeRequestInfo({ fileSize: stats.size, rangeHeader: req.headers.get('range') })
  for (const [name, value] of Object.entries(range.headers)) responseHeaders.set(name, value)
  if (range.type === 'invalid') return new Response(null, { status: range.status, headers: headersWithCors({ headers: responseHeaders, req }) })
  responseHeaders.set('Content-Type', servedMimeType(record))
  const stream = createReadStream(filePath, range.type === 'partial' ? { start: range.rangeStart, end: range.rangeEnd } : {})
  return new Response(Readable.toWeb(stream) as ReadableStream, { status: range.status, headers: headersWithCors({ headers: responseHeaders, req }) })
}

// Payload's type says Response or void; "not mine, next handler" is undefined either way.
export const serveDocumentFile = serve as FileHandler

const sameFile = (doc: unknown, filename: string): doc is StoredDocument =>
  Boolean(doc && typeof doc === 'object' && (doc as StoredDocument).filename === filename)

async function findByFilename(req: PayloadRequest, collection: string, filename: string): Promise<StoredDocument | null> {
  const found = await req.payload.db.findOne({ collection: collection as CollectionSlug, where: { filename: { equals: filename } }, req })
  return (found as StoredDocument | null) ?? null
}
