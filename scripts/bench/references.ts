/**
 * The database's own speed: for each read case, the same rows (same page, same filter, same
 * fields in the English locale, relationships as ids or, for depth=1, as the related rows) read
 * by ONE hand-written SQL query through the libsql client the app uses, answered as JSON by the
 * same express app. No count query, no access control, no hooks: what no CMS can beat.
 */
import type { Client } from '@libsql/client'

type Query = Record<string, string>

const RELS_AS_IDS = `(SELECT json_group_array(json_object('path', path, 'order', "order", 'jurisdictions', jurisdictions_id, 'organizations', organizations_id, 'topics', topics_id, 'resources', resources_id))
   FROM resources_rels WHERE parent_id = r.id) AS rels`
const RELS_AS_ROWS = `(SELECT json_group_array(json_object('path', rr.path, 'jurisdiction', CASE WHEN j.id IS NULL THEN NULL ELSE json_object('id', j.id, 'name', j.name, 'code', j.code, 'type', j.type, 'protectionStatus', j.protection_status, 'protectionSummary', jl.protection_summary) END,
     'topic', CASE WHEN t.id IS NULL THEN NULL ELSE json_object('id', t.id, 'slug', t.slug, 'name', tl.name) END,
     'organization', CASE WHEN o.id IS NULL THEN NULL ELSE json_object('id', o.id, 'slug', o.slug, 'name', o.name, 'type', o.type, 'website', o.website) END))
   FROM resources_rels rr
   LEFT JOIN jurisdictions j ON j.id = rr.jurisdictions_id LEFT JOIN jurisdictions_locales jl ON jl._parent_id = j.id AND jl._locale = 'en'
   LEFT JOIN topics t ON t.id = rr.topics_id LEFT JOIN topics_locales tl ON tl._parent_id = t.id AND tl._locale = 'en'
   LEFT JOIN organizations o ON o.id = rr.organizations_id
   WHERE rr.parent_id = r.id) AS rels`
const REST = `(SELECT json_group_array(json_object('id', k.id, 'url', k.url, 'label', kl.label)) FROM resources_links k
     LEFT JOIN resources_links_locales kl ON kl._parent_id = k.id AND kl._locale = 'en' WHERE k._parent_id = r.id) AS links,
   (SELECT json_group_array(value) FROM resources_language WHERE parent_id = r.id) AS language`
const SELECT = (rels: string) => `SELECT r.id, r.slug, r.category, r.section, r.issuer_type, r.issued_at, r.effective_at, r.bill_number,
   r.legislative_status, r.published_at, r.updated_at, r.created_at, r._status, l.title, l.summary, l.body, l.issued_by, ${rels}, ${REST}
 FROM resources r LEFT JOIN resources_locales l ON l._parent_id = r.id AND l._locale = 'en'`

function shape(row: Record<string, unknown>) {
  return {
    ...row,
    body: row.body ? JSON.parse(String(row.body)) : null,
    rels: JSON.parse(String(row.rels)),
    links: JSON.parse(String(row.links)),
    language: JSON.parse(String(row.language)),
  }
}

async function page(client: Client, where: string, args: (string | number)[], limit: number) {
  const { rows } = await client.execute({
    sql: `${SELECT(RELS_AS_IDS)} WHERE r._status = 'published' ${where} ORDER BY r.updated_at DESC LIMIT ?`,
    args: [...args, limit],
  })
  return { docs: rows.map((row) => shape(row as Record<string, unknown>)) }
}

export const REFERENCES: Record<string, (client: Client, query: Query) => Promise<unknown>> = {
  /** = GET /api/resources?limit=10&depth=0 */
  list: (client, q) => page(client, '', [], Number(q.limit ?? 10)),
  /** = GET /api/resources?limit=10&depth=0&where[jurisdictions.code][equals]=…&where[category][equals]=… */
  filtered: (client, q) =>
    page(
      client,
      `AND r.category = ? AND EXISTS (SELECT 1 FROM resources_rels rr JOIN jurisdictions j ON j.id = rr.jurisdictions_id
         WHERE rr.parent_id = r.id AND rr.path = 'jurisdictions' AND j.code = ?)`,
      [q.category ?? '', q.code ?? ''],
      Number(q.limit ?? 10),
    ),
  /** = GET /api/resources/:id?depth=1 */
  byId: async (client, q) => {
    const { rows } = await client.execute({ sql: `${SELECT(RELS_AS_ROWS)} WHERE r.id = ? AND r._status = 'published'`, args: [Number(q.id)] })
    return rows[0] ? shape(rows[0] as Record<string, unknown>) : null
  },
}
