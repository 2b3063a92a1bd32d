import { ValidationError, type CollectionBeforeOperationHook } from 'payload'

/**
 * Payload fetches the file from `url` when a create names `filename` and `url` instead of sending
 * the bytes (pasteURL off closes only the admin panel's endpoint; Payload's own check blocks
 * private addresses, not the public internet). The server never fetches a URL a client names, so
 * a REST write whose body carries a `url` is refused. Payload has already moved the URL out of
 * `args.data` by now; the request body (`req.data`) still shows it. GraphQL can only create files
 * by URL, so documents have no GraphQL mutations (index.ts).
 */
export const refuseUploadByUrl: CollectionBeforeOperationHook = ({ args, operation, req, collection }) => {
  if (operation !== 'create' && operation !== 'update') return args
  // Server code: the Local API, and the S3 storage plugin's write after an upload, which runs inside
  // the REST request and echoes the stored document, `url` included (it fetches nothing).
  if (req.payloadAPI === 'local' || (args as { overrideAccess?: boolean }).overrideAccess === true) return args
  const bodies = [req.data, (args as { data?: unknown }).data] as Array<Record<string, unknown> | undefined>
  if (bodies.some((body) => body && typeof body === 'object' && body.url !== undefined && body.url !== null)) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: 'url', message: 'Files are not fetched from URLs: upload the file itself.' }],
      req,
    })
  }
  return args
}
