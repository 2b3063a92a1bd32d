import { s3Storage } from '@payloadcms/storage-s3'
import type { CollectionConfig, Plugin } from 'payload'
import type { Settings } from '../settings'

/** Upload collections keep their files under UPLOAD_DIR/<collection> when stored on local disk. */
export function withUploadDir(collections: CollectionConfig[], uploadDir: string): CollectionConfig[] {
  return collections.map((collection) =>
    collection.upload
      ? {
          ...collection,
          upload: { ...(collection.upload === true ? {} : collection.upload), staticDir: `${uploadDir}/${collection.slug}` },
        }
      : collection,
  )
}

/**
 * S3-compatible storage for uploads when S3_BUCKET is set (any number of app instances share it);
 * local disk otherwise. The plugin is always registered, so the schema (its `prefix` field) is the
 * same either way and switching storage needs no migration.
 */
export function uploadStorage(s3: Settings['s3']): Plugin {
  return s3Storage({
    enabled: Boolean(s3),
    alwaysInsertFields: true,
    collections: { documents: true },
    bucket: s3?.bucket ?? 'local-disk',
    config: {
      region: s3?.region,
      endpoint: s3?.endpoint,
      credentials: s3?.credentials,
      forcePathStyle: s3?.forcePathStyle,
    },
  })
}
