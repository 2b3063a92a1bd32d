import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`reverifications\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`resource_id\` integer NOT NULL,
  	\`reason\` text NOT NULL,
  	\`superseded_item_id\` integer,
  	\`review_by\` text,
  	\`queued_at\` text NOT NULL,
  	\`notified_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`resource_id\`) REFERENCES \`resources\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`superseded_item_id\`) REFERENCES \`resources\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`reverifications_resource_idx\` ON \`reverifications\` (\`resource_id\`);`)
  await db.run(sql`CREATE INDEX \`reverifications_reason_idx\` ON \`reverifications\` (\`reason\`);`)
  await db.run(sql`CREATE INDEX \`reverifications_superseded_item_idx\` ON \`reverifications\` (\`superseded_item_id\`);`)
  await db.run(sql`CREATE INDEX \`reverifications_queued_at_idx\` ON \`reverifications\` (\`queued_at\`);`)
  await db.run(sql`CREATE INDEX \`reverifications_notified_at_idx\` ON \`reverifications\` (\`notified_at\`);`)
  await db.run(sql`CREATE INDEX \`reverifications_updated_at_idx\` ON \`reverifications\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`reverifications_created_at_idx\` ON \`reverifications\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`reverifications_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`jurisdictions_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`reverifications\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`jurisdictions_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reverifications_rels_order_idx\` ON \`reverifications_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`reverifications_rels_parent_idx\` ON \`reverifications_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`reverifications_rels_path_idx\` ON \`reverifications_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`reverifications_rels_jurisdictions_id_idx\` ON \`reverifications_rels\` (\`jurisdictions_id\`);`)
  await db.run(sql`CREATE INDEX \`reverifications_rels_parent_order_idx\` ON \`reverifications_rels\` (\`parent_id\`,\`order\`);`)
  await db.run(sql`CREATE INDEX \`reverifications_rels_jurisdictions_id_not_null_idx\` ON \`reverifications_rels\` (\`jurisdictions_id\`) WHERE "jurisdictions_id" IS NOT NULL;`)
  await db.run(sql`ALTER TABLE \`resources\` ADD \`verification_verified_at\` text;`)
  await db.run(sql`ALTER TABLE \`resources\` ADD \`verification_review_by\` text;`)
  await db.run(sql`ALTER TABLE \`resources\` ADD \`verification_verified_by_id\` integer REFERENCES contributors(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`resources\` ADD \`verification_covers\` text;`)
  await db.run(sql`CREATE INDEX \`resources_verification_verification_verified_at_idx\` ON \`resources\` (\`verification_verified_at\`);`)
  await db.run(sql`CREATE INDEX \`resources_verification_verification_review_by_idx\` ON \`resources\` (\`verification_review_by\`);`)
  await db.run(sql`CREATE INDEX \`resources_verification_verification_verified_by_idx\` ON \`resources\` (\`verification_verified_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_resources_v\` ADD \`version_verification_verified_at\` text;`)
  await db.run(sql`ALTER TABLE \`_resources_v\` ADD \`version_verification_review_by\` text;`)
  await db.run(sql`ALTER TABLE \`_resources_v\` ADD \`version_verification_verified_by_id\` integer REFERENCES contributors(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_resources_v\` ADD \`version_verification_covers\` text;`)
  await db.run(sql`CREATE INDEX \`_resources_v_version_verification_version_verification_v_idx\` ON \`_resources_v\` (\`version_verification_verified_at\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_version_verification_version_verification_r_idx\` ON \`_resources_v\` (\`version_verification_review_by\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_version_verification_version_verification_1_idx\` ON \`_resources_v\` (\`version_verification_verified_by_id\`);`)
  await db.run(sql`ALTER TABLE \`review_events\` ADD \`review_by\` text;`)
  await db.run(sql`ALTER TABLE \`contributors\` ADD \`legal_reviewer\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`reverifications_id\` integer REFERENCES reverifications(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reverifications_id_idx\` ON \`payload_locked_documents_rels\` (\`reverifications_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reverifications_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`reverifications_id\`) WHERE "reverifications_id" IS NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`reverifications\`;`)
  await db.run(sql`DROP TABLE \`reverifications_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_resources\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`published_slug\` text,
  	\`category\` text,
  	\`section\` text,
  	\`issuer_type\` text,
  	\`issued_at\` text,
  	\`effective_at\` text,
  	\`bill_number\` text,
  	\`legislative_status\` text,
  	\`is_model\` integer DEFAULT false,
  	\`review_status\` text DEFAULT 'draft',
  	\`owner_id\` integer,
  	\`assignee_id\` integer,
  	\`published_at\` text,
  	\`publish_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`owner_id\`) REFERENCES \`contributors\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assignee_id\`) REFERENCES \`contributors\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_resources\`("id", "slug", "published_slug", "category", "section", "issuer_type", "issued_at", "effective_at", "bill_number", "legislative_status", "is_model", "review_status", "owner_id", "assignee_id", "published_at", "publish_at", "updated_at", "created_at", "_status") SELECT "id", "slug", "published_slug", "category", "section", "issuer_type", "issued_at", "effective_at", "bill_number", "legislative_status", "is_model", "review_status", "owner_id", "assignee_id", "published_at", "publish_at", "updated_at", "created_at", "_status" FROM \`resources\`;`)
  await db.run(sql`DROP TABLE \`resources\`;`)
  await db.run(sql`ALTER TABLE \`__new_resources\` RENAME TO \`resources\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`resources_published_slug_idx\` ON \`resources\` (\`published_slug\`);`)
  await db.run(sql`CREATE INDEX \`resources_category_idx\` ON \`resources\` (\`category\`);`)
  await db.run(sql`CREATE INDEX \`resources_section_idx\` ON \`resources\` (\`section\`);`)
  await db.run(sql`CREATE INDEX \`resources_issued_at_idx\` ON \`resources\` (\`issued_at\`);`)
  await db.run(sql`CREATE INDEX \`resources_legislative_status_idx\` ON \`resources\` (\`legislative_status\`);`)
  await db.run(sql`CREATE INDEX \`resources_is_model_idx\` ON \`resources\` (\`is_model\`);`)
  await db.run(sql`CREATE INDEX \`resources_review_status_idx\` ON \`resources\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`resources_owner_idx\` ON \`resources\` (\`owner_id\`);`)
  await db.run(sql`CREATE INDEX \`resources_assignee_idx\` ON \`resources\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`resources_published_at_idx\` ON \`resources\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`resources_updated_at_idx\` ON \`resources\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`resources_created_at_idx\` ON \`resources\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`resources__status_idx\` ON \`resources\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_updatedAt_createdAt_idx\` ON \`resources\` (\`_status\`,\`updated_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_issuedAt_createdAt_idx\` ON \`resources\` (\`_status\`,\`issued_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_createdAt_idx\` ON \`resources\` (\`_status\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`category__status_updatedAt_createdAt_idx\` ON \`resources\` (\`category\`,\`_status\`,\`updated_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`section__status_updatedAt_createdAt_idx\` ON \`resources\` (\`section\`,\`_status\`,\`updated_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`legislativeStatus__status_updatedAt_createdAt_idx\` ON \`resources\` (\`legislative_status\`,\`_status\`,\`updated_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`slug__status_updatedAt_createdAt_idx\` ON \`resources\` (\`slug\`,\`_status\`,\`updated_at\`,\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__resources_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_published_slug\` text,
  	\`version_category\` text,
  	\`version_section\` text,
  	\`version_issuer_type\` text,
  	\`version_issued_at\` text,
  	\`version_effective_at\` text,
  	\`version_bill_number\` text,
  	\`version_legislative_status\` text,
  	\`version_is_model\` integer DEFAULT false,
  	\`version_review_status\` text DEFAULT 'draft',
  	\`version_owner_id\` integer,
  	\`version_assignee_id\` integer,
  	\`version_published_at\` text,
  	\`version_publish_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`resources\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_owner_id\`) REFERENCES \`contributors\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_assignee_id\`) REFERENCES \`contributors\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__resources_v\`("id", "parent_id", "version_slug", "version_published_slug", "version_category", "version_section", "version_issuer_type", "version_issued_at", "version_effective_at", "version_bill_number", "version_legislative_status", "version_is_model", "version_review_status", "version_owner_id", "version_assignee_id", "version_published_at", "version_publish_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest") SELECT "id", "parent_id", "version_slug", "version_published_slug", "version_category", "version_section", "version_issuer_type", "version_issued_at", "version_effective_at", "version_bill_number", "version_legislative_status", "version_is_model", "version_review_status", "version_owner_id", "version_assignee_id", "version_published_at", "version_publish_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest" FROM \`_resources_v\`;`)
  await db.run(sql`DROP TABLE \`_resources_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__resources_v\` RENAME TO \`_resources_v\`;`)
  await db.run(sql`CREATE INDEX \`_resources_v_parent_idx\` ON \`_resources_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_version_version_published_slug_idx\` ON \`_resources_v\` (\`version_published_slug\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_version_version_category_idx\` ON \`_resources_v\` (\`version_category\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_version_version_section_idx\` ON \`_resources_v\` (\`version_section\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_version_version_issued_at_idx\` ON \`_resources_v\` (\`version_issued_at\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_version_version_legislative_status_idx\` ON \`_resources_v\` (\`version_legislative_status\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_version_version_is_model_idx\` ON \`_resources_v\` (\`version_is_model\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_version_version_review_status_idx\` ON \`_resources_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_version_version_owner_idx\` ON \`_resources_v\` (\`version_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_version_version_assignee_idx\` ON \`_resources_v\` (\`version_assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_version_version_published_at_idx\` ON \`_resources_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_version_version_updated_at_idx\` ON \`_resources_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_version_version_created_at_idx\` ON \`_resources_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_version_version__status_idx\` ON \`_resources_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_created_at_idx\` ON \`_resources_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_updated_at_idx\` ON \`_resources_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_snapshot_idx\` ON \`_resources_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_published_locale_idx\` ON \`_resources_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_resources_v_latest_idx\` ON \`_resources_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_updatedAt_version_createdAt_idx\` ON \`_resources_v\` (\`version__status\`,\`version_updated_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_issuedAt_version_createdAt_idx\` ON \`_resources_v\` (\`version__status\`,\`version_issued_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_version_createdAt_idx\` ON \`_resources_v\` (\`version__status\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_resources_v\` (\`version_category\`,\`version__status\`,\`version_updated_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_1_idx\` ON \`_resources_v\` (\`version_section\`,\`version__status\`,\`version_updated_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_2_idx\` ON \`_resources_v\` (\`version_legislative_status\`,\`version__status\`,\`version_updated_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_3_idx\` ON \`_resources_v\` (\`version_slug\`,\`version__status\`,\`version_updated_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`resources_id\` integer,
  	\`jurisdictions_id\` integer,
  	\`organizations_id\` integer,
  	\`topics_id\` integer,
  	\`provisions_id\` integer,
  	\`documents_id\` integer,
  	\`review_events_id\` integer,
  	\`webinars_id\` integer,
  	\`webinar_registrations_id\` integer,
  	\`subscriptions_id\` integer,
  	\`registration_audit_id\` integer,
  	\`contributors_id\` integer,
  	\`search_entries_id\` integer,
  	\`webhooks_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`resources_id\`) REFERENCES \`resources\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`jurisdictions_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organizations_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`provisions_id\`) REFERENCES \`provisions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`review_events_id\`) REFERENCES \`review_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webinars_id\`) REFERENCES \`webinars\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webinar_registrations_id\`) REFERENCES \`webinar_registrations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subscriptions_id\`) REFERENCES \`subscriptions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`registration_audit_id\`) REFERENCES \`registration_audit\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`contributors_id\`) REFERENCES \`contributors\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_entries_id\`) REFERENCES \`search_entries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhooks_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "resources_id", "jurisdictions_id", "organizations_id", "topics_id", "provisions_id", "documents_id", "review_events_id", "webinars_id", "webinar_registrations_id", "subscriptions_id", "registration_audit_id", "contributors_id", "search_entries_id", "webhooks_id") SELECT "id", "order", "parent_id", "path", "resources_id", "jurisdictions_id", "organizations_id", "topics_id", "provisions_id", "documents_id", "review_events_id", "webinars_id", "webinar_registrations_id", "subscriptions_id", "registration_audit_id", "contributors_id", "search_entries_id", "webhooks_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_resources_id_idx\` ON \`payload_locked_documents_rels\` (\`resources_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_jurisdictions_id_idx\` ON \`payload_locked_documents_rels\` (\`jurisdictions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organizations_id_idx\` ON \`payload_locked_documents_rels\` (\`organizations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_provisions_id_idx\` ON \`payload_locked_documents_rels\` (\`provisions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_review_events_id_idx\` ON \`payload_locked_documents_rels\` (\`review_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webinars_id_idx\` ON \`payload_locked_documents_rels\` (\`webinars_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webinar_registrations_id_idx\` ON \`payload_locked_documents_rels\` (\`webinar_registrations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscriptions_id_idx\` ON \`payload_locked_documents_rels\` (\`subscriptions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_registration_audit_id_idx\` ON \`payload_locked_documents_rels\` (\`registration_audit_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_contributors_id_idx\` ON \`payload_locked_documents_rels\` (\`contributors_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_entries_id_idx\` ON \`payload_locked_documents_rels\` (\`search_entries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhooks_id_idx\` ON \`payload_locked_documents_rels\` (\`webhooks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_order_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`,\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_resources_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`resources_id\`) WHERE "resources_id" IS NOT NULL;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_jurisdictions_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`jurisdictions_id\`) WHERE "jurisdictions_id" IS NOT NULL;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organizations_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`organizations_id\`) WHERE "organizations_id" IS NOT NULL;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`) WHERE "topics_id" IS NOT NULL;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_provisions_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`provisions_id\`) WHERE "provisions_id" IS NOT NULL;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_documents_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`documents_id\`) WHERE "documents_id" IS NOT NULL;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_review_events_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`review_events_id\`) WHERE "review_events_id" IS NOT NULL;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webinars_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`webinars_id\`) WHERE "webinars_id" IS NOT NULL;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webinar_registrations_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`webinar_registrations_id\`) WHERE "webinar_registrations_id" IS NOT NULL;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscriptions_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`subscriptions_id\`) WHERE "subscriptions_id" IS NOT NULL;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_registration_audit_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`registration_audit_id\`) WHERE "registration_audit_id" IS NOT NULL;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_contributors_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`contributors_id\`) WHERE "contributors_id" IS NOT NULL;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_entries_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`search_entries_id\`) WHERE "search_entries_id" IS NOT NULL;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhooks_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`webhooks_id\`) WHERE "webhooks_id" IS NOT NULL;`)
  await db.run(sql`ALTER TABLE \`review_events\` DROP COLUMN \`review_by\`;`)
  await db.run(sql`ALTER TABLE \`contributors\` DROP COLUMN \`legal_reviewer\`;`)
}
