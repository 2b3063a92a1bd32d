'use client'
import { useDocumentInfo, useDocumentTitle, useFormFields, useLocale, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'
import { tr } from './i18n'

/**
 * Under a resource's title (admin.components.afterInput): when the title is empty in the content
 * language being edited, the other language's title, as readers of this language see it, and the
 * document's header shows it instead of the id (Payload's header reads this language without fallback).
 */
export function TitleInOtherLanguage() {
  const { t } = useTranslation()
  const { id, collectionSlug } = useDocumentInfo()
  const { code } = useLocale()
  const { setDocumentTitle } = useDocumentTitle()
  const value = useFormFields(([fields]) => fields.title?.value)
  const [other, setOther] = useState<{ locale: string; title: string } | null>(null)
  const empty = typeof value !== 'string' || value.trim() === ''

  useEffect(() => {
    if (!empty || id === undefined || id === null) return setOther(null)
    const locale = code === 'es' ? 'en' : 'es'
    const query = new URLSearchParams({ locale, 'fallback-locale': 'none', draft: 'true', depth: '0', 'select[title]': 'true' })
    let live = true
    fetch(`/api/${collectionSlug}/${encodeURIComponent(String(id))}?${query}`, { credentials: 'include' })
      .then((res) => (res.ok ? res.json() : null))
      .then((doc: { title?: string | null } | null) => live && setOther(doc?.title ? { locale, title: doc.title } : null))
      .catch(() => live && setOther(null))
    return () => {
      live = false
    }
  }, [empty, id, code, collectionSlug])

  useEffect(() => {
    if (empty && other) setDocumentTitle(other.title)
  }, [empty, other, setDocumentTitle, value])

  if (!empty || !other) return null
  return (
    <p className="title-in-other-language" style={{ marginTop: 4 }}>
      {tr(t, other.locale === 'es' ? 'custom:titleInSpanish' : 'custom:titleInEnglish')} «{other.title}»
    </p>
  )
}
