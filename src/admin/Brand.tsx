import { tr } from './i18n'

/**
 * The toolkit's name and mark in the panel (admin.components.graphics, beforeNavLinks) in place of
 * Payload's: a courthouse under a shield's outline, drawn inline (no request, nothing for the CSP).
 */
export function Mark({ size = 32 }: { size?: number }) {
  return (
    <svg className="toolkit-mark" width={size} height={size} viewBox="0 0 32 32" role="img" aria-hidden="true">
      <rect width="32" height="32" rx="6" fill="#1f3b57" />
      <path d="M6 12 16 6l10 6z" fill="#f4c542" />
      <path d="M8 13h2v9H8zm4.7 0h2v9h-2zm4.6 0h2v9h-2zm4.7 0h2v9h-2zM6 23h20v3H6z" fill="#fff" />
    </svg>
  )
}

/** The mark as the browser tab's icon (admin.meta.icons): a data: URL, which the admin's CSP allows for images. */
export const MARK_ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f3b57"/><path d="M6 12 16 6l10 6z" fill="#f4c542"/><path d="M8 13h2v9H8zm4.7 0h2v9h-2zm4.6 0h2v9h-2zm4.7 0h2v9h-2zM6 23h20v3H6z" fill="#fff"/></svg>',
)}`

type I18nProps = { i18n?: { t: unknown } }

/** The login screen's (and create-first-user's) logo: the mark, the name and what it is, in the panel's language. */
export function Logo({ i18n }: I18nProps) {
  return (
    <div className="toolkit-logo" style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
      <Mark size={48} />
      <div>
        <div className="toolkit-logo__name" style={{ fontSize: 22, fontWeight: 700, lineHeight: 1.2 }}>ICE Out of Courts</div>
        <div className="toolkit-logo__tagline" style={{ fontSize: 14 }}>{i18n ? tr(i18n.t, 'custom:brandTagline') : 'Campaign Toolkit'}</div>
      </div>
    </div>
  )
}

/** The small mark in the panel's header (Payload's Icon graphic). */
export function Icon() {
  return <Mark size={24} />
}

/** The name at the top of the navigation. */
export function NavBrand({ i18n }: I18nProps) {
  return (
    <div className="toolkit-nav-brand" style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 16 }}>
      <Mark size={28} />
      <strong style={{ lineHeight: 1.2 }}>
        ICE Out of Courts
        <br />
        <span style={{ fontWeight: 400, fontSize: 13 }}>{i18n ? tr(i18n.t, 'custom:brandTagline') : 'Campaign Toolkit'}</span>
      </strong>
    </div>
  )
}
