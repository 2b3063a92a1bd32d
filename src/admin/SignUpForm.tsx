'use client'
import { Button, useTranslation } from '@payloadcms/ui'
import { useEffect, useState, type FormEvent } from 'react'
import { tr } from './i18n'

/** A jurisdiction or organization to pick: its id as the API gave it (a number on SQLite, a string on MongoDB). */
export type Choice = { id: string | number; name: string }
type Problem = { message?: string; path?: string; field?: string }

/** Reads the form and posts it as `POST /api/contributors` does for anyone; errors name the field. */
export function SignUpForm({ states, organizations }: { states: Choice[]; organizations: Choice[] }) {
  const { t, i18n } = useTranslation()
  // The emails' language: the browser's, when it is one we write in; else the panel's.
  const [language, setLanguage] = useState(i18n.language === 'es' ? 'es' : 'en')
  useEffect(() => {
    const browser = (navigator.languages?.[0] ?? navigator.language ?? '').slice(0, 2).toLowerCase()
    if (browser === 'es' || browser === 'en') setLanguage(browser)
  }, [])
  const [problems, setProblems] = useState<string[]>([])
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    // Form values are strings: send each id back as the API gave it.
    const idOf = (choices: Choice[], value: FormDataEntryValue | null) => choices.find((c) => String(c.id) === String(value))?.id
    const organization = idOf(organizations, form.get('organization'))
    const body = {
      name: String(form.get('name') ?? ''),
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      preferredLanguage: language,
      jurisdictions: form.getAll('jurisdictions').map((value) => idOf(states, value)).filter((id) => id !== undefined),
      ...(organization !== undefined ? { organization } : {}),
    }
    setBusy(true)
    try {
      const res = await fetch('/api/contributors', { method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      if (res.ok) return setDone(true)
      const answer = (await res.json().catch(() => ({}))) as { errors?: { message?: string; data?: { errors?: Problem[] } }[] }
      const fields = answer.errors?.flatMap((e) => e.data?.errors ?? []) ?? []
      setProblems(fields.length ? fields.map((p) => p.message ?? '') : (answer.errors ?? []).map((e) => e.message ?? res.statusText))
    } finally {
      setBusy(false)
    }
  }

  if (done) {
    return (
      <section id="sign-up-done" role="status">
        <h2>{tr(t, 'custom:signUpDoneTitle')}</h2>
        <p>{tr(t, 'custom:signUpDone')}</p>
        <a href="/admin/login">{tr(t, 'custom:signUpBackToLogin')}</a>
      </section>
    )
  }
  const label = { display: 'block', fontWeight: 600, marginBottom: 4 } as const
  const row = { marginBottom: 16 } as const
  return (
    <form id="sign-up-form" onSubmit={(e) => void submit(e)} className="sign-up__form">
      {problems.length ? (
        <div id="sign-up-problems" role="alert" style={{ color: 'var(--theme-error-500)', marginBottom: 16 }}>
          {tr(t, 'custom:signUpFailed')}
          <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      ) : null}
      <div style={row} className="field-type text">
        <label style={label} htmlFor="sign-up-name">{tr(t, 'custom:signUpName')}</label>
        <input id="sign-up-name" name="name" required maxLength={200} autoComplete="name" />
      </div>
      <div style={row} className="field-type email">
        <label style={label} htmlFor="sign-up-email">{tr(t, 'custom:signUpEmail')}</label>
        <input id="sign-up-email" name="email" type="email" required autoComplete="email" />
      </div>
      <div style={row} className="field-type password">
        <label style={label} htmlFor="sign-up-password">{tr(t, 'custom:signUpPassword')}</label>
        <input id="sign-up-password" name="password" type="password" required minLength={12} autoComplete="new-password" />
        <small>{tr(t, 'custom:signUpPasswordHelp')}</small>
      </div>
      <fieldset style={{ ...row, border: 0, padding: 0 }}>
        <legend style={label}>{tr(t, 'custom:signUpStates')}</legend>
        <div style={{ maxHeight: 200, overflowY: 'auto', columns: 2 }}>
          {states.map((s) => (
            <label key={s.id} style={{ display: 'block' }}>
              <input type="checkbox" name="jurisdictions" value={String(s.id)} /> {s.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div style={row} className="field-type select">
        <label style={label} htmlFor="sign-up-organization">{tr(t, 'custom:signUpOrganization')}</label>
        <select id="sign-up-organization" name="organization" defaultValue="">
          <option value="">{tr(t, 'custom:signUpNoOrganization')}</option>
          {organizations.map((o) => (
            <option key={o.id} value={String(o.id)}>{o.name}</option>
          ))}
        </select>
      </div>
      <div style={row} className="field-type select">
        <label style={label} htmlFor="sign-up-language">{tr(t, 'custom:signUpLanguage')}</label>
        <select id="sign-up-language" name="preferredLanguage" value={language} onChange={(e) => setLanguage(e.target.value)}>
          <option value="en">English</option>
          <option value="es">Español</option>
        </select>
      </div>
      <Button type="submit" buttonStyle="primary" disabled={busy} id="sign-up-submit">
        {tr(t, 'custom:signUpSubmit')}
      </Button>
    </form>
  )
}
