import type { Payload } from 'payload'

/**
 * Where an email sends a person to read a resource: a human page, never the raw API. The public
 * site's page (PUBLIC_SITE_URL, a template with `{slug}` or `{id}`) for a published item when one
 * is served; otherwise the item's page in the admin panel, which the recipient can sign in to.
 */
export function resourcePageUrl(payload: Payload, resource: { id: unknown; slug?: unknown }, { published }: { published: boolean }): string {
  return (published && publicSitePage(payload, resource)) || adminResourceUrl(payload, resource.id)
}

/** The public site's page of a published resource (PUBLIC_SITE_URL), when one is configured and fits. */
function publicSitePage(payload: Payload, resource: { id: unknown; slug?: unknown }): string | undefined {
  const template = (payload.config.custom?.links as { publicSiteUrl?: string } | undefined)?.publicSiteUrl
  const slug = typeof resource.slug === 'string' && resource.slug ? resource.slug : undefined
  if (!template || (!slug && template.includes('{slug}'))) return undefined
  return template.replace(/\{slug\}/g, encodeURIComponent(slug ?? '')).replace(/\{id\}/g, encodeURIComponent(String(resource.id)))
}

/**
 * For people without an account (alert subscribers): the public site's page, or, until a public
 * site is configured, the published item in the public API.
 */
export function publicResourceUrl(payload: Payload, resource: { id: unknown; slug?: unknown }): string {
  return publicSitePage(payload, resource) ?? `${payload.config.serverURL || ''}/api/resources/${encodeURIComponent(String(resource.id))}`
}

export const adminResourceUrl = (payload: Payload, id: unknown) => `${payload.config.serverURL || ''}/admin/collections/resources/${encodeURIComponent(String(id))}`

/**
 * A page of our own public site (src/site/) in the person's language, when the site is served
 * (SITE is not off); undefined otherwise, so the caller falls back to the API's own page.
 */
export function ownSitePage(payload: Payload, path: string, language?: string | null): string | undefined {
  const served = (payload.config.custom?.links as { site?: boolean } | undefined)?.site
  return served ? `${payload.config.serverURL || ''}${language === 'es' ? '/es' : ''}${path}` : undefined
}
