import type { ArrayField, TextareaFieldValidation } from 'payload'
import { SOCIAL_PLATFORMS, selectOptions } from './options'

const validatePostLength: TextareaFieldValidation = (value, { siblingData, req }) => {
  // Needed in the default language; another language may leave it empty (readers get the default's).
  const localization = req?.payload?.config.localization
  const defaultLocale = localization ? localization.defaultLocale : undefined
  if (!value) return req?.locale && defaultLocale && req.locale !== defaultLocale ? true : 'A post needs text.'
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
    { name: 'text', type: 'textarea', required: true, localized: true, validate: validatePostLength },
  ],
}
