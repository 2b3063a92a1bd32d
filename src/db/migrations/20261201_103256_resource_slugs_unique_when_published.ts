import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`resources_slug_idx\`;`)
  await db.run(sql`ALTER TABLE \`resources\` ADD \`published_slug\` text;`)
  // Every resource ever published holds its slug (unique until now, so no clash).
  await db.run(sql`UPDATE \`resources\` SET \`published_slug\` = \`slug\` WHERE \`_status\` = 'published' OR \`id\` IN (SELECT \`parent_id\` FROM \`_resources_v\` WHERE \`version__status\` = 'published');`)
  await db.run(sql`CREATE UNIQUE INDEX \`resources_published_slug_idx\` ON \`resources\` (\`published_slug\`);`)
  await db.run(sql`CREATE INDEX \`slug__status_updatedAt_createdAt_idx\` ON \`resources\` (\`slug\`,\`_status\`,\`updated_at\`,\`created_at\`);`)
  await db.run(sql`DROP INDEX \`_resources_v_version_version_slug_idx\`;`)
  await db.run(sql`ALTER TABLE \`_resources_v\` ADD \`version_published_slug\` text;`)
  await db.run(sql`CREATE INDEX \`_resources_v_version_version_published_slug_idx\` ON \`_resources_v\` (\`version_published_slug\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_3_idx\` ON \`_resources_v\` (\`version_slug\`,\`version__status\`,\`version_updated_at\`,\`version_created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`resources_published_slug_idx\`;`)
  await db.run(sql`DROP INDEX \`slug__status_updatedAt_createdAt_idx\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`resources_slug_idx\` ON \`resources\` (\`slug\`);`)
  await db.run(sql`ALTER TABLE \`resources\` DROP COLUMN \`published_slug\`;`)
  await db.run(sql`DROP INDEX \`_resources_v_version_version_published_slug_idx\`;`)
  await db.run(sql`DROP INDEX \`compound_index_3_idx\`;`)
  await db.run(sql`CREATE INDEX \`_resources_v_version_version_slug_idx\` ON \`_resources_v\` (\`version_slug\`);`)
  await db.run(sql`ALTER TABLE \`_resources_v\` DROP COLUMN \`version_published_slug\`;`)
}
