/**
 * A stand-in for an S3-compatible server (path-style, as MinIO is used): PUT, HEAD, GET (with a
 * Range) and DELETE of objects, kept in memory. No signatures are checked. Enough for the AWS SDK
 * calls @payloadcms/storage-s3 makes for uploads and downloads.
 */
import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type StoredObject = { body: Buffer; contentType: string; etag: string }

export type FakeS3 = { url: string; objects: Map<string, StoredObject>; close: () => Promise<void> }

export async function startFakeS3(): Promise<FakeS3> {
  const objects = new Map<string, StoredObject>()
  const server = http.createServer(async (req, res) => {
    const key = decodeURIComponent(new URL(req.url ?? '/', 'http://s3').pathname.slice(1)) // "bucket/key"
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    if (req.method === 'PUT') {
      const body = decodeAwsChunked(Buffer.concat(chunks), req.headers['content-encoding'])
      const etag = `"${crypto.createHash('md5').update(body).digest('hex')}"`
      objects.set(key, { body, contentType: String(req.headers['content-type'] ?? 'application/octet-stream'), etag })
      return void res.writeHead(200, { ETag: etag }).end()
    }
    const object = objects.get(key)
    if (req.method === 'DELETE') {
      objects.delete(key)
      return void res.writeHead(204).end()
    }
    if (!object) {
      res.writeHead(404, { 'Content-Type': 'application/xml' })
      return void res.end(req.method === 'HEAD' ? undefined : '<Error><Code>NoSuchKey</Code></Error>')
    }
    const headers = { 'Content-Type': object.contentType, ETag: object.etag, 'Accept-Ranges': 'bytes' }
    if (req.method === 'HEAD') return void res.writeHead(200, { ...headers, 'Content-Length': object.body.length }).end()
    const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '')
    if (range) {
      const [start, end] = [Number(range[1]), Number(range[2])]
      const part = object.body.subarray(start, end + 1)
      return void res.writeHead(206, { ...headers, 'Content-Length': part.length, 'Content-Range': `bytes ${start}-${end}/${object.body.length}` }).end(part)
    }
    res.writeHead(200, { ...headers, 'Content-Length': object.body.length }).end(object.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The SDK may send a body as `aws-chunked` (size;chunk-signature CRLF data CRLF …, then trailers). */
function decodeAwsChunked(raw: Buffer, encoding: string | string[] | undefined): Buffer {
  if (!String(encoding ?? '').includes('aws-chunked')) return raw
  const parts: Buffer[] = []
  let at = 0
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at)
    if (lineEnd < 0) break
    const size = parseInt(raw.subarray(at, lineEnd).toString('latin1').split(';')[0]!, 16)
    if (!size) break
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size))
    at = lineEnd + 2 + size + 2
  }
  return Buffer.concat(parts)
}
