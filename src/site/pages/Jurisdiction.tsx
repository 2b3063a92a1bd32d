import { formatDate, href, optionLabel, stringsFor } from '../labels'
import type { JurisdictionBrief, Lang, Toolkit } from '../reads'
import { ResourceList } from './common'
import { SubscribeForm } from './Subscribe'

type Props = { lang: Lang; toolkit: Toolkit; places: JurisdictionBrief[]; choices: { code: string; name: string }[] }

export function Jurisdiction({ lang, toolkit, places, choices }: Props) {
  const t = stringsFor(lang)
  const { jurisdiction, sections, unsectioned, inherited } = toolkit
  const p = jurisdiction.protection
  const searchMore = `${href(lang, '/search')}?jurisdiction=${encodeURIComponent(jurisdiction.code)}`
  return (
    <>
      <h1>{jurisdiction.name}</h1>
      <section aria-labelledby="profile-heading" className="profile">
        <h2 id="profile-heading">{t.jurisdiction.profile}</h2>
        <dl>
          <dt>{t.jurisdiction.status}</dt>
          <dd>
            <span className="badge" data-status={p.protectionStatus ?? 'unknown'}>
              {t.status[p.protectionStatus ?? 'unknown'] ?? p.protectionStatus}
            </span>
          </dd>
          {p.protectionSummary ? <dd>{p.protectionSummary}</dd> : null}
          {p.effectiveAt ? (
            <>
              <dt>{t.jurisdiction.effective}</dt>
              <dd>{formatDate(lang, p.effectiveAt)}</dd>
            </>
          ) : null}
          {p.warrantStandard ? (
            <>
              <dt>{t.jurisdiction.warrant}</dt>
              <dd>{t.warrant[p.warrantStandard] ?? p.warrantStandard}</dd>
            </>
          ) : null}
          {p.scope ? (
            <>
              <dt>{t.jurisdiction.scope}</dt>
              <dd>{p.scope}</dd>
            </>
          ) : null}
          {p.remedy ? (
            <>
              <dt>{t.jurisdiction.remedy}</dt>
              <dd>{p.remedy}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="toolkit-heading">
        <h2 id="toolkit-heading">{t.jurisdiction.toolkit}</h2>
        {sections
          .filter((s) => s.totalDocs > 0)
          .map((s) => (
            <section key={s.section} aria-labelledby={`s-${s.section}`}>
              <h3 id={`s-${s.section}`}>{optionLabel(lang, 'section', s.section)}</h3>
              <ResourceList lang={lang} resources={s.resources} />
              {s.totalDocs > s.resources.length ? <a href={searchMore}>{t.jurisdiction.more(s.totalDocs)}</a> : null}
            </section>
          ))}
        {unsectioned.totalDocs > 0 ? (
          <section aria-labelledby="s-other">
            <h3 id="s-other">{t.jurisdiction.unsectioned}</h3>
            <ResourceList lang={lang} resources={unsectioned.resources} />
          </section>
        ) : null}
        {sections.every((s) => s.totalDocs === 0) && unsectioned.totalDocs === 0 ? <p>{t.home.empty}</p> : null}
        {inherited.map((level) => (
          <section key={level.jurisdiction.code} aria-labelledby={`level-${level.jurisdiction.code}`}>
            <h3 id={`level-${level.jurisdiction.code}`}>
              <a href={href(lang, `/jurisdictions/${level.jurisdiction.code}`)}>{t.jurisdiction.inherited(level.jurisdiction.name)}</a>
            </h3>
            {level.resources.length ? <ResourceList lang={lang} resources={level.resources} /> : <p>{t.home.empty}</p>}
          </section>
        ))}
      </section>

      {places.length ? (
        <section aria-labelledby="places-heading">
          <h2 id="places-heading">{t.jurisdiction.places}</h2>
          <ul className="places">
            {places.map((place) => (
              <li key={place.code}>
                <a href={href(lang, `/jurisdictions/${place.code}`)}>{place.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">{t.jurisdiction.alerts}</h2>
        <SubscribeForm lang={lang} choices={choices} selected={[jurisdiction.code]} idPrefix="alerts" />
      </section>
    </>
  )
}
