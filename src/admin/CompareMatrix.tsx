'use client'
import { Button, Pill, ReactSelect, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

type Option = { value: string; label: string }
type Instrument = { id: string | number; slug: string | null; title: string | null; section: string | null; extent: 'full' | 'partial'; superseded?: boolean; verification?: { status: string; reviewBy?: string | null } }
type Row = { key: string; name: string; description: string | null; model?: Instrument[]; cells: Record<string, Instrument[]> }
type Matrix = { jurisdictions: { code: string; name: string }[]; model: { title: string | null } | null; provisions: Row[] }

const MAX = 12

/** The compare screen's picker and matrix; it reads GET /api/compare like any frontend. */
export function CompareMatrix(props: { jurisdictions: Option[]; model: { slug: string; title: string | null } | null; initial: string[]; language: 'en' | 'es' }) {
  const { t } = useTranslation()
  const say = (key: string) => (t as (k: string) => string)(`custom:${key}`)
  const [codes, setCodes] = useState<string[]>(props.initial.filter((code) => props.jurisdictions.some((j) => j.value === code)).slice(0, MAX))
  const [withModel, setWithModel] = useState(Boolean(props.model))
  const [matrix, setMatrix] = useState<Matrix | null>(null)
  const [error, setError] = useState<string | null>(null)

  const query = new URLSearchParams({ jurisdictions: codes.join(','), locale: props.language })
  if (withModel && props.model) query.set('model', props.model.slug)

  useEffect(() => {
    if (!codes.length) return setMatrix(null)
    let current = true
    fetch(`/api/compare?${query}`)
      .then(async (res) => {
        const body = await res.json()
        if (!current) return
        if (res.ok) (setMatrix(body), setError(null))
        else setError(body.errors?.[0]?.message ?? res.statusText)
      })
      .catch((e: Error) => current && setError(e.message))
    return () => {
      current = false
    }
  }, [query.toString()]) // eslint-disable-line react-hooks/exhaustive-deps

  const cell = (instruments: Instrument[] = []) =>
    instruments.length ? (
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 6 }}>
        {instruments.map((i) => (
          <li key={String(i.id)}>
            <a href={`/admin/collections/resources/${i.id}`}>{i.title ?? i.slug}</a>
            {i.section ? <span className="compare__section"> · {i.section}</span> : null}{' '}
            {i.extent === 'partial' ? <Pill size="small">{say('compareExtentPartial')}</Pill> : null}
            {i.superseded ? <Pill size="small">{say('compareSuperseded')}</Pill> : null}
            {i.verification && i.verification.status !== 'superseded' ? (
              <Pill size="small" className={`compare__verification compare__verification--${i.verification.status}`}>{say(`verificationStatus.${i.verification.status}`)}</Pill>
            ) : null}
          </li>
        ))}
      </ul>
    ) : (
      <span aria-label={say('compareNone')} style={{ color: 'var(--theme-elevation-400)' }}>—</span>
    )

  return (
    <div className="compare">
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-end', flexWrap: 'wrap', marginBottom: 24 }}>
        <label style={{ flex: '1 1 420px' }} id="compare-jurisdictions">
          <span>{say('compareJurisdictions')}</span>
          <ReactSelect
            isMulti
            isClearable
            options={props.jurisdictions}
            value={props.jurisdictions.filter((j) => codes.includes(j.value))}
            onChange={(selected) => setCodes(((selected ?? []) as Option[]).map((o) => o.value).slice(0, MAX))}
          />
        </label>
        {props.model ? (
          <label style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <input type="checkbox" checked={withModel} onChange={(e) => setWithModel(e.target.checked)} id="compare-with-model" />
            {say('compareWithModel')}: {props.model.title}
          </label>
        ) : null}
        <Button el="anchor" url={`/api/compare.csv?${query}`} buttonStyle="secondary" size="medium" disabled={!codes.length} id="compare-csv">
          {say('compareCsv')}
        </Button>
      </div>
      {error ? <p className="compare__error" role="alert">{error}</p> : null}
      {!codes.length ? <p>{say('comparePick')}</p> : null}
      {matrix && codes.length ? (
        <div className="table" style={{ overflowX: 'auto' }}>
          <table cellPadding={0} cellSpacing={0} id="compare-matrix">
            <thead>
              <tr>
                <th>{say('compareProvision')}</th>
                {matrix.model ? <th>{say('compareModel')}</th> : null}
                {matrix.jurisdictions.map((j) => (
                  <th key={j.code}>{j.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.provisions.map((row) => (
                <tr key={row.key} data-provision={row.key}>
                  <td title={row.description ?? undefined}>{row.name}</td>
                  {matrix.model ? <td>{cell(row.model)}</td> : null}
                  {matrix.jurisdictions.map((j) => (
                    <td key={j.code} data-jurisdiction={j.code}>
                      {cell(row.cells[j.code])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  )
}
