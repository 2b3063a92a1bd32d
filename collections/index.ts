import type { CollectionConfig } from 'payload'
import { Contributors } from './Contributors'
import { Documents } from './Documents'
import { Jurisdictions } from './Jurisdictions'
import { Organizations } from './Organizations'
import { Resources } from './Resources'
import { Topics } from './Topics'

/** Every collection, in the order the admin panel lists them. */
export const collections: CollectionConfig[] = [
  Resources,
  Jurisdictions,
  Organizations,
  Topics,
  Documents,
  Contributors,
]
