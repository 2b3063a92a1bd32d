'use client'
import { Button, toast, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'
import { tr } from './i18n'

/** Activates a pending contributor account (an editor's PATCH of `status`, as the API allows). */
export function ActivateButton({ id }: { id: string | number }) {
  const { t } = useTranslation()
  const [done, setDone] = useState(false)
  const activate = async () => {
    const res = await fetch(`/api/contributors/${id}`, {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'active' }),
    })
    if (res.ok) setDone(true)
    else toast.error(((await res.json().catch(() => ({}))) as { errors?: { message: string }[] }).errors?.[0]?.message ?? res.statusText)
  }
  if (done) return <span>{tr(t, 'custom:activated')}</span>
  return (
    <Button buttonStyle="secondary" size="small" margin={false} onClick={() => void activate()}>
      {tr(t, 'custom:activate')}
    </Button>
  )
}
