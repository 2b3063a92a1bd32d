import { decodeHTML } from 'entities'

/** Only web links: no javascript:, data:, file: or mailto: in content that frontends render as <a href>. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

export const validateHttpUrl = (value: string | null | undefined): true | string => {
  if (value === null || value === undefined || value === '') return true
  return isHttpUrl(value) || 'Enter a full web address starting with http:// or https://.'
}

// What browsers drop from a URL before reading its scheme (C0 controls, spaces at the ends, tabs and
// newlines anywhere), plus the invisible characters an editor would not notice.
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g
const LINK_SCHEMES = new Set(['http', 'https', 'mailto'])

/**
 * A link a document may hold (rich-text links, autolinks, any URL in a node): http(s), mailto, or
 * relative. Read as a browser would: HTML entities decoded (also twice-encoded, `&amp;#106;`),
 * then control and invisible characters dropped and the scheme compared case-insensitively, so
 * `&#106;avascript:`, `java\tscript:`, ` JaVaScRiPt:`, `vbscript:` and `data:` are all refused.
 */
export function isSafeLink(value: string): boolean {
  let text = value
  for (let i = 0; i < 3; i++) {
    const decoded = decodeHTML(text)
    if (decoded === text) break
    text = decoded
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(text.replace(IGNORED_IN_SCHEME, '').toLowerCase())
  return !scheme || LINK_SCHEMES.has(scheme[1]!)
}

export const UNSAFE_LINK_MESSAGE = 'Links may only be http://, https://, mailto: or relative addresses'
