/**
 * The S3 path (S3_BUCKET, src/plugins/storage.ts) names and serves files as local disk does
 * (tests/security-upload-names.test.ts): the object key is the random name with the content's
 * extension, its stored type the detected one, and `/api/documents/file/<name>` answers with the
 * record's display name, inline or attachment, and nosniff. Against an in-process S3 stand-in.
 */
import { parse as parseDisposition } from 'content-disposition'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { pdfBytes } from './helpers/content'
import { startFakeS3, type FakeS3 } from './helpers/fakeS3'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

let s3: FakeS3
let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>

beforeAll(async () => {
  s3 = await startFakeS3()
  app = await startTestApp({ S3_BUCKET: 'toolkit-files', S3_ENDPOINT: s3.url, S3_ACCESS_KEY_ID: 'test', S3_SECRET_ACCESS_KEY: 'test-secret' })
  editor = await signIn(app, await createAccount(app, 'editor'))
})
afterAll(async () => {
  await app?.stop()
  await s3?.close()
})

describe('uploads stored in S3', () => {
  it.each([
    ['invoice\u202Efdp.exe', 'invoicefdp.pdf'],
    ['run-me.bat', 'run-me.pdf'],
    ['page.html', 'page.pdf'],
  ])('a PDF uploaded as %j is the object <random>.pdf, typed application/pdf, downloaded inline as %j', async (uploaded, shown) => {
    const res = await editor.post('/api/documents').field('_payload', JSON.stringify({ title: 'In S3' })).attach('file', pdfBytes(), { filename: uploaded, contentType: 'text/html' })
    expect(res.status).toBe(201)
    const { filename, originalFilename } = res.body.doc
    expect(filename).toMatch(/^[0-9a-f]{32}\.pdf$/)
    expect(originalFilename).toBe(shown)

    const object = s3.objects.get(`toolkit-files/${filename}`)
    expect(object?.contentType).toBe('application/pdf')
    expect(object?.body.equals(pdfBytes())).toBe(true)
    for (const key of s3.objects.keys()) expect(key).toMatch(/^toolkit-files\/[0-9a-f]{32}\.pdf$/)

    const file = await editor.get(`/api/documents/file/${filename}`)
    expect(file.status).toBe(200)
    expect(file.headers['content-type']).toBe('application/pdf')
    expect(file.headers['x-content-type-options']).toBe('nosniff')
    const disposition = parseDisposition(String(file.headers['content-disposition']))
    expect(disposition).toEqual({ type: 'inline', parameters: expect.objectContaining({ filename: shown }) })
    expect(String(file.headers['content-disposition'])).not.toMatch(/[\u0000-\u001f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/)
  })

  it('a name no record holds: 404 for an editor, no 500', async () => {
    expect((await editor.get('/api/documents/file/0123456789abcdef0123456789abcdef.pdf')).status).toBe(404)
  })
})
