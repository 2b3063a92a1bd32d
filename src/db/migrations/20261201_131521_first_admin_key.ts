import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`contributors\` ADD \`first_admin_key\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`contributors_first_admin_key_idx\` ON \`contributors\` (\`first_admin_key\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`contributors_first_admin_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`contributors\` DROP COLUMN \`first_admin_key\`;`)
}
