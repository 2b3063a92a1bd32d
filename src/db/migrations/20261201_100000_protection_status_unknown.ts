import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

// Data only: "not researched yet" became a status of its own (`unknown`) instead of an empty one.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`UPDATE \`jurisdictions\` SET \`protection_status\` = 'unknown' WHERE \`protection_status\` IS NULL;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`UPDATE \`jurisdictions\` SET \`protection_status\` = NULL WHERE \`protection_status\` = 'unknown';`)
}
