import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`subscriptions_categories\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`subscriptions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`subscriptions_categories_order_idx\` ON \`subscriptions_categories\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`subscriptions_categories_parent_idx\` ON \`subscriptions_categories\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`subscriptions_categories_parent_order_idx\` ON \`subscriptions_categories\` (\`parent_id\`,\`order\`);`)
  await db.run(sql`CREATE TABLE \`subscriptions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`email\` text NOT NULL,
  	\`frequency\` text NOT NULL,
  	\`language\` text DEFAULT 'en' NOT NULL,
  	\`confirmed_at\` text,
  	\`alerted_through\` text,
  	\`subscription_key\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`subscriptions_confirmed_at_idx\` ON \`subscriptions\` (\`confirmed_at\`);`)
  await db.run(sql`CREATE INDEX \`subscriptions_alerted_through_idx\` ON \`subscriptions\` (\`alerted_through\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`subscriptions_subscription_key_idx\` ON \`subscriptions\` (\`subscription_key\`);`)
  await db.run(sql`CREATE INDEX \`subscriptions_updated_at_idx\` ON \`subscriptions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`subscriptions_created_at_idx\` ON \`subscriptions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`subscriptions_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`jurisdictions_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`subscriptions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`jurisdictions_id\`) REFERENCES \`jurisdictions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`subscriptions_rels_order_idx\` ON \`subscriptions_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`subscriptions_rels_parent_idx\` ON \`subscriptions_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`subscriptions_rels_path_idx\` ON \`subscriptions_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`subscriptions_rels_jurisdictions_id_idx\` ON \`subscriptions_rels\` (\`jurisdictions_id\`);`)
  await db.run(sql`CREATE INDEX \`subscriptions_rels_parent_order_idx\` ON \`subscriptions_rels\` (\`parent_id\`,\`order\`);`)
  await db.run(sql`CREATE INDEX \`subscriptions_rels_jurisdictions_id_not_null_idx\` ON \`subscriptions_rels\` (\`jurisdictions_id\`) WHERE "jurisdictions_id" IS NOT NULL;`)
  await db.run(sql`ALTER TABLE \`registration_audit\` ADD \`list\` text DEFAULT 'webinar-registrations' NOT NULL;`)
  await db.run(sql`CREATE INDEX \`registration_audit_list_idx\` ON \`registration_audit\` (\`list\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`subscriptions_id\` integer REFERENCES subscriptions(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscriptions_id_idx\` ON \`payload_locked_documents_rels\` (\`subscriptions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscriptions_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`subscriptions_id\`) WHERE "subscriptions_id" IS NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`subscriptions_categories\`;`)
  await db.run(sql`DROP TABLE \`subscriptions\`;`)
  await db.run(sql`DROP TABLE \`subscriptions_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
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
  	FOREIGN KEY (\`registration_audit_id\`) REFERENCES \`registration_audit\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`contributors_id\`) REFERENCES \`contributors\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_entries_id\`) REFERENCES \`search_entries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhooks_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "resources_id", "jurisdictions_id", "organizations_id", "topics_id", "provisions_id", "documents_id", "review_events_id", "webinars_id", "webinar_registrations_id", "registration_audit_id", "contributors_id", "search_entries_id", "webhooks_id") SELECT "id", "order", "parent_id", "path", "resources_id", "jurisdictions_id", "organizations_id", "topics_id", "provisions_id", "documents_id", "review_events_id", "webinars_id", "webinar_registrations_id", "registration_audit_id", "contributors_id", "search_entries_id", "webhooks_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_registration_audit_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`registration_audit_id\`) WHERE "registration_audit_id" IS NOT NULL;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_contributors_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`contributors_id\`) WHERE "contributors_id" IS NOT NULL;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_entries_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`search_entries_id\`) WHERE "search_entries_id" IS NOT NULL;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhooks_id_not_null_idx\` ON \`payload_locked_documents_rels\` (\`webhooks_id\`) WHERE "webhooks_id" IS NOT NULL;`)
  await db.run(sql`DROP INDEX \`registration_audit_list_idx\`;`)
  await db.run(sql`ALTER TABLE \`registration_audit\` DROP COLUMN \`list\`;`)
}
