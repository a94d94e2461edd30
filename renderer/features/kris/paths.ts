// The routes the KRI screens link to.
export { href, kriPath, riskPath } from '#renderer/router'
export { measurePath as measurePathOf } from '../measures/paths'
