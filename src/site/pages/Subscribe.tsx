import { CATEGORIES } from '../../../collections/Resources/options'
import { FREQUENCIES, LANGUAGES } from '../../subscriptions/options'
import { href, optionLabel, stringsFor } from '../labels'
import type { Lang } from '../reads'

type Choice = { code: string; name: string }
type Props = { lang: Lang; choices: Choice[]; selected?: string[]; idPrefix?: string }

/**
 * The alerts sign-up, a plain form (POST /subscribe, answered with a page). With `selected` of one
 * place (a jurisdiction's page) the place is fixed; otherwise the reader chooses places and kinds.
 */
export function SubscribeForm({ lang, choices, selected = [], idPrefix = 'sub' }: Props) {
  const t = stringsFor(lang)
  const fixed = selected.length === 1 && idPrefix === 'alerts'
  const id = (name: string) => `${idPrefix}-${name}`
  return (
    <form method="post" action={href(lang, '/subscribe')} className="form">
      <div className="field">
        <label htmlFor={id('email')}>{t.subscribe.email}</label>
        <input id={id('email')} name="email" type="email" autoComplete="email" required maxLength={254} />
      </div>
      {fixed ? (
        <input type="hidden" name="jurisdictions" value={selected[0]} />
      ) : (
        <>
          <div className="field">
            <label htmlFor={id('jurisdictions')}>{t.subscribe.jurisdictions}</label>
            <select id={id('jurisdictions')} name="jurisdictions" multiple size={8} defaultValue={selected}>
              {choices.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="field">
            <legend>{t.subscribe.categories}</legend>
            {CATEGORIES.map((c) => (
              <div key={c.value} className="check">
                <input id={id(`cat-${c.value}`)} type="checkbox" name="categories" value={c.value} />
                <label htmlFor={id(`cat-${c.value}`)}>{optionLabel(lang, 'category', c.value)}</label>
              </div>
            ))}
          </fieldset>
        </>
      )}
      <div className="field">
        <label htmlFor={id('frequency')}>{t.subscribe.frequency}</label>
        <select id={id('frequency')} name="frequency" defaultValue="weekly">
          {FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {t.subscribe.frequencies[f]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id('language')}>{t.subscribe.language}</label>
        <select id={id('language')} name="language" defaultValue={lang}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {l === 'es' ? 'Español' : 'English'}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t.subscribe.submit}</button>
    </form>
  )
}

export function Subscribe({ lang, choices }: { lang: Lang; choices: Choice[] }) {
  const t = stringsFor(lang)
  return (
    <>
      <h1>{t.subscribe.title}</h1>
      <p>{t.subscribe.intro}</p>
      <SubscribeForm lang={lang} choices={choices} />
    </>
  )
}
