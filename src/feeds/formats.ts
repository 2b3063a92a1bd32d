/**
 * The two feed formats, written from one plain model. Every title and summary is plain text that
 * a contributor typed: Atom marks it `type="text"` and escapes it (never `type="html"` or CDATA,
 * which a reader renders as markup, and whose `]]>` a title could close), and JSON Feed carries it
 * as `content_text`, never `content_html`. Only the feed's own markup is markup.
 */

export type FeedItem = {
  id: string
  link: string
  title: string
  summary?: string
  updated: Date
  published?: Date
  /** Terms: the category and the jurisdiction codes. */
  tags: string[]
  /** The legal sign-off (src/verification/status.ts): JSON Feed `_verification`, an Atom category. */
  verification?: { status: string; verifiedAt: string | null; reviewBy: string | null }
}

/** The Atom category scheme of the verification status. */
export const VERIFICATION_SCHEME = 'urn:ice-out-of-courts:verification'

export type FeedModel = {
  id: string
  title: string
  description: string
  /** The site the feed belongs to. */
  link: string
  language: string
  updated: Date
  generator: string
  rights: string
  atomUrl: string
  jsonUrl: string
  items: FeedItem[]
}

/** Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/FFFF): dropped. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Text for an XML element or attribute value. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

const textElement = (name: string, value: string, indent: string) => `${indent}<${name} type="text">${xmlText(value)}</${name}>`
const element = (name: string, value: string, indent: string) => `${indent}<${name}>${xmlText(value)}</${name}>`

/** Atom 1.0 (RFC 4287). */
export function atomFeed(feed: FeedModel): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.language)}">`,
    element('id', feed.id, '    '),
    textElement('title', feed.title, '    '),
    element('updated', feed.updated.toISOString(), '    '),
    element('generator', feed.generator, '    '),
    `    <link rel="alternate" href="${xmlText(feed.link)}"/>`,
    `    <link rel="self" href="${xmlText(feed.atomUrl)}"/>`,
    textElement('subtitle', feed.description, '    '),
    textElement('rights', feed.rights, '    '),
  ]
  for (const item of feed.items) {
    lines.push('    <entry>')
    lines.push(textElement('title', item.title, '        '))
    lines.push(element('id', item.id, '        '))
    lines.push(`        <link href="${xmlText(item.link)}"/>`)
    lines.push(element('updated', item.updated.toISOString(), '        '))
    if (item.summary) lines.push(textElement('summary', item.summary, '        '))
    for (const tag of item.tags) lines.push(`        <category term="${xmlText(tag)}" label="${xmlText(tag)}"/>`)
    if (item.verification) lines.push(`        <category scheme="${VERIFICATION_SCHEME}" term="${xmlText(item.verification.status)}" label="verification: ${xmlText(item.verification.status)}"/>`)
    if (item.published) lines.push(element('published', item.published.toISOString(), '        '))
    lines.push('    </entry>')
  }
  lines.push('</feed>')
  return lines.join('\n')
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1): `content_text` only, the summary as text too. */
export function jsonFeed(feed: FeedModel): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.link,
    feed_url: feed.jsonUrl,
    description: feed.description,
    language: feed.language,
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.link,
      title: item.title,
      ...(item.summary ? { summary: item.summary } : {}),
      content_text: item.summary ?? '',
      date_modified: item.updated.toISOString(),
      ...(item.published ? { date_published: item.published.toISOString() } : {}),
      tags: item.tags,
      // A JSON Feed extension (https://jsonfeed.org/version/1.1#extensions-a-name-extensions-a).
      ...(item.verification ? { _verification: { about: VERIFICATION_SCHEME, status: item.verification.status, verifiedAt: item.verification.verifiedAt, reviewBy: item.verification.reviewBy } } : {}),
    })),
  })
}
