import type { CollectionConfig, TextFieldSingleValidation } from 'payload'
import { editors } from '../../access/editors'
import { nobodyField, signedIn } from '../../access/signedIn'
import { linkedFromPublishedOrOwnOrEditor, uploaderFieldRead } from './access'
import { languageField } from '../../fields/language'
import { documentHeaders, isImageType, PAYLOAD_MIME_TYPES } from './fileKinds'
import { serveDocumentFile } from './serveFile'
import { checkFileContent } from './hooks/checkFileContent'
import { refuseUploadByUrl } from './hooks/refuseUploadByUrl'
import { reindexAttachingResources } from '../../src/search/sync'

const requireAltForImages: TextFieldSingleValidation = (value, { siblingData }) => {
  if (!isImageType((siblingData as { mimeType?: string }).mimeType)) return true
  return (typeof value === 'string' && value.trim().length > 0) || 'Images need alternative text describing them for people using screen readers.'
}

/**
 * Files attached to resources: PDFs, Word documents and images, checked by content. Stored on
 * local disk (UPLOAD_DIR) or, with S3_BUCKET set, in S3-compatible storage (src/plugins/storage.ts).
 */
export const Documents: CollectionConfig = {
  slug: 'documents',
  labels: { singular: 'Document', plural: 'Documents' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'originalFilename', 'mimeType', 'language', 'filesize'] },
  // A file is public only while a published resource links it (./access.ts): files of drafts stay private.
  // Any active account uploads (campaign leaders attach files to their submissions); editors change and delete.
  access: { read: linkedFromPublishedOrOwnOrEditor, create: signedIn, update: editors, delete: editors },
  // Files arrive as multipart uploads over REST; GraphQL could only create them by URL.
  graphQL: { disableMutations: true },
  // A copy would be stored as `<name>-1.pdf`, `-2`…: a numbering that counts other people's private copies.
  disableDuplicate: true,
  upload: {
    mimeTypes: PAYLOAD_MIME_TYPES,
    // No server-side fetch of a URL a client names (it could point inside our network).
    pasteURL: false,
    // Files are served as uploaded: no resizing, so no image processing of untrusted input beyond its size.
    // Stored under a random name with their content's extension (hooks/checkFileContent), served
    // with headers from their record (serveFile.ts), on local disk as in S3.
    handlers: [serveDocumentFile],
    modifyResponseHeaders: ({ headers }) => documentHeaders(headers),
  },
  hooks: {
    beforeOperation: [refuseUploadByUrl, checkFileContent],
    // Who uploaded the file: set by the server, never by the request.
    beforeChange: [({ data, operation, req }) => (operation === 'create' && req.user ? { ...data, uploadedBy: req.user.id } : data)],
    // A renamed file changes the search text of the resources that attach it.
    afterChange: [reindexAttachingResources],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 300 },
    {
      // Set by the server from the uploaded name (hooks/checkFileContent): the stored `filename` is random.
      name: 'originalFilename',
      type: 'text',
      admin: { readOnly: true, description: 'The name the file was uploaded with, ending in the extension of what it is. Downloads carry this name.' },
    },
    {
      name: 'alt',
      type: 'text',
      maxLength: 500,
      validate: requireAltForImages,
      admin: { description: 'Required for images: what the image shows, for people using screen readers.' },
    },
    languageField({ admin: { description: 'The language of the file.' } }),
    {
      name: 'uploadedBy',
      type: 'relationship',
      relationTo: 'contributors',
      index: true,
      access: { read: uploaderFieldRead, create: nobodyField, update: nobodyField },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
