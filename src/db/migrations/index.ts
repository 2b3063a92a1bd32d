import * as migration_20261127_211332_initial from './20261127_211332_initial';
import * as migration_20261127_221909_read_path_indexes from './20261127_221909_read_path_indexes';
import * as migration_20261201_100000_protection_status_unknown from './20261201_100000_protection_status_unknown';
import * as migration_20261201_101258_pending_email from './20261201_101258_pending_email';
import * as migration_20261201_101343_document_original_filename from './20261201_101343_document_original_filename';
import * as migration_20261201_102345_review_event_emailed_owner_mirror from './20261201_102345_review_event_emailed_owner_mirror';
import * as migration_20261201_103256_resource_slugs_unique_when_published from './20261201_103256_resource_slugs_unique_when_published';
import * as migration_20261201_105030_provisions_compare from './20261201_105030_provisions_compare';
import * as migration_20261201_110614_subscriptions from './20261201_110614_subscriptions';
import * as migration_20261201_124340_search_words from './20261201_124340_search_words';
import * as migration_20261201_124739_public_content_version from './20261201_124739_public_content_version';
import * as migration_20261201_124753_legal_signoff from './20261201_124753_legal_signoff';
import * as migration_20261201_125552_contributor_preferred_language from './20261201_125552_contributor_preferred_language';
import * as migration_20261201_131521_first_admin_key from './20261201_131521_first_admin_key';
import * as migration_20261201_152812_review_event_by_optional from './20261201_152812_review_event_by_optional';
import * as migration_20261202_074523_webinar_email_outbox from './20261202_074523_webinar_email_outbox';

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
    up: migration_20261201_100000_protection_status_unknown.up,
    down: migration_20261201_100000_protection_status_unknown.down,
    name: '20261201_100000_protection_status_unknown',
  },
  {
    up: migration_20261201_101258_pending_email.up,
    down: migration_20261201_101258_pending_email.down,
    name: '20261201_101258_pending_email',
  },
  {
    up: migration_20261201_101343_document_original_filename.up,
    down: migration_20261201_101343_document_original_filename.down,
    name: '20261201_101343_document_original_filename',
  },
  {
    up: migration_20261201_102345_review_event_emailed_owner_mirror.up,
    down: migration_20261201_102345_review_event_emailed_owner_mirror.down,
    name: '20261201_102345_review_event_emailed_owner_mirror',
  },
  {
    up: migration_20261201_103256_resource_slugs_unique_when_published.up,
    down: migration_20261201_103256_resource_slugs_unique_when_published.down,
    name: '20261201_103256_resource_slugs_unique_when_published',
  },
  {
    up: migration_20261201_105030_provisions_compare.up,
    down: migration_20261201_105030_provisions_compare.down,
    name: '20261201_105030_provisions_compare',
  },
  {
    up: migration_20261201_110614_subscriptions.up,
    down: migration_20261201_110614_subscriptions.down,
    name: '20261201_110614_subscriptions',
  },
  {
    up: migration_20261201_124340_search_words.up,
    down: migration_20261201_124340_search_words.down,
    name: '20261201_124340_search_words',
  },
  {
    up: migration_20261201_124739_public_content_version.up,
    down: migration_20261201_124739_public_content_version.down,
    name: '20261201_124739_public_content_version',
  },
  {
    up: migration_20261201_124753_legal_signoff.up,
    down: migration_20261201_124753_legal_signoff.down,
    name: '20261201_124753_legal_signoff',
  },
  {
    up: migration_20261201_125552_contributor_preferred_language.up,
    down: migration_20261201_125552_contributor_preferred_language.down,
    name: '20261201_125552_contributor_preferred_language',
  },
  {
    up: migration_20261201_131521_first_admin_key.up,
    down: migration_20261201_131521_first_admin_key.down,
    name: '20261201_131521_first_admin_key',
  },
  {
    up: migration_20261201_152812_review_event_by_optional.up,
    down: migration_20261201_152812_review_event_by_optional.down,
    name: '20261201_152812_review_event_by_optional',
  },
  {
    up: migration_20261202_074523_webinar_email_outbox.up,
    down: migration_20261202_074523_webinar_email_outbox.down,
    name: '20261202_074523_webinar_email_outbox'
  },
];
