/**
 * The access matrix: who may call every route the app exposes. tests/security-routes.test.ts
 * enumerates the routes (REST, GraphQL, express) and fails on one that has no entry here, and
 * checks each collection's and global's access functions against the level stated here, so a
 * new route or a changed rule cannot ship without a decision. docs/SECURITY.md prints it.
 */

/**
 * Who may call, as the access functions answer for an anonymous caller, a pending sign-up, an
 * active contributor, an editor and an admin:
 * - `anyone`: everyone, all records;
 * - `public`: everyone, but a filtered set (published content), editors all;
 * - `signed-in`: any signed-in account, pending ones too (only for what concerns the account itself);
 * - `self`: any signed-in account (pending ones too) its own records; editors all or their share;
 * - `own`: active accounts their own records; editors all or their share;
 * - `active`: active accounts (pending and suspended ones count as nobody);
 * - `editors`, `admins`: active editors (and admins), admins only;
 * - `nobody`: no API caller; server code only (Local API with overrideAccess).
 */
export type Level = 'anyone' | 'public' | 'signed-in' | 'self' | 'own' | 'active' | 'editors' | 'admins' | 'nobody'

export type CollectionRules = {
  /** GraphQL type names Payload derives from the slug (checked: a mismatch leaves fields unmapped). */
  graphQL: { singular: string; plural: string }
  read: Level
  create: Level
  update: Level
  delete: Level
  /** Collections with versions. */
  readVersions?: Level
  /** Auth collections: lifting a lockout, and entering the admin panel. */
  unlock?: Level
  admin?: Level
  note?: string
}

export const collectionMatrix: Record<string, CollectionRules> = {
  resources: {
    graphQL: { singular: 'Resource', plural: 'Resources' },
    read: 'public', create: 'active', update: 'own', delete: 'own', readVersions: 'own',
    note: 'published to all; a contributor what they own now (edit in draft or changes requested; delete then too, if never published); editors all',
  },
  jurisdictions: { graphQL: { singular: 'Jurisdiction', plural: 'Jurisdictions' }, read: 'anyone', create: 'editors', update: 'editors', delete: 'editors' },
  organizations: { graphQL: { singular: 'Organization', plural: 'Organizations' }, read: 'anyone', create: 'editors', update: 'editors', delete: 'editors' },
  topics: { graphQL: { singular: 'Topic', plural: 'Topics' }, read: 'anyone', create: 'editors', update: 'editors', delete: 'editors' },
  provisions: { graphQL: { singular: 'Provision', plural: 'Provisions' }, read: 'anyone', create: 'editors', update: 'editors', delete: 'editors', note: 'the compare catalogue' },
  documents: {
    graphQL: { singular: 'Document', plural: 'Documents' },
    read: 'public', create: 'active', update: 'editors', delete: 'editors',
    note: 'a file is public only while a published resource links it; the uploader and editors read it always',
  },
  'review-events': { graphQL: { singular: 'ReviewEvent', plural: 'ReviewEvents' }, read: 'own', create: 'nobody', update: 'nobody', delete: 'nobody', note: 'written by the workflow only; a contributor reads those of the resources they own now' },
  webinars: {
    graphQL: { singular: 'Webinar', plural: 'Webinars' },
    read: 'public', create: 'editors', update: 'editors', delete: 'editors', readVersions: 'editors',
    note: 'published and not yet ended to all',
  },
  'webinar-registrations': {
    graphQL: { singular: 'WebinarRegistration', plural: 'WebinarRegistrations' },
    read: 'editors', create: 'nobody', update: 'nobody', delete: 'editors',
    note: 'created only through POST /api/webinars/:id/register; every read audited',
  },
  subscriptions: {
    graphQL: { singular: 'Subscription', plural: 'Subscriptions' },
    read: 'editors', create: 'nobody', update: 'nobody', delete: 'editors',
    note: 'created only through POST /api/subscriptions (double opt-in); every read audited in registration-audit',
  },
  reverifications: {
    graphQL: { singular: 'Reverification', plural: 'Reverifications' },
    read: 'editors', create: 'nobody', update: 'nobody', delete: 'nobody',
    note: 'the re-verification queue (published items only): editors and legal reviewers read it; written by the daily job and publishing',
  },
  'registration-audit': { graphQL: { singular: 'RegistrationAudit', plural: 'RegistrationAudits' }, read: 'editors', create: 'nobody', update: 'nobody', delete: 'nobody' },
  contributors: {
    graphQL: { singular: 'Contributor', plural: 'Contributors' },
    read: 'self', create: 'anyone', update: 'self', delete: 'admins', unlock: 'editors', admin: 'signed-in',
    note: 'sign-up creates a pending contributor whatever the body says (rate limited); editors update contributors (status only)',
  },
  'search-entries': {
    graphQL: { singular: 'SearchEntry', plural: 'SearchEntries' },
    read: 'nobody', create: 'nobody', update: 'nobody', delete: 'nobody',
    note: 'the search index: written by hooks, read by GET /api/search only (no GraphQL)',
  },
  webhooks: {
    graphQL: { singular: 'Webhook', plural: 'Webhooks' },
    read: 'editors', create: 'editors', update: 'editors', delete: 'editors',
    note: 'outgoing webhooks editors configure; the secret is readable by admins only',
  },
  'payload-kv': { graphQL: { singular: 'PayloadKv', plural: 'PayloadKvs' }, read: 'nobody', create: 'nobody', update: 'nobody', delete: 'nobody', note: "Payload's key-value store" },
  'payload-jobs': { graphQL: { singular: 'PayloadJob', plural: 'PayloadJobs' }, read: 'nobody', create: 'nobody', update: 'nobody', delete: 'nobody', note: "Payload's job queue" },
  'payload-locked-documents': {
    graphQL: { singular: 'PayloadLockedDocument', plural: 'PayloadLockedDocuments' },
    read: 'self', create: 'active', update: 'own', delete: 'own',
    note: 'admin-panel edit locks (src/security/internalAccess.ts narrows Payload\'s default): only in the caller\'s own name, on what they may edit (src/security/lockGuard.ts)',
  },
  'payload-preferences': {
    graphQL: { singular: 'PayloadPreference', plural: 'PayloadPreferences' },
    read: 'self', create: 'signed-in', update: 'self', delete: 'self',
    note: 'admin-panel preferences; Payload binds each record to its caller',
  },
  'payload-migrations': { graphQL: { singular: 'PayloadMigration', plural: 'PayloadMigrations' }, read: 'nobody', create: 'nobody', update: 'nobody', delete: 'nobody', note: 'no REST or GraphQL surface' },
}

