/** For child processes of tests (`node --import`): installs npm start's module resolution cache, as src/main.ts does. */
import { cacheModuleResolution } from '../../src/settings/moduleResolution'

cacheModuleResolution()
