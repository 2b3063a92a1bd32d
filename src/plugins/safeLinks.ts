/**
 * Every URL a document's rich text can hold (links, autolinks, and any url/href/src in any node,
 * e.g. fields of upload or relationship nodes) must be http(s), mailto or relative
 * (fields/url.ts, isSafeLink), and every text field marked `custom: { url: 'web' }` an absolute
 * http(s) URL, in every collection, global and locale, drafts included: refused on write with
 * a 400 naming the field, and neutralised on read should one be stored anyway (written before
 * this check, or straight to the database), so the API never serves one.
 */
import { ValidationError, type Config, type Field, type FieldHook, type Plugin } from 'payload'
import { isHttpUrl, isSafeLink, UNSAFE_LINK_MESSAGE } from '../../fields/url'

const URL_KEY = /^(url|href|src|link)$|Url$/

/** The unsafe URLs in a Lexical (or any JSON) value. */
export function unsafeLinks(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) unsafeLinks(item, found)
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'string' && URL_KEY.test(key) && !isSafeLink(child)) found.push(child)
      else if (typeof child === 'object') unsafeLinks(child, found)
    }
  }
  return found
}

/** A copy with every unsafe URL replaced by '#'. */
function neutralise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(neutralise)
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, typeof child === 'string' && URL_KEY.test(key) && !isSafeLink(child) ? '#' : neutralise(child)]),
  )
}

const shown = (url: string) => JSON.stringify(url.length > 60 ? `${url.slice(0, 60)}…` : url)

/**
 * A field hook, not `validate`: Payload skips validation when a draft is saved, and drafts are
 * read by their owners and editors. 400 naming the field (and the locale's value it was given).
 */
const refuse = (problem: (value: unknown) => string | undefined): FieldHook => ({ value, path, collection, global, req }) => {
  const message = problem(value)
  if (!message) return value
  throw new ValidationError({ collection: collection?.slug ?? global?.slug, errors: [{ path: path.join('.'), message }], req })
}

const richTextProblem = (value: unknown) => {
  const unsafe = unsafeLinks(value)
  return unsafe.length ? `${UNSAFE_LINK_MESSAGE}; not ${unsafe.map(shown).join(', ')}.` : undefined
}
const webUrlProblem = (value: unknown) =>
  typeof value === 'string' && value !== '' && !isHttpUrl(value) ? `Enter a full web address starting with http:// or https://; not ${shown(value)}.` : undefined

const neutraliseRichText: FieldHook = ({ value }) => (unsafeLinks(value).length ? neutralise(value) : value)
const neutraliseWebUrl: FieldHook = ({ value }) => (webUrlProblem(value) ? null : value)

function withSafeLinks(fields: Field[]): Field[] {
  return fields.map((field) => {
    const webUrl = field.type === 'text' && (field.custom as { url?: string } | undefined)?.url === 'web'
    if (field.type === 'richText' || webUrl) {
      const [check, clean] = webUrl ? [webUrlProblem, neutraliseWebUrl] : [richTextProblem, neutraliseRichText]
      const hooks = field.hooks ?? {}
      return {
        ...field,
        hooks: { ...hooks, beforeChange: [...(hooks.beforeChange ?? []), refuse(check)], afterRead: [...(hooks.afterRead ?? []), clean] },
      } as Field
    }
    if (field.type === 'blocks') return { ...field, blocks: field.blocks.map((block) => ({ ...block, fields: withSafeLinks(block.fields) })) }
    if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: withSafeLinks(tab.fields) })) }
    if ('fields' in field && Array.isArray(field.fields)) return { ...field, fields: withSafeLinks(field.fields) } as Field
    return field
  })
}

export const safeLinks: Plugin = (config: Config): Config => ({
  ...config,
  collections: config.collections?.map((collection) => ({ ...collection, fields: withSafeLinks(collection.fields) })),
  globals: config.globals?.map((global) => ({ ...global, fields: withSafeLinks(global.fields) })),
})
