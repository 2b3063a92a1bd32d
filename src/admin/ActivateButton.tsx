'use client'
import { Button, ReactSelect, toast, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'
import { tr } from './i18n'

type Id = string | number
type Option = { label: string; value: string }
type Place = { id: Id; name?: string; code?: string }
const idOf = (v: unknown): Id => (v && typeof v === 'object' ? (v as { id: Id }).id : (v as Id))

/**
 * Activates a pending contributor account (an editor's PATCH of `status` and `jurisdictions`, as
 * the API allows): the editor says which jurisdictions the leader works on, pre-filled with what
 * the person asked for at sign-up. The server refuses an activation without any (400), and says so.
 */
export function ActivateButton({ id }: { id: Id }) {
  const { t } = useTranslation()
  const [done, setDone] = useState(false)
  const [places, setPlaces] = useState<Place[]>([])
  const [chosen, setChosen] = useState<string[]>([])
  // Until the account's jurisdictions are in, an activation would send none.
  const [loaded, setLoaded] = useState(false)
  useEffect(() => {
    let live = true
    const get = (url: string) => fetch(url, { credentials: 'include' }).then((r) => (r.ok ? r.json() : null))
    const everyPlace = async () => {
      // Lists come 100 at a time (src/security/queryGuard.ts); a few pages hold every place.
      const all: Place[] = []
      for (let page = 1; page <= 20; page++) {
        const list = await get(`/api/jurisdictions?limit=100&page=${page}&depth=0&sort=name&select[name]=true&select[code]=true`)
        all.push(...((list?.docs ?? []) as Place[]))
        if (!list?.hasNextPage) break
      }
      return all
    }
    void Promise.all([everyPlace(), get(`/api/contributors/${id}?depth=1&select[jurisdictions]=true`)])
      .then(([list, account]) => {
        if (!live) return
        // What the person asked for is shown even when the list could not hold it.
        const asked = ((account?.jurisdictions ?? []) as unknown[]).map((j) => (j && typeof j === 'object' ? (j as Place) : { id: j as Id }))
        const known = new Set(list.map((p) => String(p.id)))
        setPlaces([...list, ...asked.filter((p) => !known.has(String(p.id)))])
        setChosen(asked.map((p) => String(idOf(p))))
        setLoaded(true)
      })
      .catch(() => live && setLoaded(true))
    return () => {
      live = false
    }
  }, [id])
  const options: Option[] = places.map((p) => ({ label: p.code ? `${p.name ?? p.code} (${p.code})` : String(p.name ?? p.id), value: String(p.id) }))
  const activate = async () => {
    // Relationship ids as the API gave them (a number on SQLite, a string on MongoDB).
    const jurisdictions = chosen.map((value) => places.find((p) => String(p.id) === value)?.id ?? value)
    const res = await fetch(`/api/contributors/${id}`, {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'active', jurisdictions }),
    })
    if (res.ok) setDone(true)
    else toast.error(((await res.json().catch(() => ({}))) as { errors?: { message: string }[] }).errors?.[0]?.message ?? res.statusText)
  }
  if (done) return <span>{tr(t, 'custom:activated')}</span>
  return (
    <span className="activate-account" style={{ display: 'inline-flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      <span style={{ minWidth: 260 }} aria-label={tr(t, 'custom:activateJurisdictions')} title={tr(t, 'custom:activateJurisdictions')}>
        <ReactSelect
          isMulti
          isClearable
          placeholder={tr(t, 'custom:activateJurisdictions')}
          options={options}
          value={options.filter((o) => chosen.includes(o.value))}
          onChange={(selected) => setChosen(((selected ?? []) as Option[]).map((o) => o.value))}
        />
      </span>
      <Button buttonStyle="secondary" size="small" margin={false} disabled={!loaded} onClick={() => void activate()}>
        {tr(t, 'custom:activate')}
      </Button>
    </span>
  )
}
