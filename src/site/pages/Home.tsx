import { href, optionLabel, stringsFor } from '../labels'
import type { homeData, Lang } from '../reads'
import { UsMap } from '../UsMap'
import { ResourceList, WebinarList } from './common'

type Props = { lang: Lang; data: Awaited<ReturnType<typeof homeData>> }

export function Home({ lang, data }: Props) {
  const t = stringsFor(lang)
  return (
    <>
      <h1>{t.siteName}</h1>
      <p className="lead">{t.tagline}</p>
      <form className="search-form" role="search" method="get" action={href(lang, '/search')}>
        <label htmlFor="home-q">{t.search.label}</label>
        <input id="home-q" name="q" type="search" maxLength={200} required />
        <button type="submit">{t.search.submit}</button>
      </form>

      <section aria-labelledby="map-heading">
        <h2 id="map-heading">{t.home.map}</h2>
        <UsMap lang={lang} entries={data.map} />
      </section>

      <section aria-labelledby="sections-heading">
        <h2 id="sections-heading">{t.home.sections}</h2>
        <div className="cards">
          {data.sections.map((s) => (
            <section key={s.section} className="card" aria-labelledby={`section-${s.section}`}>
              <h3 id={`section-${s.section}`}>{optionLabel(lang, 'section', s.section)}</h3>
              <p className="meta">{t.home.items(s.totalDocs)}</p>
              {s.resources.length ? <ResourceList lang={lang} resources={s.resources} /> : <p>{t.home.empty}</p>}
            </section>
          ))}
        </div>
      </section>

      <section aria-labelledby="webinars-heading">
        <h2 id="webinars-heading">{t.home.webinars}</h2>
        {data.webinars.length ? <WebinarList lang={lang} webinars={data.webinars} /> : <p>{t.home.noWebinars}</p>}
      </section>

      <section aria-labelledby="involved-heading">
        <h2 id="involved-heading">{t.home.involved}</h2>
        <ul>
          <li>
            <a href={href(lang, '/webinars')}>{t.home.involvedText[0]}</a>
          </li>
          <li>
            <a href={href(lang, '/subscribe')}>{t.home.involvedText[1]}</a>
          </li>
          <li>
            {t.home.involvedText[2]} <a href="/admin/signup">{t.home.signUpLeader}</a>
          </li>
        </ul>
      </section>
    </>
  )
}

