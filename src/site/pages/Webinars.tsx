import { INTERESTS, REGISTRANT_ROLES } from '../../../collections/WebinarRegistrations/options'
import { formatDateTime, href, stringsFor } from '../labels'
import type { Lang, MapEntry, Webinar as WebinarDoc } from '../reads'
import { WebinarList } from './common'

export function Webinars({ lang, webinars }: { lang: Lang; webinars: WebinarDoc[] }) {
  const t = stringsFor(lang)
  return (
    <>
      <h1>{t.webinars.title}</h1>
      <h2>{t.webinars.upcoming}</h2>
      {webinars.length ? <WebinarList lang={lang} webinars={webinars} /> : <p>{t.webinars.none}</p>}
    </>
  )
}

type Props = { lang: Lang; webinar: WebinarDoc; states: MapEntry[]; errors?: { path: string; message: string }[] }

/**
 * One webinar and its sign-up: a plain form posting to this page, answered with a page. The
 * hidden `website` field is the endpoint's honeypot: people never see it, bots fill it.
 */
export function Webinar({ lang, webinar, states, errors = [] }: Props) {
  const t = stringsFor(lang)
  const over = new Date(webinar.endsAt).getTime() <= Date.now()
  const open = webinar.registrationOpen !== false && !over
  const invalid = new Set(errors.map((e) => e.path))
  const errorOf = (path: string) => errors.find((e) => e.path === path)?.message
  const describedBy = (path: string) => (invalid.has(path) ? { 'aria-invalid': true, 'aria-describedby': `${path}-error` } : {})
  const fieldError = (path: string) =>
    errorOf(path) ? (
      <p id={`${path}-error`} className="error">
        {errorOf(path)}
      </p>
    ) : null
  return (
    <>
      <h1>{webinar.title}</h1>
      <p>
        <strong>{t.webinars.when}:</strong> {formatDateTime(lang, webinar.startsAt, webinar.timezone)}
      </p>
      {webinar.description ? <p className="pre">{webinar.description}</p> : null}
      {typeof webinar.seatsLeft === 'number' ? <p>{webinar.seatsLeft > 0 ? t.webinars.seatsLeft(webinar.seatsLeft) : t.webinars.full}</p> : null}
      <section aria-labelledby="signup-heading">
        <h2 id="signup-heading">{t.webinars.signUp}</h2>
        {!open ? (
          <p>{t.webinars.closed}</p>
        ) : (
          <form method="post" action={href(lang, `/webinars/${encodeURIComponent(String(webinar.id))}`)} className="form" noValidate={false}>
            {errors.length ? (
              <div role="alert" className="error">
                <p>{t.answer.problem}</p>
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="name">{t.webinars.name}</label>
              <input id="name" name="name" autoComplete="name" required maxLength={200} {...describedBy('name')} />
              {fieldError('name')}
            </div>
            <div className="field">
              <label htmlFor="email">{t.webinars.email}</label>
              <input id="email" name="email" type="email" autoComplete="email" required maxLength={254} {...describedBy('email')} />
              {fieldError('email')}
            </div>
            <div className="field">
              <label htmlFor="organization">{t.webinars.organization}</label>
              <input id="organization" name="organization" autoComplete="organization" maxLength={200} {...describedBy('organization')} />
              {fieldError('organization')}
            </div>
            <div className="field">
              <label htmlFor="jurisdiction">{t.webinars.jurisdiction}</label>
              <select id="jurisdiction" name="jurisdiction" defaultValue="" {...describedBy('jurisdiction')}>
                <option value="">{t.webinars.none_}</option>
                {states.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name}
                  </option>
                ))}
              </select>
              {fieldError('jurisdiction')}
            </div>
            <div className="field">
              <label htmlFor="role">{t.webinars.role}</label>
              <select id="role" name="role" defaultValue="" {...describedBy('role')}>
                <option value="">{t.webinars.none_}</option>
                {REGISTRANT_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t.roles[role] ?? role}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="field" {...describedBy('interest')}>
              <legend>{t.webinars.interest}</legend>
              {INTERESTS.map((interest, i) => (
                <div key={interest} className="check">
                  <input id={`interest-${interest}`} type="radio" name="interest" value={interest} required defaultChecked={i === 0} />
                  <label htmlFor={`interest-${interest}`}>{t.interests[interest] ?? interest}</label>
                </div>
              ))}
              {fieldError('interest')}
            </fieldset>
            <div className="field">
              <label htmlFor="message">{t.webinars.message}</label>
              <textarea id="message" name="message" rows={3} maxLength={1000} {...describedBy('message')} />
              {fieldError('message')}
            </div>
            <div className="check">
              <input id="consent" name="consent" type="checkbox" value="true" required {...describedBy('consent')} />
              <label htmlFor="consent">{t.webinars.consent}</label>
              {fieldError('consent')}
            </div>
            <div className="honeypot" aria-hidden="true">
              <label htmlFor="website">{t.webinars.honeypot}</label>
              <input id="website" name="website" tabIndex={-1} autoComplete="off" />
            </div>
            <button type="submit">{t.webinars.signUp}</button>
          </form>
        )}
      </section>
    </>
  )
}
