import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { sniffMimeType } from '../collections/Documents/fileKinds'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'
import { invalidFields, pdfBytes, pngBytes } from './helpers/content'

// A small limit (about 100 KB) so the oversize case needs no 25 MB body.
let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>

beforeAll(async () => {
  app = await startTestApp({ UPLOAD_LIMIT_MB: '0.1' })
  editor = await signIn(app, await createAccount(app, 'editor'))
})
afterAll(async () => {
  await app?.stop()
})

const uploadDir = () => path.join((app.payload.collections.documents.config.upload as { staticDir: string }).staticDir)
const storedFiles = () => (fs.existsSync(uploadDir()) ? fs.readdirSync(uploadDir()) : [])
const documentCount = async () => (await app.payload.count({ collection: 'documents', overrideAccess: true })).totalDocs

function upload(bytes: Buffer, filename: string, contentType: string, data: object = { title: 'A document' }) {
  return editor.post('/api/documents').field('_payload', JSON.stringify(data)).attach('file', bytes, { filename, contentType })
}

/** An upload that must be refused with `status`, naming `file`, storing neither a row nor a file. */
async function expectRefused(bytes: Buffer, filename: string, contentType: string, status = 400) {
  const [rows, files] = [await documentCount(), storedFiles()]
  const res = await upload(bytes, filename, contentType)
  expect(res.status).toBe(status)
  expect(JSON.stringify(res.body)).toMatch(/file/i)
  expect(await documentCount()).toBe(rows)
  expect(storedFiles()).toEqual(files)
  return res
}

describe('accepted files', () => {
  it('stores a PDF and serves it inline with nosniff', async () => {
    const res = await upload(pdfBytes(), 'court-rule.pdf', 'application/pdf', { title: 'Court rule', language: 'en' })
    expect(res.status).toBe(201)
    expect(res.body.doc).toMatchObject({ mimeType: 'application/pdf', language: 'en' })
    // (the uploader reads it; the public only once a published resource links it: security-documents.test.ts)
    const file = await editor.get(new URL(res.body.doc.url, app.url).pathname)
    expect(file.status).toBe(200)
    expect(file.headers['content-type']).toBe('application/pdf')
    expect(file.headers['content-disposition']).toBe('inline; filename=court-rule.pdf')
    expect(file.headers['x-content-type-options']).toBe('nosniff')
  })

  it('records the type the bytes show, not the one the client declares', async () => {
    const res = await upload(pdfBytes(), 'memo.pdf', 'application/octet-stream')
    expect(res.status).toBe(201)
    expect(res.body.doc.mimeType).toBe('application/pdf')
  })

  it('requires alt text for an image, and stores one that has it', async () => {
    const missing = await upload(pngBytes(), 'graphic.png', 'image/png')
    expect(missing.status).toBe(400)
    expect(invalidFields(missing)).toContain('alt')
    const res = await upload(pngBytes(), 'graphic.png', 'image/png', { title: 'Graphic', alt: 'A raised fist in front of a courthouse' })
    expect(res.status).toBe(201)
    expect(res.body.doc.mimeType).toBe('image/png')
  })
})

describe('refused files', () => {
  it('refuses HTML disguised as a PDF', async () => {
    const res = await expectRefused(Buffer.from('<html><script>alert(1)</script></html>'), 'report.pdf', 'application/pdf')
    expect(invalidFields(res)).toContain('file')
  })

  it('refuses a Windows executable disguised as a PDF', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)])
    exe.writeUInt32LE(64, 0x3c)
    const res = await expectRefused(exe, 'report.pdf', 'application/pdf')
    expect(invalidFields(res)).toContain('file')
  })

  it('refuses a file that only starts like a PDF', async () => {
    await expectRefused(Buffer.from('%PDF-1.4\n<html>not really</html>'), 'report.pdf', 'application/pdf')
  })

  it('refuses SVG (it can carry script), even named .png', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    await expectRefused(svg, 'graphic.png', 'image/png')
    await expectRefused(svg, 'graphic.svg', 'image/svg+xml')
  })

  it('refuses a file over the upload limit with 413, naming the file', async () => {
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(150 * 1024, 0x20), Buffer.from('\nxref\n%%EOF\n')])
    const res = await expectRefused(big, 'big.pdf', 'application/pdf', 413)
    expect(res.body.errors[0].message).toMatch(/^file: .*upload limit/)
  })
})

describe('content sniffing', () => {
  it('tells Word documents from other Office and zip files', () => {
    const zip = (name: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(name)])
    expect(sniffMimeType(zip('word/document.xml'))).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(sniffMimeType(zip('xl/workbook.xml'))).toBeUndefined()
    const cfb = (stream: string) =>
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(stream, 'utf16le')])
    expect(sniffMimeType(cfb('WordDocument'))).toBe('application/msword')
    expect(sniffMimeType(cfb('Workbook'))).toBeUndefined() // an Excel file, or an .msi installer
  })
})
