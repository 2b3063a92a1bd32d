import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`review_events\` ADD \`emailed\` integer DEFAULT false;`)
  await mirrorOwners(db)
}

/**
 * One owner per resource (collections/Resources/ownership.ts): a reassignment saved before the
 * main document mirrored the working copy's owner left the former owner on it. Repairs those.
 */
export async function mirrorOwners(db: MigrateUpArgs['db']): Promise<void> {
  await db.run(sql`UPDATE \`resources\` SET \`owner_id\` = (
    SELECT v.\`version_owner_id\` FROM \`_resources_v\` v WHERE v.\`parent_id\` = \`resources\`.\`id\` AND v.\`latest\` = 1 ORDER BY v.\`updated_at\` DESC LIMIT 1
  ) WHERE EXISTS (
    SELECT 1 FROM \`_resources_v\` v WHERE v.\`parent_id\` = \`resources\`.\`id\` AND v.\`latest\` = 1 AND v.\`version_owner_id\` IS NOT \`resources\`.\`owner_id\`
  );`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // The owner repair is not undone: the former owners were stale.
  await db.run(sql`ALTER TABLE \`review_events\` DROP COLUMN \`emailed\`;`)
}
