import { expect, test } from '@playwright/test'
import { shot, signIn } from './support'

const homes: [string, string, string][] = [
  ['mgr', 'Approvals', 'home-manager-approvals'],
  ['ro', 'Validation queue', 'home-risk-officer-validation'],
  ['aud', 'Audit trail', 'home-auditor-audit-trail'],
  ['adm', 'Users', 'home-admin-users'],
]

for (const [user, heading, file] of homes) {
  test(`${user} lands on ${heading}`, async ({ page }) => {
    await signIn(page, user)
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible()
    await shot(page, file)
  })
}

test('SEC-04 the auditor verifies the audit trail from the audit screen', async ({ page }) => {
  await signIn(page, 'aud')
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(
    page.getByText(/Audit trail intact: \d+ entries verified\. Last entry #\d+, [0-9a-f]{8}…[0-9a-f]{4}\./),
  ).toBeVisible()
  await shot(page, 'audit-trail-verified')
})

test('SEC-24 the renderer sees no Node or IPC globals, and an injected inline script does not run', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>
    return [typeof w['ipcRenderer'], typeof w['require'], typeof w['process']]
  })
  expect(globals).toEqual(['undefined', 'undefined', 'undefined'])
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script')
    s.textContent = 'window.__injected = true'
    document.body.appendChild(s)
    await new Promise((r) => setTimeout(r, 100))
    return (window as unknown as { __injected?: boolean }).__injected === true
  })
  expect(ran).toBe(false)
})

test('SEC-20 the harness serves the exact CSP and refuses path traversal', async ({ request }) => {
  const res = await request.get('/')
  expect(res.headers()['content-security-policy']).toBe(
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'",
  )
  expect(await res.text()).toContain('<meta http-equiv="Content-Security-Policy"')
  for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/%2e%2e/%2e%2e/package.json']) {
    const r = await request.get(path)
    expect([404, 400]).toContain(r.status())
  }
})
