import { mkdirSync } from 'node:fs'
import { expect, type Page } from '@playwright/test'

export const PASSWORD = 'riskdesk-demo-2026'
export const SHOTS = 'artifacts/screenshots'

export async function signIn(page: Page, user: string) {
  await page.goto('/')
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
  await page.getByLabel('Email').fill(`${user}@riskdesk.test`)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
}

export async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
}
