import { decodeHTML } from 'entities'
import { href, optionLabel, stringsFor } from '../labels'
import type { Lang, ResourceBrief } from '../reads'

type Hit = ResourceBrief & { excerpt: string }
type Props = { lang: Lang; q: string; jurisdiction?: string; result?: { docs: Hit[]; totalDocs: number; page?: number; hasNextPage?: boolean; hasPrevPage?: boolean }; error?: string }

/** The search module's excerpt is escaped text with <mark>s: rebuilt here as React text, never as HTML. */
function Excerpt({ text }: { text: string }) {
  const parts = text.split(/(<mark>.*?<\/mark>)/g)
  return (
    <p className="excerpt">
      {parts.map((part, i) => (part.startsWith('<mark>') ? <mark key={i}>{decodeHTML(part.slice(6, -7))}</mark> : decodeHTML(part)))}
    </p>
  )
}

export function Search({ lang, q, jurisdiction, result, error }: Props) {
  const t = stringsFor(lang)
  const page = result?.page ?? 1
  const link = (p: number) => `${href(lang, '/search')}?${new URLSearchParams({ q, ...(jurisdiction ? { jurisdiction } : {}), page: String(p) }).toString()}`
  return (
    <>
      <h1>{t.search.title}</h1>
      <form className="search-form" role="search" method="get" action={href(lang, '/search')}>
        <label htmlFor="q">{t.search.label}</label>
        <input id="q" name="q" type="search" defaultValue={q} maxLength={200} required />
        {jurisdiction ? <input type="hidden" name="jurisdiction" value={jurisdiction} /> : null}
        <button type="submit">{t.search.submit}</button>
      </form>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {result ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t.search.results(result.totalDocs, q)}</h2>
          {result.docs.length === 0 ? <p>{t.search.none}</p> : null}
          <ol className="results">
            {result.docs.map((hit) => (
              <li key={String(hit.id)}>
                <h3>{hit.slug ? <a href={href(lang, `/resources/${encodeURIComponent(hit.slug)}`)}>{hit.title}</a> : hit.title}</h3>
                <p className="meta">{optionLabel(lang, 'category', hit.category)}</p>
                <Excerpt text={hit.excerpt} />
              </li>
            ))}
          </ol>
          {result.hasPrevPage || result.hasNextPage ? (
          <nav aria-label={t.search.title} className="pager">
            {result.hasPrevPage ? <a href={link(page - 1)}>{t.search.previous}</a> : null}
            {result.hasNextPage ? <a href={link(page + 1)}>{t.search.next}</a> : null}
          </nav>
          ) : null}
        </section>
      ) : null}
    </>
  )
}
