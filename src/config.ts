import path from 'node:path'
import { en } from '@payloadcms/translations/languages/en'
import { es } from '@payloadcms/translations/languages/es'
import { buildConfig, type Payload, type SanitizedConfig } from 'payload'
import type { DestinationStream } from 'pino'
import { collections } from '../collections'
import { richTextEditor } from '../fields/richText'
import { movePublicContentVersion } from './cache/publicContentWrites'
import { readModel, renderReadModelOnWrite } from './readModel'
import { databaseAdapter, migrateSqlite, tuneSqlite } from './db/database'
import { compareCsvEndpoint, compareEndpoint } from './compare/endpoints'
import { mapEndpoint } from './endpoints/map'
import { searchEndpoint } from './endpoints/search'
import { emailAdapter, heldMail } from './email/adapter'
import { feedEndpoints } from './feeds'
import { maxQueryDepth } from './graphql/depthLimit'
import { maxQueryCost } from './graphql/queryCost'
import { hideAccountLock } from './hooks/hideAccountLock'
import { writeConflictAs409 } from './hooks/writeConflictAs409'
import { jobsConfig } from './jobs'
import { claimJobsAtomically } from './jobs/atomicClaim'
import { loggerOptions } from './settings/logging'
import { adminPanel } from './admin/plugin'
import { apiGuards } from './plugins/apiGuards'
import { cookiePolicy } from './plugins/cookiePolicy'
import { safeLinks } from './plugins/safeLinks'
import { openApiDocument } from './plugins/openApiDocument'
import { createFts } from './search/sqliteFts'
import { ensureWordsIndex } from './search/mongoWords'
import { reindexIfStale } from './search/sync'
import { closeInternalAccess } from './security/internalAccess'
import { lockOnlyWhatHolderMayEdit } from './security/panelLocks'
import { guardRelationTargets } from './security/relationTargets'
import { applyDataDepthLimit } from './security/dataDepth'
import { applyLinkChecks } from './security/linkedDocuments'
import { applyStorableValueChecks } from './security/storableValues'
import { applyQueryRules } from './security/queryRules'
import { applyStatusFilter } from './verification/statusQuery'
import { closeMissingVersionRoutes } from './security/versionRoutes'
import { projectRoot } from './settings/paths'
import type { Settings } from './settings'
import { uploadStorage, withUploadDir } from './plugins/storage'

// Not import.meta.url: the production server runs from a bundle in dist/ (scripts/build-server.mjs).
const dirname = path.join(projectRoot, 'src')

/** What the running server plugs into the config: where logs go, and what counts failed emails. */
export type ConfigHooks = {
  /** A pino destination (tests capture log lines with it); stdout when unset. */
  logDestination?: { write: (line: string) => unknown }
  onEmailFailure?: () => void
}

/** The Payload config for given settings; tests build one per temporary database. */
export async function createConfig(settings: Settings, hooks: ConfigHooks = {}): Promise<SanitizedConfig> {
  let payload: Payload | undefined
  const origins = [settings.serverUrl, ...settings.corsOrigins]
  const config = await buildConfig({
    secret: settings.secret,
    serverURL: settings.serverUrl,
    cors: origins,
    csrf: origins,
    debug: settings.debug,
    logger: { options: loggerOptions(settings.logLevel), destination: hooks.logDestination },
    telemetry: false,
    db: await databaseAdapter(settings.database, { production: settings.production, transactionLimitMs: settings.sqliteTransactionLimitSeconds * 1000 }),
    editor: richTextEditor(),
    email: emailAdapter(settings, heldMail, () => payload?.logger, hooks.onEmailFailure),
    // A copy (withUploadDir maps): Payload's sanitizer adds its own collections to the array it is given.
    collections: withUploadDir(collections, settings.uploadDir),
    plugins: [
      uploadStorage(settings.s3),
      apiGuards,
      safeLinks,
      cookiePolicy(settings.production),
      movePublicContentVersion,
      renderReadModelOnWrite(readModel),
      openApiDocument(),
      adminPanel,
    ],
    hooks: { afterError: [hideAccountLock, writeConflictAs409] },
    // A query a client got wrong is a 400, not a server error: logged as a message only.
    loggingLevels: { QueryError: 'info' },
    endpoints: [searchEndpoint, mapEndpoint, compareEndpoint, compareCsvEndpoint, ...feedEndpoints],
    custom: {
      webhooks: { allowPrivateUrls: settings.webhookAllowPrivateUrls },
      workflow: { notifyQuietMinutes: settings.workflowNotifyQuietMinutes },
      links: { publicSiteUrl: settings.publicSiteUrl, site: settings.site },
    },
    // depth=99 is clamped to this: deeper graphs are what `depth` abuse is after.
    maxDepth: 5,
    jobs: jobsConfig(settings),
    admin: {
      user: 'contributors',
      // Payload's default is Gravatar: every page would send a hash of the user's email to a third
      // party. A local icon instead (and the admin's CSP allows no third-party images).
      avatar: 'default',
      meta: { titleSuffix: ' · ICE Out of Courts Campaign Toolkit' },
      importMap: { baseDir: dirname },
    },
    localization: {
      // Either language may be the only one an item has: each falls back to the other (both ways),
      // in every read that names no fallbackLocale (REST, GraphQL, the panel, emails, feeds, search).
      // Lists naming both: GraphQL's `locale:` argument keeps the fallback of the request's locale,
      // and Payload skips a fallback equal to the locale read, but walks a list for the first value.
      locales: [
        { code: 'en', label: 'English', fallbackLocale: ['es', 'en'] },
        { code: 'es', label: 'Español', fallbackLocale: ['en', 'es'] },
      ],
      defaultLocale: 'en',
      fallback: true,
    },
    i18n: { supportedLanguages: { en, es }, fallbackLanguage: 'en' },
    // maxComplexity adds up the fields asked for (aliases included); the depth limit stops deep nesting,
    // which complexity barely sees; the cost rule counts the documents a query may read, lists
    // multiplied by their page size (docs/API.md, "GraphQL").
    graphQL: {
      maxComplexity: 1000,
      validationRules: (args) => [maxQueryDepth(8), maxQueryCost(args.variableValues as Record<string, unknown> | undefined)],
      disablePlaygroundInProduction: true,
    },
    upload: {
      limits: { fileSize: settings.uploadLimitBytes },
      abortOnLimit: true,
      responseOnLimit: `file: the file is larger than the upload limit of ${formatBytes(settings.uploadLimitBytes)}.`,
    },
    // Types are generated by `npm run generate:types` (checked in CI), not by a child process at every start.
    typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: false },
    onInit: async (instance) => {
      payload = instance
      claimJobsAtomically(instance)
      lockOnlyWhatHolderMayEdit(instance)
      await migrateSqlite(instance, settings)
      await createFts(instance)
      await ensureWordsIndex(instance)
      await reindexIfStale(instance)
      await tuneSqlite(instance) // after the migrations: they may add tables
    },
  })
  // On the sanitized config, so that Payload's own collections get them too.
  // applyStatusFilter after applyQueryRules: the verification status filter is rewritten before the rules check it.
  return guardRelationTargets(closeMissingVersionRoutes(applyDataDepthLimit(applyLinkChecks(applyStorableValueChecks(applyStatusFilter(applyQueryRules(closeInternalAccess(config))))))))
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`
}
