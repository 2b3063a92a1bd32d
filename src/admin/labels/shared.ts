/** Spanish shared by several collections: the language list, slugs, review states and actions. */
import { adminTranslations } from '../translations'

export const LANGUAGE_OPTIONS: Record<string, string> = {
  en: 'Inglés / English',
  es: 'Español',
  zh: 'Chino / 中文',
  ht: 'Criollo haitiano / Kreyòl',
  fr: 'Francés / Français',
  ar: 'Árabe / العربية',
  ko: 'Coreano / 한국어',
  ru: 'Ruso / Русский',
  vi: 'Vietnamita / Tiếng Việt',
  pt: 'Portugués / Português',
  pl: 'Polaco / Polski',
  tl: 'Tagalo / Tagalog',
}

export const slugFromName = 'Parte de la URL pública: letras minúsculas, dígitos y guiones. Si se deja vacío, se crea a partir del nombre.'

const es = adminTranslations.es.custom
/** Review states and actions, as the review panel and the badges say them. */
export const STATE_OPTIONS: Record<string, string> = {
  draft: es['state.draft'],
  in_review: es['state.in_review'],
  changes_requested: es['state.changes_requested'],
  published: es['state.published'],
  archived: es['state.archived'],
}
export const ACTION_OPTIONS: Record<string, string> = {
  submit: es['action.submit'],
  withdraw: es['action.withdraw'],
  request_changes: es['action.request_changes'],
  publish: es['action.publish'],
  unpublish: es['action.unpublish'],
  archive: es['action.archive'],
  verify: es['action.verify'],
}
