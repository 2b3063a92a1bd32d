import fs from 'node:fs/promises'
import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import { sniffMimeType } from '../fileKinds'

/**
 * Second check after Payload's own (which reads the bytes too, but accepts any OLE file for .doc
 * and keeps the client's declared type for non-images): the stored `mimeType` is the one the
 * bytes show, and a file that is not a PDF, Word document or image is refused whatever its name.
 */
export const checkFileContent: CollectionBeforeValidateHook = async ({ data, req, collection }) => {
  const file = req.file
  if (!file || !data) return data
  const bytes = file.data?.length ? file.data : file.tempFilePath ? await fs.readFile(file.tempFilePath) : Buffer.alloc(0)
  const mimeType = sniffMimeType(bytes)
  if (!mimeType) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: 'file', message: 'Only PDF, Word (.docx, .doc) and image (JPEG, PNG, GIF, WebP) files are accepted; the content of this file is none of them.' }],
      req,
    })
  }
  return { ...data, mimeType }
}
