/**
 * Uploaded files are stored and served under names the server makes: random, with the extension
 * of what the bytes are (never `.bat`, `.exe`, `.hta`, `.js`, `.html` or a right-to-left override
 * from the upload's name), so a name tells nothing and never collides with someone's private file
 * (no `memo-1.pdf` revealing that a `memo.pdf` exists). The uploaded name, cleaned, is kept as
 * `originalFilename` and given by the download's Content-Disposition (RFC 6266; RFC 5987 `filename*`).
 * The S3 path: tests/security-upload-names-s3.test.ts.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parse as parseDisposition } from 'content-disposition'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { pdfBytes, pngBytes } from './helpers/content'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>
let leader: Awaited<ReturnType<typeof signIn>>
let other: Awaited<ReturnType<typeof signIn>>

beforeAll(async () => {
  app = await startTestApp()
  editor = await signIn(app, await createAccount(app, 'editor'))
  leader = await signIn(app, await createAccount(app, 'contributor'))
  other = await signIn(app, await createAccount(app, 'contributor'))
})
afterAll(async () => {
  await app?.stop()
})

type Agent = typeof editor
const STORED_NAME = /^[0-9a-f]{32}\.(pdf|docx|doc|jpg|png|gif|webp)$/
const uploadDir = () => (app.payload.collections.documents.config.upload as { staticDir: string }).staticDir
const fileCount = () => (fs.existsSync(uploadDir()) ? fs.readdirSync(uploadDir()).length : 0)

function upload(agent: Agent, bytes: Buffer, filename: string, data: object = { title: 'A file' }, contentType = 'application/pdf') {
  return agent.post('/api/documents').field('_payload', JSON.stringify(data)).attach('file', bytes, { filename, contentType })
}

/** A minimal .docx: a zip whose content types name a Word main document. */
function docxBytes(): Buffer {
  const entry = (name: string, text: string) => {
    const [n, data, header] = [Buffer.from(name), Buffer.from(text), Buffer.alloc(30)]
    header.writeUInt32LE(0x04034b50, 0)
    header.writeUInt16LE(20, 4)
    header.writeUInt32LE(data.length, 18)
    header.writeUInt32LE(data.length, 22)
    header.writeUInt16LE(n.length, 26)
    return Buffer.concat([header, n, data])
  }
  const types = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
  return Buffer.concat([entry('[Content_Types].xml', types), entry('word/document.xml', '<w:document/>')])
}

/** What a browser makes of a download: status, type, inline or attachment, and the name it saves. */
async function download(agent: Agent | ReturnType<typeof request>, doc: { url: string }) {
  const res = await agent.get(new URL(doc.url, app.url).pathname)
  const header = String(res.headers['content-disposition'] ?? '')
  const parsed = header ? parseDisposition(header) : undefined
  return { status: res.status, type: res.headers['content-type'], nosniff: res.headers['x-content-type-options'], disposition: parsed?.type, name: parsed?.parameters.filename, header }
}

// No control or bidirectional-formatting character anywhere in what a browser is given as a name.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]/

