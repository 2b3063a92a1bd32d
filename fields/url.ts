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