export const globalMatrix: Record<string, { graphQL: string; read: Level; update: Level; readVersions?: Level }> = {
  'payload-jobs-stats': { graphQL: 'PayloadJobsStat', read: 'nobody', update: 'nobody' },
  'public-content-version': { graphQL: 'PublicContentVersion', read: 'nobody', update: 'nobody' },
}

/** Payload's default collection endpoints, by the operation whose access guards them. */
export const defaultCollectionRoutes: Record<string, keyof CollectionRules | 'caller'> = {
  'GET /': 'read',
  'GET /:id': 'read',
  'GET /count': 'read',
  'POST /': 'create',
  'POST /:id/duplicate': 'create',
  'PATCH /': 'update',
  'PATCH /:id': 'update',
  'DELETE /': 'delete',
  'DELETE /:id': 'delete',
  'GET /versions': 'readVersions',
  'GET /versions/:id': 'readVersions',
  'POST /versions/:id': 'update',
  // The caller's own permissions: reveals nothing the caller could not do.
  'POST /access/:id?': 'caller',
}

/**
 * Every other REST route under /api (paths as Payload matches them), the express-level routes,
 * and the GraphQL fields that are not a collection's or global's operation.
 */
export const otherRoutes: Record<string, string> = {
  // Auth (contributors)
  'POST /api/contributors': 'anyone: sign-up (rate limited per address; creates a pending contributor; the same answer when the address already has an account, whose owner is emailed instead)',
  'GET /api/contributors/confirm-email': 'holder of a signed, expiring email-change link (shows what would change; changes nothing)',
  'POST /api/contributors/confirm-email': 'holder of a signed, expiring email-change link (the new address replaces the old)',
  'POST /api/contributors/login': 'anyone (lockout after 5 failures, answers alike for unknown emails)',
  'POST /api/contributors/logout': 'anyone (ends the caller\'s own session)',
  'GET /api/contributors/me': 'anyone (the caller\'s own account, or null)',
  'POST /api/contributors/refresh-token': 'signed-in account (its own token)',
  'POST /api/contributors/forgot-password': 'anyone (rate limited; same answer for unknown emails)',
  'POST /api/contributors/reset-password': 'holder of a single-use reset token',
  'POST /api/contributors/first-register': 'anyone while no account exists; closed after',
  'GET /api/contributors/init': 'anyone (whether any account exists)',
  'POST /api/contributors/unlock': 'collection unlock access: editors',
  'POST /api/contributors/verify/:id': 'holder of a verification token (verification is off)',
  'GET /api/access': 'anyone (the caller\'s own permissions)',
  'GET /api/openapi.json': 'anyone (describes public collections only)',
  // Custom endpoints
  'POST /api/resources/:id/workflow': 'owner or editor, by the workflow machine (src/workflow/machine.ts)',
  'GET /api/resources/:id/workflow': 'owner or editor (the resource\'s review state)',
  'GET /api/resources/review-queue': 'editors (items they may read; "my region" by the jurisdiction scope rule)',
  'POST /api/resources/:id/verify': 'legal reviewers (any role, set by admins) within their jurisdictions, on published or in-review items (src/verification/signOff.ts)',
  'GET /api/resources/:id/publication-preview': 'owner or editor (what publishing the working copy would make public)',
  'GET /api/search': 'anyone (published resources only)',
  'GET /api/map': 'anyone (states, DC and territories: code, name, protection status)',
  'GET /api/jurisdictions/:code/toolkit': 'anyone (published resources only)',
  'GET /api/jurisdictions/:code/gaps': 'anyone (published resources only)',
  'GET /api/compare': 'anyone (published resources only)',
  'GET /api/compare.csv': 'anyone (published resources only)',
  'GET /api/feed.json': 'anyone (published resources only)',
  'GET /api/feed.xml': 'anyone (published resources only)',
  'POST /api/webhooks/:id/secret': 'editors (rotates and shows the secret once)',
  'POST /api/webinars/:id/register': 'anyone, for a published upcoming webinar (rate limited per address)',
  'GET /api/webinar-registrations/cancel': 'holder of the signed cancel link (shows a confirmation)',
  'POST /api/webinar-registrations/cancel': 'holder of the signed cancel link',
  'GET /api/webinar-registrations/export': 'editors (CSV; audited)',
  'POST /api/subscriptions': 'anyone (the same 202 for new, known and rate-limited addresses)',
  'GET /api/subscriptions/confirm': 'holder of the signed confirm link (shows a button)',
  'POST /api/subscriptions/confirm': 'holder of the signed confirm link',
  'GET /api/subscriptions/unsubscribe': 'holder of the signed unsubscribe link (shows a button)',
  'POST /api/subscriptions/unsubscribe': 'holder of the signed unsubscribe link (RFC 8058 one-click)',
  'GET /api/subscriptions/manage': 'holder of the signed manage link (the choices)',
  'POST /api/subscriptions/manage': 'holder of the signed manage link',
  'GET /api/documents/file/:filename': 'documents read access (public only while a published resource links the file)',
  'GET /api/documents/paste-url/:id?': 'nobody (upload by URL is off: pasteURL false)',
  'GET /api/payload-jobs/run': 'admins (jobs.access.run)',
  'GET /api/payload-jobs/handle-schedules': 'admins (jobs.access.run)',
  'GET /api/payload-preferences/:key': 'signed-in account (its own preference)',
  'POST /api/payload-preferences/:key': 'signed-in account (its own preference)',
  'DELETE /api/payload-preferences/:key': 'signed-in account (its own preference)',
  'POST /api/graphql': 'anyone; each field below as its collection or global rule',
  'GET /api/graphql-playground': 'anyone outside production (disabled in production)',
  // express
  'GET /healthz': 'anyone (liveness; no data)',
  'GET /readyz': 'anyone (readiness; database kind only)',
  'GET /metrics': 'METRICS_TOKEN bearer; without one: loopback only in development, 404 in production',
  'GET /': 'anyone (API pointer, or redirect to /admin)',
  'ALL /admin': "Payload's admin panel: collection `admin` access (signed-in accounts); renders nothing without a session",
  // GraphQL fields that are not a collection or global operation
  'graphql Access': 'anyone (the caller\'s own permissions)',
  'graphql meContributor': 'anyone (own account or null)',
  'graphql initializedContributor': 'anyone (whether any account exists)',
  // contributors: no GraphQL mutations at all (graphQL.disableMutations): accounts change over REST only.
}
