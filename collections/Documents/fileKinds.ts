import crypto from 'node:crypto'
import { create as contentDisposition } from 'content-disposition'

/**
 * What a file is, from its bytes alone (never its name or the type the client declares).
 * PDFs, Word documents (.docx, and .doc: an OLE compound file holding a "WordDocument" stream)
 * and raster images. Everything else, SVG included (it can carry script), is refused.
 */
export const ACCEPTED_MIME_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
]

/** Payload's own sniffer (file-type) reports a .doc as a generic OLE compound file. */
export const PAYLOAD_MIME_TYPES = [...ACCEPTED_MIME_TYPES, 'application/x-cfb']

const startsWith = (bytes: Buffer, signature: number[], offset = 0) =>
  signature.every((byte, i) => bytes[offset + i] === byte)

export function sniffMimeType(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (bytes.subarray(0, 6).toString('latin1') === 'GIF87a' || bytes.subarray(0, 6).toString('latin1') === 'GIF89a') return 'image/gif'
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && bytes.includes('word/document.xml', 0, 'latin1')) {
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) && bytes.includes(Buffer.from('WordDocument', 'utf16le'))) {
    return 'application/msword'
  }
  return undefined
}

export const isImageType = (mimeType: unknown) => typeof mimeType === 'string' && mimeType.startsWith('image/')

/** The one extension a stored or downloaded file gets: its content's, whatever it was called. */
export const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/msword': 'doc',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
}

/** The name a file is stored and served under: random (it tells nothing, and never collides), with its content's extension. */
export const storedFileName = (mimeType: string) => `${crypto.randomBytes(16).toString('hex')}.${EXTENSIONS[mimeType]}`

/** Control characters, format characters (bidi overrides such as U+202E, zero-width marks), line separators, lone surrogates. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu
/** What file systems and download dialogs will not take in a name. */
const RESERVED = /[\\/:*?"<>|]/g
const MAX_BASE_LENGTH = 150

/**
 * The name people see for a file (the record's `originalFilename`, the download's
 * Content-Disposition): the uploaded name without any folder, invisible or reserved characters,
 * and with the extension of what the file is: `invoice\u202Efdp.exe` holding a PDF → `invoicefdp.pdf`.
 */
export function displayFileName(uploadedName: string | null | undefined, mimeType: string): string {
  const lastSegment = (uploadedName ?? '').split(/[\\/]/).pop() ?? ''
  const cleaned = lastSegment.normalize('NFC').replace(INVISIBLE, '').replace(RESERVED, '_').replace(/\s+/g, ' ').trim()
  const base = [...cleaned.replace(/\.[A-Za-z0-9]{1,10}$/, '')].slice(0, MAX_BASE_LENGTH).join('').replace(/^[\s.]+|[\s.]+$/g, '')
  return `${base || 'document'}.${EXTENSIONS[mimeType] ?? 'bin'}`
}

/** The display name in ASCII, for clients that do not read `filename*` (RFC 6266, appendix D). */
const asciiFallback = (name: string) => name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_')

export type StoredFile = { mimeType?: string | null; filename?: string | null; originalFilename?: string | null }

/** The type a stored file is served as: the one its bytes showed at upload, and only an accepted one. */
export const servedMimeType = (file: StoredFile) =>
  file.mimeType && ACCEPTED_MIME_TYPES.includes(file.mimeType) ? file.mimeType : 'application/octet-stream'

/**
 * Headers for a file download, from its record: PDFs and images show in the browser, anything else
 * (Word) downloads; either way under its display name (RFC 6266, the name RFC 5987/8187-encoded).
 * Content sniffing is off, so a file is only ever treated as the type it was checked to be.
 */
export function fileHeaders(headers: Headers, file: StoredFile): Headers {
  const mimeType = servedMimeType(file)
  const inline = mimeType === 'application/pdf' || isImageType(mimeType)
  const name = displayFileName(file.originalFilename ?? file.filename, mimeType)
  headers.set('Content-Disposition', contentDisposition(name, { type: inline ? 'inline' : 'attachment', fallback: asciiFallback(name) }))
  headers.set('X-Content-Type-Options', 'nosniff')
  return headers
}

/** Payload's last word on every file response (`modifyResponseHeaders`): never without a disposition or with sniffing on. */
export function documentHeaders(headers: Headers): Headers {
  if (!headers.has('Content-Disposition')) headers.set('Content-Disposition', 'attachment')
  headers.set('X-Content-Type-Options', 'nosniff')
  return headers
}
