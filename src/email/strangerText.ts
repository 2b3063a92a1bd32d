/**
 * Text that someone other than us wrote (a name, a title, a note), made inert before it goes
 * into an email from the toolkit's address: on one line where a line is expected, quoted where
 * it may span lines, and with nothing a mail client would turn into a live link (schemes,
 * www., domain names and addresses are "defanged": example[.]org, https[:]//, name[at]host).
 * HTML parts escape it on top (see toHtml in src/webinars/emails.ts). Input checks
 * (fields/plainText.ts) refuse most of this already; this covers what is stored and what those
 * checks allow (titles, notes, organizations).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu

function defang(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*):(?=\/\/)/gi, '$1[:]')
    .replace(/\b(javascript|data|vbscript|mailto|tel|https?):/gi, '$1[:]')
    .replace(/([\p{L}\p{N}-])\.(?=\p{L})/gu, '$1[.]')
    .replace(/@/g, '[at]')
}

/** One line: line breaks and control characters become single spaces. */
export function inertLine(text: unknown): string {
  return defang(String(text ?? '').replace(CONTROL, ' ').replace(/\s{2,}/g, ' ').trim())
}

/** Several lines, each quoted ("> "), so that none can pass for our own words. */
export function inertBlock(text: unknown): string[] {
  return String(text ?? '')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => `> ${inertLine(line)}`)
}
