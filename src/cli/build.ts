// `npm run build`: the admin panel's production build, made now instead of at first start.
import 'dotenv/config'
import { buildAdmin } from '../admin/build'
import { projectRoot } from '../settings/paths'

buildAdmin(projectRoot)
