import type { DefaultServerCellComponentProps } from 'payload'

/**
 * The list view's title cell for resources. Payload's list reads each row in the panel's content
 * language without fallback, so an item written in Spanish only showed "<No Title>" in the English
 * list: this shows the title of the other language instead, marked with its code ("(ES)").
 * The row is one the reader's list query returned (their access applied), so only its title is read here.
 */
export async function TitleCell({ cellData, rowData, payload, collectionSlug, i18n }: DefaultServerCellComponentProps) {
  let title = typeof cellData === 'string' && cellData.trim() ? cellData : undefined
  let from: string | undefined
  if (!title && rowData?.id !== undefined && payload.config.localization) {
    for (const locale of payload.config.localization.localeCodes) {
      const doc = (await payload.findByID({
        collection: collectionSlug as 'resources',
        id: rowData.id as string,
        draft: true,
        depth: 0,
        locale: locale as 'en',
        fallbackLocale: false as never,
        select: { title: true },
        overrideAccess: true,
        disableErrors: true,
      })) as { title?: string | null } | null
      if (doc?.title) {
        title = doc.title
        from = locale
        break
      }
    }
  }
  return (
    <a href={`${payload.config.routes.admin}/collections/${collectionSlug}/${encodeURIComponent(String(rowData?.id))}`} className="title-cell">
      {title ?? `[${i18n.t('general:untitled')}]`}
      {from ? <span className="title-cell__language"> ({from.toUpperCase()})</span> : null}
    </a>
  )
}
