import type { CollectionConfig } from 'payload'
import { editors } from '../../access/editors'
import { publishedOrEditor } from '../../access/publishedOrEditor'

/**
 * Interim rules until the editorial workflow (issue 4) replaces this file with its roles,
 * ownership and review states: the public reads published resources, editors do everything.
 */
export const resourceAccess: CollectionConfig['access'] = {
  read: publishedOrEditor,
  readVersions: editors,
  create: editors,
  update: editors,
  delete: editors,
}
