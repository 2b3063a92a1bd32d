import { formatDate, formatDateTime, href, stringsFor } from '../labels'
import type { Lang, ResourceBrief, Webinar } from '../reads'

/** A list of resources as links, newest first, with their dates. */
export function ResourceList({ lang, resources }: { lang: Lang; resources: ResourceBrief[] }) {
  const t = stringsFor(lang)
  return (
    <ul className="items">
      {resources.map((r) => (
        <li key={String(r.id)}>
          {r.slug ? <a href={href(lang, `/resources/${encodeURIComponent(r.slug)}`)}>{r.title}</a> : r.title}
          {r.issuedAt ? <span className="meta"> · {formatDate(lang, r.issuedAt)}</span> : null}
          {r.superseded ? <span className="meta"> · {t.resource.superseded}</span> : null}
        </li>
      ))}
    </ul>
  )
}

export function WebinarList({ lang, webinars }: { lang: Lang; webinars: Webinar[] }) {
  return (
    <ul className="items">
      {webinars.map((w) => (
        <li key={String(w.id)}>
          <a href={href(lang, `/webinars/${encodeURIComponent(String(w.id))}`)}>{w.title}</a>
          <span className="meta"> · {formatDateTime(lang, w.startsAt, w.timezone)}</span>
        </li>
      ))}
    </ul>
  )
}

/** A page's answer to a form, or a 404: a heading and a few lines. */
export function Message({ title, lines, back }: { title: string; lines: string[]; back?: { href: string; label: string } }) {
  return (
    <>
      <h1>{title}</h1>
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
      {back ? (
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      ) : null}
    </>
  )
}
