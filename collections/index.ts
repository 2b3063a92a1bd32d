import type { CollectionConfig } from 'payload'
import { Contributors } from './Contributors'
import { Documents } from './Documents'
import { Jurisdictions } from './Jurisdictions'
import { Organizations } from './Organizations'
import { Provisions } from './Provisions'
import { RegistrationAudit } from './RegistrationAudit'
import { Resources } from './Resources'
import { Subscriptions } from './Subscriptions'
import { ReviewEvents } from './ReviewEvents'
import { Reverifications } from './Reverifications'
import { SearchEntries } from './SearchEntries'
import { Topics } from './Topics'
import { WebinarRegistrations } from './WebinarRegistrations'
import { Webinars } from './Webinars'
import { Webhooks } from './Webhooks'

/** Every collection, in the order the admin panel lists them. */
export const collections: CollectionConfig[] = [
  Resources,
  Jurisdictions,
  Organizations,
  Topics,
  Provisions,
  Documents,
  ReviewEvents,
  Reverifications,
  Webinars,
  WebinarRegistrations,
  Subscriptions,
  RegistrationAudit,
  Contributors,
  SearchEntries,
  Webhooks,
]
