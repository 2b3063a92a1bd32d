import { href, stringsFor } from '../labels'
import type { compareData, Lang, MapEntry } from '../reads'

type Matrix = NonNullable<Awaited<ReturnType<typeof compareData>>['body']>
type Props = { lang: Lang; states: MapEntry[]; selected: string[]; matrix?: Matrix; error?: string }

/** Jurisdictions side by side, provision by provision (GET /api/compare), from a plain form. */
export function Compare({ lang, states, selected, matrix, error }: Props) {
  const t = stringsFor(lang)
  return (
    <>
      <h1>{t.compare.title}</h1>
      <p>{t.compare.intro}</p>
      <form method="get" action={href(lang, '/compare')} className="form">
        <div className="field">
          <label htmlFor="compare-j">{t.compare.choose}</label>
          <select id="compare-j" name="j" multiple size={8} defaultValue={selected}>
            {states.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t.compare.submit}</button>
      </form>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {matrix?.jurisdictions?.length ? (
        <div className="table-wrap" role="region" aria-labelledby="compare-caption" tabIndex={0}>
          <table>
            <caption id="compare-caption">{matrix.jurisdictions.map((j) => j.name).join(' · ')}</caption>
            <thead>
              <tr>
                <th scope="col">{t.compare.provision}</th>
                {matrix.jurisdictions.map((j) => (
                  <th scope="col" key={j.code}>
                    <a href={href(lang, `/jurisdictions/${j.code}`)}>{j.name}</a>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(matrix.provisions ?? []).map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.name}</th>
                  {matrix.jurisdictions.map((j) => {
                    const cell = row.cells?.[j.code] ?? []
                    return (
                      <td key={j.code}>
                        {cell.length
                          ? cell.map((instrument, i) => (
                              <span key={i}>
                                {i > 0 ? ', ' : ''}
                                {instrument.slug ? <a href={href(lang, `/resources/${encodeURIComponent(instrument.slug)}`)}>{instrument.title}</a> : instrument.title}
                                {instrument.extent === 'partial' ? ` ${t.compare.partial}` : ''}
                              </span>
                            ))
                          : t.compare.none}
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  )
}
