import fs from 'node:fs/promises'
import { ValidationError, type CollectionBeforeOperationHook } from 'payload'
import { displayFileName, sniffMimeType, storedFileName } from '../fileKinds'

/**
 * What the server alone decides about a file: Payload computes the rest from the bytes, and a
 * request naming any of these (`_payload`, JSON, GraphQL) is ignored rather than trusted.
 */
const SERVER_OWNED = ['filename', 'originalFilename', 'mimeType', 'filesize', 'width', 'height', 'focalX', 'focalY', 'url', 'thumbnailURL', 'prefix', 'sizes']

/**
 * Runs before Payload reads the upload (beforeOperation), on every create and update:
 * - a file that is not a PDF, Word document or image by its bytes is refused, whatever its name
 *   or declared type (Payload's own check reads the bytes too, but accepts any OLE file for .doc
 *   and keeps the declared type of non-images);
 * - the file is stored under a random name with its content's extension (`3f9c….pdf`): a name
 *   derived from the upload would keep `.exe` or `.html`, and a taken name would be renamed
 *   `name-1.pdf`, telling the uploader that someone's private file of that name exists;
 * - the uploaded name, cleaned (fileKinds.displayFileName), is kept as `originalFilename` for
 *   people to read and for the download's Content-Disposition.
 */
export const checkFileContent: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data: Record<string, unknown> = { ...((args.data as Record<string, unknown> | undefined) ?? {}) }
  for (const key of SERVER_OWNED) delete data[key]

  const file = req.file
  if (file) {
    const bytes = file.data?.length ? file.data : file.tempFilePath ? await fs.readFile(file.tempFilePath) : Buffer.alloc(0)
    const mimeType = sniffMimeType(bytes)
    if (!mimeType) {
      throw new ValidationError({
        collection: collection.slug,
        errors: [{ path: 'file', message: 'Only PDF, Word (.docx, .doc) and image (JPEG, PNG, GIF, WebP) files are accepted; the content of this file is none of them.' }],
        req,
      })
    }
    data.originalFilename = displayFileName(file.name, mimeType)
    file.mimetype = mimeType
    file.name = storedFileName(mimeType)
  }
  return { ...args, data }
}
