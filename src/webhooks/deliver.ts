import http from 'node:http'
import https from 'node:https'
import type { TaskConfig } from 'payload'
import { guardedLookup, literalPrivateHost } from './addresses'
import { eventName, webhookSettings, type WebhookEvent } from './events'
import { SIGNATURE_HEADER, sign } from './signature'

const TIMEOUT_MS = 10_000

type Input = { webhook: string; event: WebhookEvent; resource: { id: string | number; slug: string | null }; delivery: string; occurredAt: string }

/**
 * POSTs one signed event to one webhook. A non-2xx answer, a timeout or a refused address throws,
 * and the queue retries: 6 attempts, 30 s, 1, 2, 4, 8 min apart. Redirects are not followed (a
 * redirect could lead anywhere, including a private address). The body carries ids only: the
 * receiver fetches the published resource from the API.
 */
export const deliverWebhookTask: TaskConfig<{ input: Input; output: { status: number; skipped: string } }> = {
  slug: 'deliverWebhook',
  label: 'Deliver a webhook',
  retries: { attempts: 6, backoff: { type: 'exponential', delay: 30_000 } },
  inputSchema: [
    { name: 'webhook', type: 'text', required: true },
    { name: 'event', type: 'text', required: true },
    { name: 'resource', type: 'json', required: true },
    { name: 'delivery', type: 'text', required: true },
    { name: 'occurredAt', type: 'text', required: true },
  ],
  outputSchema: [
    { name: 'status', type: 'number' },
    { name: 'skipped', type: 'text' },
  ],
  handler: async ({ input, req }) => {
    const { payload } = req
    const hook = (await payload.findByID({ collection: 'webhooks', id: input.webhook, depth: 0, overrideAccess: true, disableErrors: true, req })) as
      | { id: string | number; url: string; secret?: string; active?: boolean }
      | null
    if (!hook || !hook.active || !hook.secret) return { output: { status: 0, skipped: 'webhook deleted or inactive' } }

    const api = `${payload.config.serverURL}${payload.config.routes.api}`
    const body = JSON.stringify({
      id: input.delivery,
      event: eventName(input.event),
      occurredAt: input.occurredAt,
      resource: { ...input.resource, url: `${api}/resources/${input.resource.id}` },
    })
    const { allowPrivateUrls } = webhookSettings(payload.config.custom)
    let status = 0
    let error: string | undefined
    try {
      status = await post(hook.url, body, {
        'Content-Type': 'application/json',
        'User-Agent': 'ICE-Out-of-Courts-Toolkit-Webhooks/1',
        'X-Toolkit-Event': eventName(input.event),
        'X-Toolkit-Delivery': input.delivery,
        [SIGNATURE_HEADER]: sign(hook.secret, body),
      }, allowPrivateUrls)
      if (status < 200 || status > 299) error = `the receiver answered ${status}`
    } catch (e) {
      error = e instanceof Error ? e.message : String(e)
    }
    await payload.update({
      collection: 'webhooks',
      id: hook.id,
      data: { lastDelivery: { at: new Date().toISOString(), status: status || null, error: error ?? null } } as never,
      overrideAccess: true,
      depth: 0,
      req,
      context: { webhookDeliveryRecord: true },
    })
    if (error) throw new Error(`Webhook delivery failed: ${error}`)
    return { output: { status, skipped: '' } }
  },
}

function post(target: string, body: string, headers: Record<string, string>, allowPrivate: boolean): Promise<number> {
  const url = new URL(target)
  if (!allowPrivate && literalPrivateHost(url)) return Promise.reject(new Error('the URL points to a private or local address; refused'))
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': Buffer.byteLength(body) },
        timeout: TIMEOUT_MS,
        ...(allowPrivate ? {} : { lookup: guardedLookup }),
      },
      (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      },
    )
    request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)))
    request.on('error', reject)
    request.end(body)
  })
}
