import type { CollectionConfig } from 'payload'
import { Contributors } from './Contributors'
import { Jurisdictions } from './Jurisdictions'
import { RegistrationAudit } from './RegistrationAudit'
import { Topics } from './Topics'
import { WebinarRegistrations } from './WebinarRegistrations'
import { Webinars } from './Webinars'

/** Every collection, in the order the admin panel lists them. */
export const collections: CollectionConfig[] = [
  Contributors,
  Topics,
  Jurisdictions, // placeholder: the content-model branch has the real one
  Webinars,
  WebinarRegistrations,
  RegistrationAudit,
]
