import { expect, test } from '@playwright/test'
import { shot } from './support'

const port = Number(process.env['E2E_PORT'] ?? 5199) + 1
test.use({ baseURL: `http://127.0.0.1:${port}/` })

test('SEC-13 first run offers both choices, creates the administrator once, then only sign-in', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
  await expect(page.getByText('Use RiskDesk on this computer only')).toBeVisible()
  await expect(page.getByText("Connect to your organisation's server")).toBeVisible()
  await shot(page, 'first-run-choices')

  await page.getByText('Use RiskDesk on this computer only').click()
  await page.getByLabel('Organisation name').fill('Example Savings Bank')
  await page.getByLabel('Full name').fill('Ines Admin')
  await page.getByLabel('Email').fill('ines@example.test')
  await page.getByLabel('Password', { exact: true }).fill('short-pass')
  await page.getByLabel('Confirm password').fill('short-pass')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByText('Password must be 12 to 128 characters.')).toBeVisible()
  await expect(page.getByLabel('Organisation name')).toHaveValue('Example Savings Bank')

  await page.getByLabel('Password', { exact: true }).fill('a-long-enough-password')
  await page.getByLabel('Confirm password').fill('a-long-enough-password')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible()
  await expect(page.getByText('Example Savings Bank').first()).toBeVisible()
  await shot(page, 'first-run-admin-home')

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await page.reload()
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await expect(page.getByText('Use RiskDesk on this computer only')).toHaveCount(0)
})
