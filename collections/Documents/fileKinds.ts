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

/**
 * Browsers show PDFs and images in place; anything else (Word) downloads. Content sniffing is off
 * everywhere, so a file is only ever treated as the type it was checked to be.
 */
export function documentHeaders(headers: Headers): Headers {
  const type = headers.get('content-type') ?? ''
  const inline = type === 'application/pdf' || isImageType(type)
  headers.set('Content-Disposition', inline ? 'inline' : 'attachment')
  headers.set('X-Content-Type-Options', 'nosniff')
  return headers
}
