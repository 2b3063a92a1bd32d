import { GRAPHQL_PLAYGROUND_GET, GRAPHQL_POST } from '@payloadcms/next/routes'
import express, { type RequestHandler } from 'express'
import { handleEndpoints, type SanitizedConfig } from 'payload'
import { type BodyLimits, sendWebResponse, toWebRequest } from './bridge'
import { HttpError } from './errors'
import { applyHttpCaching } from './httpCaching'
import { queryProblem } from './queryGuard'

/**
 * Payload's REST and GraphQL API, served by express through Payload's framework-agnostic
 * handlers. Never put express.json() in front of this: Payload reads the body itself.
 */
export function payloadApi(config: SanitizedConfig, limits: BodyLimits, corsOrigins: string[]): express.Router {
  const graphql = GRAPHQL_POST(Promise.resolve(config))
  const playground = GRAPHQL_PLAYGROUND_GET(Promise.resolve(config))
  const serve =
    (handler: (request: Request) => Promise<Response>): RequestHandler =>
    async (req, res) => {
      const request = await toWebRequest(req, res, limits)
      const response = await handler(request)
      await sendWebResponse(res, await applyHttpCaching(request, response, corsOrigins))
    }

  const router = express.Router()
  router.post('/graphql', serve(graphql))
  router.get('/graphql-playground', serve(playground))
  router.use((req, _res, next) => {
    const search = req.originalUrl.split('?')[1]
    const problem = search ? queryProblem(search) : undefined
    next(problem ? new HttpError(400, problem) : undefined)
  })
  router.use(serve((request) => handleEndpoints({ config, request })))
  return router
}
