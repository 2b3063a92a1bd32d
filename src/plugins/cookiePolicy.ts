import type { Plugin } from 'payload'

/**
 * Session cookies of every auth collection: HttpOnly (Payload's default), SameSite=Lax, and
 * Secure in production. Decided from the validated settings rather than from NODE_ENV at import
 * time, which Next rewrites.
 */
export const cookiePolicy =
  (production: boolean): Plugin =>
  (config) => ({
    ...config,
    collections: (config.collections ?? []).map((collection) =>
      collection.auth
        ? {
            ...collection,
            auth: {
              ...(collection.auth === true ? {} : collection.auth),
              cookies: { sameSite: 'Lax', secure: production },
            },
          }
        : collection,
    ),
  })
