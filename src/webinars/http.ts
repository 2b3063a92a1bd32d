import type { PayloadRequest } from 'payload'

/** Personal data and per-person answers must never sit in a shared cache. */
export const NO_STORE = { 'Cache-Control': 'no-store' }

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { ...NO_STORE, ...headers } })

export const errorResponse = (status: number, message: string, fieldErrors?: { path: string; message: string }[]) =>
  json({ errors: [{ message, ...(fieldErrors ? { data: { errors: fieldErrors } } : {}) }] }, status)

export class BodyError extends Error {}

/** The request body as an object: JSON, or a form post (the cancel page's button). */
export async function readBody(req: PayloadRequest): Promise<unknown> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const text = (await req.text?.()) ?? ''
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text))
  if (type !== 'application/json') throw new BodyError('Send the body as application/json.')
  try {
    return text ? JSON.parse(text) : {}
  } catch {
    throw new BodyError('The body is not valid JSON.')
  }
}

type Id = string | number

/** A document by an id from the URL, or undefined when there is none (or the id cannot be one); `locale`: its fields in that locale (else the request's). */
export async function findById<T>(req: PayloadRequest, collection: 'webinars' | 'jurisdictions', id: unknown, locale?: 'en' | 'es'): Promise<T | undefined> {
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id).length > 64) return undefined
  try {
    const { docs } = await req.payload.find({
      collection,
      where: { id: { equals: id as Id } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      ...(locale ? { locale } : {}),
      req,
    })
    return docs[0] as T | undefined
  } catch {
    return undefined // e.g. a non-numeric id on SQLite, a malformed ObjectId on MongoDB
  }
}
