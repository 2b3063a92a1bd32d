/** Small helpers for the content-model tests. */
import type { Response } from 'supertest'

/** The field paths a Payload ValidationError names: `{ errors: [{ data: { errors: [{ path }] } }] }`. */
export function invalidFields(res: Response): string[] {
  const errors = (res.body?.errors ?? []) as { data?: { errors?: { path: string }[] } }[]
  return errors.flatMap((e) => e.data?.errors?.map((f) => f.path) ?? [])
}

/** A minimal well-formed PDF: header, a cross-reference table and the end-of-file marker. */
export function pdfBytes(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n52\n%%EOF\n',
    'latin1',
  )
}

/** A 1×1 PNG. */
export function pngBytes(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  )
}