describe('stored under a random name with the extension of what the file is', () => {
  it.each([
    ['evil.bat', 'evil.pdf'],
    ['setup.exe', 'setup.pdf'],
    ['app.hta', 'app.pdf'],
    ['script.js', 'script.pdf'],
    ['page.html', 'page.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.pdf'],
    ['\u2066statement\u2069\u200B.pdf\u202E.exe', 'statement.pdf.pdf'],
    ['tab\there.pdf', 'tabhere.pdf'],
    ['..\\..\\escape.PDF', 'escape.pdf'],
    ['no-extension', 'no-extension.pdf'],
    ['Órden firmada: ¿final?.pdf', 'Órden firmada_ ¿final_.pdf'],
  ])('a PDF uploaded as %j is stored as <random>.pdf, shown and downloaded as %j', async (uploaded, shown) => {
    const res = await upload(editor, pdfBytes(), uploaded)
    expect(res.status).toBe(201)
    const doc = res.body.doc
    expect(doc.filename).toMatch(/^[0-9a-f]{32}\.pdf$/)
    expect(doc.originalFilename).toBe(shown)
    expect(doc.mimeType).toBe('application/pdf')
    expect(fs.existsSync(path.join(uploadDir(), doc.filename))).toBe(true)
    expect(new URL(doc.url, app.url).pathname).toBe(`/api/documents/file/${doc.filename}`)

    const file = await download(editor, doc)
    expect(file).toMatchObject({ status: 200, type: 'application/pdf', nosniff: 'nosniff', disposition: 'inline', name: shown })
    expect(file.header).not.toMatch(INVISIBLE)
    // Non-ASCII names: an ASCII `filename` for old clients and the exact one in `filename*` (RFC 5987).
    if (/[^\x20-\x7e]/.test(shown)) expect(file.header).toMatch(/; filename="[\x20-\x7e]+"; filename\*=UTF-8''/)
  })

  it('an image gets its own type\'s extension and shows inline; a Word document downloads as an attachment', async () => {
    const png = await upload(editor, pngBytes(), 'logo.html', { title: 'Logo', alt: 'The campaign logo' }, 'text/html')
    expect(png.status).toBe(201)
    expect(png.body.doc).toMatchObject({ filename: expect.stringMatching(/^[0-9a-f]{32}\.png$/), originalFilename: 'logo.png', mimeType: 'image/png' })
    expect(await download(editor, png.body.doc)).toMatchObject({ status: 200, type: 'image/png', disposition: 'inline', name: 'logo.png' })

    const word = await upload(editor, docxBytes(), 'minutes.exe', { title: 'Minutes' }, 'application/x-msdownload')
    expect(word.status).toBe(201)
    expect(word.body.doc).toMatchObject({ filename: expect.stringMatching(/^[0-9a-f]{32}\.docx$/), originalFilename: 'minutes.docx' })
    expect(await download(editor, word.body.doc)).toMatchObject({
      status: 200,
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      disposition: 'attachment',
      name: 'minutes.docx',
    })
  })

  it('server code naming a file with a lone surrogate gets the same treatment, and the download no 500', async () => {
    const doc = await app.payload.create({
      collection: 'documents',
      data: { title: 'From a script' } as never,
      file: { data: pdfBytes(), mimetype: 'application/pdf', name: 'broken\uD800name.exe', size: pdfBytes().length },
      overrideAccess: true,
    })
    expect(doc).toMatchObject({ filename: expect.stringMatching(/^[0-9a-f]{32}\.pdf$/), originalFilename: 'brokenname.pdf' })
    expect(await download(editor, doc as { url: string })).toMatchObject({ status: 200, name: 'brokenname.pdf' })
  })

  it('serves byte ranges (PDF viewers ask for them) and answers 416 to an impossible one', async () => {
    const doc = (await upload(editor, pdfBytes(), 'ranged.pdf')).body.doc
    const path = new URL(doc.url, app.url).pathname
    const part = await editor.get(path).set('Range', 'bytes=0-4').buffer(true).parse((res, done) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => done(null, Buffer.concat(chunks)))
    })
    expect(part.status).toBe(206)
    expect(part.headers['content-range']).toBe(`bytes 0-4/${pdfBytes().length}`)
    expect((part.body as Buffer).toString('latin1')).toBe('%PDF-')
    expect(part.headers['content-disposition']).toBe('inline; filename=ranged.pdf')
    expect((await editor.get(path).set('Range', 'bytes=9999-')).status).toBe(416)
  })

  it('a file name that no record holds is a 404 for an editor (not a 500), and the same 403 as a private file for anyone else', async () => {
    expect((await editor.get('/api/documents/file/0123456789abcdef0123456789abcdef.pdf')).status).toBe(404)
    const hidden = (await upload(leader, pdfBytes(), 'private.pdf')).body.doc
    const anon = request(app.url)
    expect((await anon.get(`/api/documents/file/${hidden.filename}`)).status).toBe(403)
    expect((await anon.get('/api/documents/file/0123456789abcdef0123456789abcdef.pdf')).status).toBe(403)
  })
})

