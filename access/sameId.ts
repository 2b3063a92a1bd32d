/** Compares ids that may be numbers (SQLite) or strings (MongoDB), or populated documents. */
export function sameId(a: unknown, b: unknown): boolean {
  const id = (v: unknown) => (v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v)
  const x = id(a)
  const y = id(b)
  return x !== undefined && x !== null && y !== undefined && y !== null && String(x) === String(y)
}
