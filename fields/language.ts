import type { SelectField } from 'payload'

/** Languages a resource or file is available in (ISO 639-1), most common for the toolkit's audience first. */
export const LANGUAGES = [
  { label: 'English', value: 'en' },
  { label: 'Spanish / Español', value: 'es' },
  { label: 'Chinese / 中文', value: 'zh' },
  { label: 'Haitian Creole / Kreyòl', value: 'ht' },
  { label: 'French / Français', value: 'fr' },
  { label: 'Arabic / العربية', value: 'ar' },
  { label: 'Korean / 한국어', value: 'ko' },
  { label: 'Russian / Русский', value: 'ru' },
  { label: 'Vietnamese / Tiếng Việt', value: 'vi' },
  { label: 'Portuguese / Português', value: 'pt' },
  { label: 'Polish / Polski', value: 'pl' },
  { label: 'Tagalog', value: 'tl' },
]

export function languageField(overrides: Partial<SelectField> = {}): SelectField {
  return {
    name: 'language',
    type: 'select',
    options: LANGUAGES,
    ...overrides,
  } as SelectField
}
