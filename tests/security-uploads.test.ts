/**
 * Upload abuse beyond tests/content-documents.test.ts (HTML, executables, SVG, oversize): XML,
 * polyglots, `../` in file names, and upload by URL — the server must never fetch a URL a client
 * names (loopback, link-local, private addresses, or through a redirect).
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import request from 'supertest'
import { pdfBytes } from './helpers/content'
import { createAccount, signIn, startTestApp, type TestApp } from './helpers/testApp'

let app: TestApp
let editor: Awaited<ReturnType<typeof signIn>>
let target: http.Server
let targetUrl: string
const hits: string[] = []

beforeAll(async () => {
  app = await startTestApp()
  editor = await signIn(app, await createAccount(app, 'editor'))
  // A server on loopback standing for anything inside our network; it records every request.
  target = http.createServer((req, res) => {
    hits.push(req.url ?? '')
    if (req.url?.startsWith('/redirect')) return void res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' }).end()
    res.writeHead(200, { 'Content-Type': 'application/pdf' }).end(pdfBytes())
  })
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve))
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => target?.close(resolve))
  await app?.stop()
})

const uploadDir = () => (app.payload.collections.documents.config.upload as { staticDir: string }).staticDir
const count = async () => (await app.payload.count({ collection: 'documents', overrideAccess: true })).totalDocs
const upload = (bytes: Buffer, filename: string, contentType = 'application/pdf') =>
  editor.post('/api/documents').field('_payload', JSON.stringify({ title: 'Upload' })).attach('file', bytes, { filename, contentType })

describe('file content', () => {
  it('refuses XML, and HTML wearing a PDF name with a PDF inside', async () => {
    const before = await count()
    for (const [bytes, name] of [
      [Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'), 'data.xml'],
      [Buffer.from('<?xml version="1.0"?><x/>'), 'report.pdf'],
      [Buffer.concat([Buffer.from('<html><script>alert(document.cookie)</script>'), pdfBytes()]), 'polyglot.pdf'],
    ] as const) {
      const res = await upload(bytes, name)
      expect({ name, status: res.status }).toEqual({ name, status: 400 })
    }
    expect(await count()).toBe(before)
  })

  // patches/payload+3.90.1.patch: Payload parsed the form's `_payload` field unguarded (a 500).
  it('answers a form whose _payload is not JSON with a 400, storing nothing', async () => {
    const before = await count()
    for (const payloadField of ['{bad', '{"title":', 'undefined']) {
      const res = await editor.post('/api/documents').field('_payload', payloadField).attach('file', pdfBytes(), { filename: 'ok.pdf', contentType: 'application/pdf' })
      expect({ payloadField, status: res.status }).toEqual({ payloadField, status: 400 })
      expect(res.body.errors[0].message).toMatch(/_payload/)
      const patch = await editor.patch(`/api/documents/1`).field('_payload', payloadField)
      expect(patch.status).toBeLessThan(500)
    }
    expect(await count()).toBe(before)
  })

  // patches/payload+3.90.1.patch: a multipart body busboy cannot read (or no boundary) was a 500.
  it('answers a multipart body it cannot read with a 400, for anyone, storing nothing', async () => {
    const before = await count()
    const bodies: [string, string][] = [
      ['multipart/form-data', 'x'],
      ['multipart/form-data; boundary=zz', 'garbage'],
      ['multipart/form-data; boundary=zz', '--zz\r\nContent-Disposition\r\n\r\nx\r\n--zz--\r\n'],
    ]
    for (const [type, body] of bodies) {
      for (const [who, path] of [[editor, '/api/documents'], [request(app.url), '/api/contributors']] as const) {
        const res = await who.post(path).set('Content-Type', type).send(body)
        expect({ path, type, status: res.status }).toEqual({ path, type, status: 400 })
      }
    }
    expect(await count()).toBe(before)
    expect((await request(app.url).get('/healthz')).status).toBe(200)
  })

  it('serves a PDF that carries HTML only as a PDF, never as a page', async () => {
    const polyglot = Buffer.concat([pdfBytes(), Buffer.from('\n<html><script>alert(document.cookie)</script></html>\n')])
    const res = await upload(polyglot, 'polyglot.html')
    // Either refused, or stored as what the bytes are (a PDF) and served with sniffing off.
    if (res.status === 201) {
      expect(res.body.doc.mimeType).toBe('application/pdf')
      const file = await editor.get(new URL(res.body.doc.url, app.url).pathname)
      expect(file.headers['content-type']).toBe('application/pdf')
      expect(file.headers['x-content-type-options']).toBe('nosniff')
    } else {
      expect(res.status).toBe(400)
    }
  })
})

describe('file names', () => {
  it('keeps ../ and absolute paths out of the upload directory', async () => {
    for (const name of ['../../escape.pdf', '..\\..\\escape.pdf', '/etc/cron.d/escape.pdf']) {
      const res = await upload(pdfBytes(), name)
      expect(res.status).toBeLessThan(500)
      if (res.status === 201) {
        expect(res.body.doc.filename).not.toMatch(/[\\/]|\.\./)
        expect(fs.existsSync(path.join(uploadDir(), res.body.doc.filename))).toBe(true)
      }
    }
    expect(fs.existsSync(path.resolve(uploadDir(), '..', 'escape.pdf'))).toBe(false)
    expect(fs.existsSync(path.resolve(uploadDir(), '../..', 'escape.pdf'))).toBe(false)
  })

  it('refuses a file URL that walks out of the directory', async () => {
    for (const name of ['..%2f..%2fpackage.json', '..%2F.payload-secret', '%2e%2e%2fcms.db']) {
      const res = await editor.get(`/api/documents/file/${name}`)
      expect({ name, status: res.status }).toEqual({ name, status: expect.any(Number) })
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      expect(res.text).not.toMatch(/ice-out-of-courts-cms|dependencies/)
    }
  })
})

describe('upload by URL is off', () => {
  const urls = () => [
    `${targetUrl}/file.pdf`,
    `${targetUrl}/redirect`,
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/file.pdf',
    'http://192.168.1.1/file.pdf',
    'http://[::1]/file.pdf',
    'http://localhost/file.pdf',
  ]

  it('the paste-url endpoint fetches nothing', async () => {
    for (const src of urls()) {
      const res = await editor.get(`/api/documents/paste-url?src=${encodeURIComponent(src)}`)
      expect({ src, status: res.status }).toEqual({ src, status: expect.any(Number) })
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
    }
    expect(hits).toEqual([])
  })

  it('a create naming a URL instead of sending a file fetches nothing and stores nothing', async () => {
    const before = await count()
    for (const url of urls()) {
      const res = await editor.post('/api/documents').send({ title: 'By URL', filename: 'by-url.pdf', url })
      expect({ url, status: res.status, body: res.status === 400 ? undefined : res.text }).toEqual({ url, status: 400, body: undefined })
    }
    expect(hits).toEqual([])
    expect(await count()).toBe(before)
  })
})
