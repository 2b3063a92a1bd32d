/**
 * The human page of a published item on the public site, for links in emails. The one place
 * this URL is built: PUBLIC_SITE_URL (another branch) should replace SERVER_URL here.
 */
export function publicItemUrl(serverUrl: string, resource: { id: string | number; slug?: string | null }): string {
  return `${serverUrl}/api/resources/${encodeURIComponent(String(resource.id))}`
}
