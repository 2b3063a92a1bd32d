/** One document a rich-text node names: a relationship or upload node, an internal link's `doc`. */
export type RichTextReference = { relationTo: string; id: string }

const idOf = (value: unknown) => String(value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value)

/**
 * Every `{ relationTo, value }` in rich text (or any stored value: every locale, any depth), in
 * document order; ids as strings (SQLite's numbers and MongoDB's ObjectIds alike). Walked with a
 * stack, not recursion: stored text may nest deeply. What a node may name: ./richText.ts.
 */
export function richTextReferences(value: unknown): RichTextReference[] {
  const found: RichTextReference[] = []
  const pending: unknown[] = [value]
  while (pending.length) {
    const item = pending.pop()
    if (!item || typeof item !== 'object') continue
    const children = Array.isArray(item) ? item : Object.values(item)
    if (!Array.isArray(item)) {
      const node = item as Record<string, unknown>
      if (typeof node.relationTo === 'string' && node.value !== undefined && node.value !== null) found.push({ relationTo: node.relationTo, id: idOf(node.value) })
    }
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i])
  }
  return found
}

/** Whether rich text links to or embeds document `id` of `collection`. */
export const namesDocument = (value: unknown, collection: string, id: string | number): boolean =>
  richTextReferences(value).some((ref) => ref.relationTo === collection && ref.id === String(id))
