import { APIError } from 'payload'

/**
 * A 403 that names what was refused. Named `Forbidden` so that Payload logs it as its own
 * Forbidden errors (info level, message only): refusals are expected, not server errors.
 */
export class ForbiddenChange extends APIError {
  constructor(message: string) {
    super(message, 403, undefined, true)
    this.name = 'Forbidden'
  }
}
export const forbidden = (message: string) => new ForbiddenChange(message)
