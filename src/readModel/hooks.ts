import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Plugin } from 'payload'
import { WATCHED } from './dependencies'
import type { ReadModel } from './index'

/** Hooks on resources and on what they name: each write marks what it affects for rendering after its commit. */
export const renderReadModelOnWrite =
  (model: ReadModel): Plugin =>
  (config) => {
    const changed: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
      await model.touch(req, collection.slug, doc.id)
      return doc
    }
    const deleted: CollectionAfterDeleteHook = async ({ collection, doc, id, req }) => {
      await model.touch(req, collection.slug, doc?.id ?? id)
      return doc
    }
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) =>
        WATCHED.includes(collection.slug)
          ? {
              ...collection,
              hooks: {
                ...collection.hooks,
                afterChange: [...(collection.hooks?.afterChange ?? []), changed],
                afterDelete: [...(collection.hooks?.afterDelete ?? []), deleted],
              },
            }
          : collection,
      ),
    }
  }