describe('the server alone names and types a file', () => {
  it('ignores a filename, type, display name or prefix the request names, on create and on update', async () => {
    const rows = fileCount()
    const forged = { title: 'Forged', filename: 'forged.html', mimeType: 'text/html', originalFilename: 'forged.exe', prefix: 'elsewhere', filesize: 1 }
    const res = await upload(editor, pdfBytes(), 'honest.pdf', forged)
    expect(res.status).toBe(201)
    expect(res.body.doc).toMatchObject({ filename: expect.stringMatching(STORED_NAME), originalFilename: 'honest.pdf', mimeType: 'application/pdf', filesize: pdfBytes().length })
    expect(res.body.doc.prefix ?? '').toBe('')
    expect(fileCount()).toBe(rows + 1)
    const id = res.body.doc.id

    for (const patch of [{ mimeType: 'text/html' }, { originalFilename: 'evil.exe' }, { filename: 'renamed.html' }, { filesize: 5 }]) {
      const updated = await editor.patch(`/api/documents/${id}`).send(patch)
      expect({ patch, status: updated.status < 500 }).toEqual({ patch, status: true })
      const stored = await app.payload.findByID({ collection: 'documents', id, overrideAccess: true })
      expect(stored).toMatchObject({ filename: res.body.doc.filename, originalFilename: 'honest.pdf', mimeType: 'application/pdf', filesize: pdfBytes().length })
    }
    expect(await download(editor, res.body.doc)).toMatchObject({ status: 200, type: 'application/pdf', name: 'honest.pdf' })
  })

  it('a new file on update gets a new random name and its own display name', async () => {
    const first = (await upload(editor, pdfBytes(), 'v1.pdf')).body.doc
    const res = await editor.patch(`/api/documents/${first.id}`).field('_payload', JSON.stringify({})).attach('file', pngBytes(), { filename: 'v2.svg', contentType: 'image/svg+xml' })
    // An image needs alt text; the record keeps the old file when the update is refused.
    if (res.status === 400) {
      const withAlt = await editor.patch(`/api/documents/${first.id}`).field('_payload', JSON.stringify({ alt: 'A dot' })).attach('file', pngBytes(), { filename: 'v2.svg', contentType: 'image/svg+xml' })
      expect(withAlt.status).toBe(200)
      expect(withAlt.body.doc).toMatchObject({ filename: expect.stringMatching(/^[0-9a-f]{32}\.png$/), originalFilename: 'v2.png', mimeType: 'image/png' })
      expect(withAlt.body.doc.filename).not.toBe(first.filename)
    } else {
      expect(res.status).toBe(200)
      expect(res.body.doc).toMatchObject({ filename: expect.stringMatching(/^[0-9a-f]{32}\.png$/), originalFilename: 'v2.png' })
    }
  })
})

describe('a name never reveals someone else\'s private file', () => {
  it('uploading a name another person\'s private file has answers exactly as a name nobody has', async () => {
    const secret = await upload(leader, pdfBytes(), 'deportation-defense-plan.pdf')
    expect(secret.status).toBe(201)

    const clash = await upload(other, pdfBytes(), 'deportation-defense-plan.pdf')
    const fresh = await upload(other, pdfBytes(), 'never-used-name.pdf')
    for (const res of [clash, fresh]) {
      expect(res.status).toBe(201)
      expect(res.body.doc.filename).toMatch(STORED_NAME)
    }
    expect(clash.body.doc.originalFilename).toBe('deportation-defense-plan.pdf')
    expect(clash.body.doc.filename).not.toMatch(/deportation|-1\./)
    const shape = (doc: Record<string, unknown>) => Object.keys(doc).sort()
    expect(shape(clash.body.doc)).toEqual(shape(fresh.body.doc))
  })

  it('a file cannot be duplicated (a copy would be numbered against other people\'s copies)', async () => {
    const doc = (await upload(leader, pdfBytes(), 'to-copy.pdf')).body.doc
    const before = (await app.payload.count({ collection: 'documents', overrideAccess: true })).totalDocs
    for (const agent of [leader, editor]) {
      const res = await agent.post(`/api/documents/${doc.id}/duplicate`).send({})
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
    }
    expect((await app.payload.count({ collection: 'documents', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('reads by name (REST, method override, GraphQL) find only what the caller may see', async () => {
    const secret = (await upload(leader, pdfBytes(), 'unique-private-name.pdf')).body.doc
    const where = `where[originalFilename][equals]=unique-private-name.pdf`
    for (const agent of [other, request(app.url)]) {
      expect((await agent.get(`/api/documents?${where}`)).body.totalDocs).toBe(0)
      const overridden = await agent.post('/api/documents').set('X-Payload-HTTP-Method-Override', 'GET').set('Content-Type', 'application/x-www-form-urlencoded').send(where)
      expect(overridden.body.totalDocs).toBe(0)
      const graph = await agent.post('/api/graphql').send({ query: `{ Documents(where: { filename: { equals: "${secret.filename}" } }) { totalDocs } }` })
      expect(graph.body.data?.Documents?.totalDocs ?? 0).toBe(0)
    }
    expect((await leader.get(`/api/documents?${where}`)).body.totalDocs).toBe(1)
  })
})
