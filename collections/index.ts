import type { CollectionConfig } from 'payload'
import { Contributors } from './Contributors'
import { Jurisdictions } from './Jurisdictions'
import { RegistrationAudit } from './RegistrationAudit'
import { Resources } from './Resources'
import { ReviewEvents } from './ReviewEvents'
import { Topics } from './Topics'
import { WebinarRegistrations } from './WebinarRegistrations'
import { Webinars } from './Webinars'

/** Every collection, in the order the admin panel lists them. */
export const collections: CollectionConfig[] = [
  Resources,
  Jurisdictions, // placeholder: the content-model branch has the real one
  Topics,
  ReviewEvents,
  Webinars,
  WebinarRegistrations,
  RegistrationAudit,
  Contributors,
]
