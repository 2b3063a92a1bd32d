import type { ReactNode } from 'react'
import { href, stringsFor } from './labels'
import type { Lang } from './reads'

type Props = { lang: Lang; title: string; path: string; children: ReactNode }

/**
 * Every page: a skip link, the banner with the site's navigation, one <main>, the footer.
 * No script and nothing from another host; one stylesheet (/site.css).
 * `path` is the page's path without the language prefix, for the link to the other language.
 */
export function Layout({ lang, title, path, children }: Props) {
  const t = stringsFor(lang)
  const other: Lang = lang === 'es' ? 'en' : 'es'
  const nav = [
    ['/', t.nav.home],
    ['/search', t.nav.search],
    ['/webinars', t.nav.webinars],
    ['/subscribe', t.nav.subscribe],
    ['/compare', t.nav.compare],
  ] as const
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${title} · ${t.siteName}`}</title>
        <link rel="stylesheet" href="/site.css" />
        <link rel="alternate" hrefLang={other} href={href(other, path)} />
        <link rel="alternate" type="application/atom+xml" title={t.siteName} href={lang === 'es' ? '/api/feed.xml?locale=es' : '/api/feed.xml'} />
      </head>
      <body>
        <a className="skip" href="#content">
          {t.skipToContent}
        </a>
        <header className="banner">
          <a className="brand" href={href(lang, '/')}>
            {t.siteName}
          </a>
          <nav aria-label={t.siteName}>
            <ul>
              {nav.map(([to, label]) => (
                <li key={to}>
                  <a href={href(lang, to)}>{label}</a>
                </li>
              ))}
              <li>
                <a href={href(other, path)} lang={other} hrefLang={other}>
                  {t.nav.otherLanguage}
                </a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="content" tabIndex={-1}>
          {children}
        </main>
        <footer className="footer">
          <p>{t.footer}</p>
        </footer>
      </body>
    </html>
  )
}
