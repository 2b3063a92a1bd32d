/** The languages emails are written in. */
export type Language = 'en' | 'es'

/**
 * The language of every email to this account: its `preferredLanguage` (set at sign-up, changed
 * on the account page), English when it has none (accounts made before the field existed).
 * The one place that decides it: workflow, account and digest emails all ask here.
 */
export function languageOf(account: { preferredLanguage?: unknown } | null | undefined): Language {
  return account?.preferredLanguage === 'es' ? 'es' : 'en'
}
