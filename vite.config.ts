import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

// Must equal main/security.ts CSP and the meta tag in renderer/index.html (audit-security §5 E3).
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
  "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "frame-src 'none'; frame-ancestors 'none'"

// `vite serve` injects an inline React-refresh preamble, <style> tags for CSS and an HMR websocket; none of them
// pass the production policy. Only the dev server relaxes those three directives; built files keep the exact CSP.
const DEV_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws: wss:")

// Prettier may wrap the tag over several lines: match it loosely, compare the policy exactly, and emit it on one
// line, the form the CSP checks look for in the built index.html (audit-security SEC-20).
const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/
const cspMeta = (policy: string) => `<meta http-equiv="Content-Security-Policy" content="${policy}" />`

function contentSecurityPolicy(): Plugin {
  return {
    name: 'riskdesk:csp',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        // A typo in index.html would silently weaken the shipped policy: fail the build instead.
        if (CSP_META.exec(html)?.[1] !== CSP)
          throw new Error('renderer/index.html must carry the exact RiskDesk CSP meta tag.')
        return html.replace(CSP_META, cspMeta(ctx.server ? DEV_CSP : CSP))
      },
    },
  }
}

// The renderer reaches the catalogue through types only (STYLE §5). A value import of a handler would drag the
// database layer into the sandboxed page, so the build refuses it rather than shipping it.
const FORBIDDEN_IMPORTS = /^(kysely|better-sqlite3|pg|electron|node:.*|#main\/.*|#server\/.*|#migrations\/.*)$/
function rendererBoundaries(): Plugin {
  return {
    name: 'riskdesk:renderer-boundaries',
    enforce: 'pre',
    resolveId(source, importer) {
      if (FORBIDDEN_IMPORTS.test(source))
        this.error(`The renderer must not import '${source}' (imported by ${importer ?? 'an entry'}).`)
      return null
    },
  }
}

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  // '#shared/*' resolves through package.json "imports"; Vite follows them natively (checked by `vite build`).
  plugins: [rendererBoundaries(), react(), contentSecurityPolicy()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:5174' },
  },
})
