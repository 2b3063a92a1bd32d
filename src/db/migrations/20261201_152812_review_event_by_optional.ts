import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_review_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`resource_id\` integer NOT NULL,
  	\`resource_owner_id\` integer,
  	\`action\` text NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`by_id\` integer,
  	\`note\` text,
  	\`checklist\` text,
  	\`at\` text NOT NULL,
  	\`review_by\` text,
  	\`emailed\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`resource_id\`) REFERENCES \`resources\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`resource_owner_id\`) REFERENCES \`contributors\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`contributors\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_review_events\`("id", "resource_id", "resource_owner_id", "action", "from", "to", "by_id", "note", "checklist", "at", "review_by", "emailed", "updated_at", "created_at") SELECT "id", "resource_id", "resource_owner_id", "action", "from", "to", "by_id", "note", "checklist", "at", "review_by", "emailed", "updated_at", "created_at" FROM \`review_events\`;`)
  await db.run(sql`DROP TABLE \`review_events\`;`)
  await db.run(sql`ALTER TABLE \`__new_review_events\` RENAME TO \`review_events\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`review_events_resource_idx\` ON \`review_events\` (\`resource_id\`);`)
  await db.run(sql`CREATE INDEX \`review_events_resource_owner_idx\` ON \`review_events\` (\`resource_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`review_events_by_idx\` ON \`review_events\` (\`by_id\`);`)
  await db.run(sql`CREATE INDEX \`review_events_at_idx\` ON \`review_events\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`review_events_updated_at_idx\` ON \`review_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`review_events_created_at_idx\` ON \`review_events\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // Events of deleted accounts have no `by` to put back: going down would lose them.
  const orphaned = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM \`review_events\` WHERE \`by_id\` IS NULL;`)
  if (orphaned && orphaned.n > 0) throw new Error(`${orphaned.n} review events belong to deleted accounts: review_events.by cannot be made required again without losing them.`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_review_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`resource_id\` integer NOT NULL,
  	\`resource_owner_id\` integer,
  	\`action\` text NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`by_id\` integer NOT NULL,
  	\`note\` text,
  	\`checklist\` text,
  	\`at\` text NOT NULL,
  	\`review_by\` text,
  	\`emailed\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`resource_id\`) REFERENCES \`resources\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`resource_owner_id\`) REFERENCES \`contributors\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`contributors\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_review_events\`("id", "resource_id", "resource_owner_id", "action", "from", "to", "by_id", "note", "checklist", "at", "review_by", "emailed", "updated_at", "created_at") SELECT "id", "resource_id", "resource_owner_id", "action", "from", "to", "by_id", "note", "checklist", "at", "review_by", "emailed", "updated_at", "created_at" FROM \`review_events\`;`)
  await db.run(sql`DROP TABLE \`review_events\`;`)
  await db.run(sql`ALTER TABLE \`__new_review_events\` RENAME TO \`review_events\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`review_events_resource_idx\` ON \`review_events\` (\`resource_id\`);`)
  await db.run(sql`CREATE INDEX \`review_events_resource_owner_idx\` ON \`review_events\` (\`resource_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`review_events_by_idx\` ON \`review_events\` (\`by_id\`);`)
  await db.run(sql`CREATE INDEX \`review_events_at_idx\` ON \`review_events\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`review_events_updated_at_idx\` ON \`review_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`review_events_created_at_idx\` ON \`review_events\` (\`created_at\`);`)
}
