/** What a webhook can subscribe to. Values are part of the public API: never rename one. */
export const WEBHOOK_EVENTS = [
  { value: 'publish', label: 'A resource is published', name: 'resource.published' },
  { value: 'update', label: 'A published resource is updated (a new revision is published)', name: 'resource.updated' },
  { value: 'unpublish', label: 'A resource is unpublished, archived or deleted', name: 'resource.unpublished' },
] as const

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]['value']

export const eventName = (event: WebhookEvent) => WEBHOOK_EVENTS.find((e) => e.value === event)!.name

/** Set in config.custom by src/config.ts from the settings. */
export type WebhookSettings = { allowPrivateUrls: boolean }
export const webhookSettings = (custom: Record<string, unknown> | undefined): WebhookSettings =>
  (custom?.webhooks as WebhookSettings | undefined) ?? { allowPrivateUrls: false }
