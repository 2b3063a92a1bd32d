import type { CollectionConfig } from 'payload'
import { Contributors } from './Contributors'
import { Resources } from './Resources'
import { ReviewEvents } from './ReviewEvents'
import { Topics } from './Topics'

/** Every collection, in the order the admin panel lists them. */
export const collections: CollectionConfig[] = [Contributors, Topics, Resources, ReviewEvents]
