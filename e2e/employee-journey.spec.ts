import { expect, test } from '@playwright/test'
import { shot, signIn } from './support'

test.describe.configure({ mode: 'serial' })

let ref = ''
let detailUrl = ''

test('INC-01 emp signs in, reports an incident and sees it in My incidents', async ({ page }) => {
  await test.step('emp lands on Report an incident', async () => {
    await signIn(page, 'emp')
    await expect(page.getByRole('heading', { name: 'Report an incident', level: 1 })).toBeVisible()
    await shot(page, 'home-employee-report')
  })
  await test.step('emp fills the form and saves a draft', async () => {
    await page.getByLabel('Title').fill('Card reader double charge')
    await page.getByLabel('Description').fill('The branch card reader charged twelve customers twice.')
    await page.getByLabel('Gross loss').fill('1234.50')
    await page.getByRole('button', { name: 'Save draft' }).click()
    const refText = page.getByText(/INC-\d{4}-[A-Z]{3,5}-\d{5,}/).first()
    await expect(refText).toBeVisible()
    ref = ((await refText.textContent()) ?? '').match(/INC-\d{4}-[A-Z]{3,5}-\d{5,}/)?.[0] ?? ''
    expect(ref).not.toBe('')
    detailUrl = page.url()
    await expect(page.getByText('EUR 1,234.50').first()).toBeVisible()
    await shot(page, 'incident-detail-draft')
  })
  await test.step('the incident is listed in My incidents as a Draft', async () => {
    await page.getByRole('link', { name: 'My incidents' }).click()
    await expect(page.getByRole('heading', { name: 'My incidents', level: 1 })).toBeVisible()
    const row = page.getByRole('row').filter({ hasText: ref })
    await expect(row).toContainText('Card reader double charge')
    await expect(row).toContainText('Draft')
    await shot(page, 'my-incidents-employee')
  })
})

test('INC-22 a second employee cannot see the incident, in the list or by its address', async ({ page }) => {
  await signIn(page, 'emp2')
  await page.getByRole('link', { name: 'My incidents' }).click()
  await expect(page.getByRole('heading', { name: 'My incidents', level: 1 })).toBeVisible()
  await expect(page.getByText(ref)).toHaveCount(0)
  await page.goto(detailUrl)
  await expect(page.getByText('This incident does not exist or you do not have access to it.')).toBeVisible()
  await expect(page.getByText('Card reader double charge')).toHaveCount(0)
  await shot(page, 'incident-not-found-emp2')
})

test('INC-02 a bad input shows the error next to its field and nothing is saved', async ({ page }) => {
  await signIn(page, 'emp')
  await page.getByRole('link', { name: 'My incidents' }).click()
  const rows = page.getByRole('row')
  await expect(rows.filter({ hasText: ref })).toHaveCount(1)
  const before = await rows.count()

  await page.getByRole('link', { name: 'Report an incident' }).click()
  await page.getByLabel('Title').fill('   ')
  await page.getByLabel('Description').fill('Typed text must survive the error.')
  await page.getByRole('button', { name: 'Save draft' }).click()
  const title = page.getByLabel('Title')
  await expect(title).toHaveAttribute('aria-invalid', 'true')
  const errorId = await title.getAttribute('aria-describedby')
  expect(errorId).toBeTruthy()
  await expect(page.locator(`[id="${errorId}"]`)).toHaveText('Title is required.')
  await expect(page.getByLabel('Description')).toHaveValue('Typed text must survive the error.')
  await shot(page, 'report-field-error')

  await page.getByRole('link', { name: 'My incidents' }).click()
  await expect(rows.filter({ hasText: ref })).toHaveCount(1)
  expect(await rows.count()).toBe(before)
})
