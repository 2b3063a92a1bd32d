import type { CollectionConfig, TextFieldSingleValidation } from 'payload'
import { editors, editorsField } from '../../access/editors'
import { activeAccounts } from '../Resources/access'
import { holdContributorUploads, publicOrOwnOrEditor } from './access'
import { languageField } from '../../fields/language'
import { documentHeaders, isImageType, PAYLOAD_MIME_TYPES } from './fileKinds'
import { checkFileContent } from './hooks/checkFileContent'
import { reindexAttachingResources } from '../../src/search/sync'

const requireAltForImages: TextFieldSingleValidation = (value, { siblingData }) => {
  if (!isImageType((siblingData as { mimeType?: string }).mimeType)) return true
  return (typeof value === 'string' && value.trim().length > 0) || 'Images need alternative text describing them for people using screen readers.'
}

/**
 * Files attached to resources: PDFs, Word documents and images, checked by content. Stored on
 * local disk (UPLOAD_DIR) or, with S3_BUCKET set, in S3-compatible storage (src/storage.ts).
 */
export const Documents: CollectionConfig = {
  slug: 'documents',
  labels: { singular: 'Document', plural: 'Documents' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'filename', 'mimeType', 'language', 'filesize'] },
  // Contributors attach their files to their submissions; those stay private until published.
  access: { read: publicOrOwnOrEditor, create: activeAccounts, update: editors, delete: editors },
  upload: {
    mimeTypes: PAYLOAD_MIME_TYPES,
    // No server-side fetch of a URL a client names (it could point inside our network).
    pasteURL: false,
    // Files are served as uploaded: no resizing, so no image processing of untrusted input beyond its size.
    modifyResponseHeaders: ({ headers }) => documentHeaders(headers),
  },
  hooks: {
    beforeValidate: [checkFileContent],
    beforeChange: [holdContributorUploads],
    afterChange: [reindexAttachingResources],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 300 },
    {
      name: 'alt',
      type: 'text',
      maxLength: 500,
      validate: requireAltForImages,
      admin: { description: 'Required for images: what the image shows, for people using screen readers.' },
    },
    languageField({ admin: { description: 'The language of the file.' } }),
    {
      name: 'private',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: { update: editorsField },
      admin: { position: 'sidebar', description: 'Uploaded with a submission not yet published: only editors and the uploader can open it.' },
    },
    {
      name: 'uploadedBy',
      type: 'relationship',
      relationTo: 'contributors',
      access: { read: editorsField, update: editorsField },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
