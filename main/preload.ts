// Preload entry. Sandboxed preloads can require only 'electron', so the build bundles this file (and the
// command names) into one CommonJS file. Tests exercise ./ipc/bridge; this glue is never imported by them.
import { contextBridge, ipcRenderer } from 'electron'
import { COMMAND_NAMES } from '#shared/catalogue/names'
import { installBridge } from './ipc/bridge'

// Replaced by the bundler's `define` with package.json's version; a sandboxed preload cannot ask `app`.
declare const __RISKDESK_VERSION__: string | undefined
const appVersion = typeof __RISKDESK_VERSION__ === 'string' ? __RISKDESK_VERSION__ : '0.0.0-dev'

installBridge(contextBridge, { ipcRenderer, names: COMMAND_NAMES, appVersion })
