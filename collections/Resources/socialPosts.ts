import type { ArrayField, TextareaFieldValidation } from 'payload'
import { neededInOneLanguage } from '../../fields/oneLanguage'
import { SOCIAL_PLATFORMS, selectOptions } from './options'

const validatePostLength: TextareaFieldValidation = (value, { siblingData }) => {
  // Needed in one language at least (the hook below); readers of the other get that one.
  if (!value) return true
  const platform = SOCIAL_PLATFORMS.find((p) => p.value === (siblingData as { platform?: string }).platform)
  if (!platform) return true // the platform field reports its own error
  const length = [...value].length
  return length <= platform.limit || `${platform.label} posts are limited to ${platform.limit} characters; this one has ${length}.`
}

/** Sample posts for `social-media` resources, each checked against its platform's limit. */
export const socialPostsField: ArrayField = {
  name: 'socialPosts',
  type: 'array',
  labels: { singular: 'Social post', plural: 'Social posts' },
  // Shown for social-media resources only (collections/Resources/index.ts, shownWhen).
  admin: {
    description: `Sample posts campaigns can copy. Limits: ${SOCIAL_PLATFORMS.map((p) => `${p.label} ${p.limit}`).join(', ')} characters.`,
  },
  fields: [
    { name: 'platform', type: 'select', required: true, options: selectOptions(SOCIAL_PLATFORMS) },
    { name: 'text', type: 'textarea', localized: true, validate: validatePostLength, hooks: { beforeChange: [neededInOneLanguage('A post needs text in English or Spanish.')] } },
  ],
}
