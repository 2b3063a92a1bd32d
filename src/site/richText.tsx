/**
 * Rich text for the site's pages, through Payload's JSX converter (React escapes every text and
 * attribute; there is no HTML string anywhere). Adjusted for a page whose policy allows no inline
 * style: strikethrough and underline as <s> and <u>, and no converter's `style` attribute reaches
 * the page (a blocked style is a policy violation the browser reports). Links to other items go to
 * their page here (the API populates only items anyone may read); a relationship to an item
 * becomes a link to it, or nothing when the reader may not see it.
 */
import { cloneElement, isValidElement, type ReactNode } from 'react'
import { type JSXConverters, type JSXConvertersFunction, LinkJSXConverter, RichText } from '@payloadcms/richtext-lexical/react'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { href } from './labels'
import type { Lang } from './reads'

const IS_BOLD = 1
const IS_ITALIC = 1 << 1
const IS_STRIKETHROUGH = 1 << 2
const IS_UNDERLINE = 1 << 3
const IS_CODE = 1 << 4
const IS_SUBSCRIPT = 1 << 5
const IS_SUPERSCRIPT = 1 << 6

function withoutStyle(node: ReactNode): ReactNode {
  if (Array.isArray(node)) return node.map(withoutStyle)
  if (!isValidElement<{ style?: unknown; children?: ReactNode }>(node)) return node
  const { style: _style, children } = node.props
  return cloneElement(node, { style: undefined, children: children === undefined ? undefined : withoutStyle(children) } as never)
}

const pageOf = (lang: Lang, doc: unknown) => {
  const value = (doc as { value?: unknown } | undefined)?.value as { slug?: unknown; title?: unknown } | undefined
  return typeof value?.slug === 'string' ? { url: href(lang, `/resources/${encodeURIComponent(value.slug)}`), title: typeof value.title === 'string' ? value.title : value.slug } : undefined
}

const converters =
  (lang: Lang): JSXConvertersFunction =>
  ({ defaultConverters }) => {
    const own: JSXConverters = {
      ...defaultConverters,
      ...LinkJSXConverter({ internalDocToHref: ({ linkNode }) => pageOf(lang, linkNode.fields.doc)?.url ?? href(lang, '/') }),
      text: ({ node }) => {
        let text: ReactNode = node.text
        const format = node.format ?? 0
        if (format & IS_BOLD) text = <strong>{text}</strong>
        if (format & IS_ITALIC) text = <em>{text}</em>
        if (format & IS_STRIKETHROUGH) text = <s>{text}</s>
        if (format & IS_UNDERLINE) text = <u>{text}</u>
        if (format & IS_CODE) text = <code>{text}</code>
        if (format & IS_SUBSCRIPT) text = <sub>{text}</sub>
        if (format & IS_SUPERSCRIPT) text = <sup>{text}</sup>
        return text
      },
      relationship: ({ node }) => {
        const page = (node as { relationTo?: string }).relationTo === 'resources' ? pageOf(lang, node) : undefined
        return page ? (
          <p>
            <a href={page.url}>{page.title}</a>
          </p>
        ) : null
      },
    }
    // Every converter's element, without the inline styles the page's policy would block.
    return Object.fromEntries(
      Object.entries(own).map(([type, convert]) => [type, typeof convert === 'function' ? (args: never) => withoutStyle((convert as (a: never) => ReactNode)(args)) : convert]),
    ) as JSXConverters
  }

export const isEditorState = (body: unknown): body is SerializedEditorState => typeof body === 'object' && body !== null && 'root' in body

export function Body({ lang, data }: { lang: Lang; data: SerializedEditorState }) {
  return <RichText data={data} className="prose" converters={converters(lang)} disableIndent disableTextAlign />
}
