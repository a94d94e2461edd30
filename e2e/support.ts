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

/** Signs the current user out (if any) and the next one in, on the same page. */
export async function as(page: Page, user: string) {
  const out = page.getByRole('button', { name: 'Sign out' })
  if (await out.isVisible()) {
    await out.click()
    await expect(page.getByLabel('Email')).toBeVisible()
  }
  await signIn(page, user)
}

/** A catalogue call as the signed-in user (the harness's POST /api/call), for setup and checks, never the walk. */
export async function call<T = any>(page: Page, name: string, input: unknown): Promise<T> {
  const response = await page.request.post('/api/call', { data: { name, input } })
  const body = await response.json()
  expect(body.ok, `${name}: ${JSON.stringify(body.error)}`).toBe(true)
  return body.value as T
}
