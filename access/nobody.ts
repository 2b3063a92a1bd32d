import type { Access } from 'payload'

/** Closed to every API caller; only server code with overrideAccess writes here. */
export const nobody: Access = () => false
