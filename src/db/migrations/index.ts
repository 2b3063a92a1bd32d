import * as migration_20261127_211332_initial from './20261127_211332_initial';
import * as migration_20261127_221909_read_path_indexes from './20261127_221909_read_path_indexes';
import * as migration_20261201_101343_document_original_filename from './20261201_101343_document_original_filename';
import * as migration_20261201_103256_resource_slugs_unique_when_published from './20261201_103256_resource_slugs_unique_when_published';

export const migrations = [
  {
    up: migration_20261127_211332_initial.up,
    down: migration_20261127_211332_initial.down,
    name: '20261127_211332_initial',
  },
  {
    up: migration_20261127_221909_read_path_indexes.up,
    down: migration_20261127_221909_read_path_indexes.down,
    name: '20261127_221909_read_path_indexes',
  },
  {
    up: migration_20261201_101343_document_original_filename.up,
    down: migration_20261201_101343_document_original_filename.down,
    name: '20261201_101343_document_original_filename',
  },
  {
    up: migration_20261201_103256_resource_slugs_unique_when_published.up,
    down: migration_20261201_103256_resource_slugs_unique_when_published.down,
    name: '20261201_103256_resource_slugs_unique_when_published'
  },
];
