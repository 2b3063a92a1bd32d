/** Key order aside, the same JSON: how the read model's answers are compared with Payload's. */
export function normalised(text: string): string {
  const sort = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sort)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, sort((value as Record<string, unknown>)[key])]))
        : value
  return JSON.stringify(sort(JSON.parse(text)))
}
