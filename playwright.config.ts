import { defineConfig } from '@playwright/test'

const PORT = Number(process.env['E2E_PORT'] ?? 5199)
const DATA = `test-results/e2e-data-${PORT}`

// The real renderer and the real services over a real SQLite file, through the browser harness, in
// Debian's Chromium (Playwright's own browser download is not available on these machines).
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  outputDir: `test-results/playwright-${PORT}`,
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: `rm -rf ${DATA} && node dist/main/harness.mjs --data ${DATA} --port ${PORT} --seed test --test-api`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      // An empty database: the first-run journey (SEC-13).
      command: `rm -rf ${DATA}-empty && node dist/main/harness.mjs --data ${DATA}-empty --port ${PORT + 1}`,
      url: `http://127.0.0.1:${PORT + 1}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // A demo database: the demo generator and the register at scale (INC-50).
      command: `rm -rf ${DATA}-demo && node dist/main/harness.mjs --data ${DATA}-demo --port ${PORT + 2} --seed demo`,
      url: `http://127.0.0.1:${PORT + 2}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
})
