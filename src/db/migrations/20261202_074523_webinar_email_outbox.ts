import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`webinar_registrations\` ADD \`email_owed\` text;`)
  await db.run(sql`ALTER TABLE \`webinar_registrations\` ADD \`email_owed_since\` text;`)
  await db.run(sql`CREATE INDEX \`webinar_registrations_email_owed_since_idx\` ON \`webinar_registrations\` (\`email_owed_since\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`webinar_registrations_email_owed_since_idx\`;`)
  await db.run(sql`ALTER TABLE \`webinar_registrations\` DROP COLUMN \`email_owed\`;`)
  await db.run(sql`ALTER TABLE \`webinar_registrations\` DROP COLUMN \`email_owed_since\`;`)
}
