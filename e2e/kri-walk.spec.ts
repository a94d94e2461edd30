import { expect, test, type Locator, type Page } from '@playwright/test'
import { as, PASSWORD, shot } from './support'

test.describe.configure({ mode: 'serial' })

const DEMO = `http://127.0.0.1:${Number(process.env['E2E_PORT'] ?? 5199) + 2}/`
const REF = /KRI-\d{4}-[A-Z0-9_]+-\d{5,}/

/** The first day of the UTC month `back` months before this one. */
function monthStart(back: number): string {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 10)
}

async function signInDemo(page: Page, email: string) {
  await page.goto(DEMO)
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
}

const chip = (scope: Locator) => scope.locator('.rcsa-chip').first()
const tile = (page: Page, label: string) =>
  page.getByRole('group', { name: 'KRI status counts' }).getByRole('button', { name: new RegExp(`^${label}`) })

const NAME = `Branch cash shortfalls ${Date.now().toString(36)}`
let detailUrl = ''
let ref = ''

/** Records one value through the dialog, checking the live preview before saving. */
async function recordValue(page: Page, periodStart: string, value: string, preview: string, shotName: string) {
  const dialog = page.getByRole('dialog', { name: `Record value – ${NAME}` })
  await expect(dialog).toBeVisible()
  const period = dialog.getByLabel('Period')
  await expect(period.locator('option').first()).not.toHaveText('Loading periods…')
  await period.selectOption(periodStart)
  await dialog.getByLabel('Value (count)').fill(value)
  const live = dialog.locator('#kri-value-preview')
  await expect(live).toContainText('Status on save:')
  await expect(chip(live)).toHaveText(preview)
  await dialog.getByLabel('Comment').fill(`Branch count for ${periodStart.slice(0, 7)}.`)
  await shot(page, shotName)
  await dialog.getByRole('button', { name: 'Save value' }).click()
  await expect(dialog).toBeHidden()
}

test('KRI-01/03/14/15 ro defines a KRI in the form; emp records Green, Amber and Red; the Red value escalates', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await test.step('ro opens New KRI and fills the definition, thresholds and escalation', async () => {
    await as(page, 'ro')
    await page.getByRole('link', { name: 'KRI register' }).click()
    await expect(page.getByRole('heading', { name: 'KRI register', level: 1 })).toBeVisible()
    await page.getByRole('button', { name: 'New KRI' }).click()
    const dialog = page.getByRole('dialog', { name: 'New KRI' })
    await dialog.getByLabel('Name', { exact: true }).fill(NAME)
    await dialog.getByLabel('Description').fill('Cash differences found at branch end-of-day balancing.')
    await dialog.getByLabel('Unit', { exact: true }).fill('count')
    await dialog.getByLabel('Frequency').selectOption('MONTHLY')
    await dialog.getByLabel('First period start').fill(monthStart(3))
    await dialog.getByLabel('Business unit').selectOption({ label: 'Retail' })
    await dialog.getByLabel('Search people').fill('emp@')
    await dialog.getByLabel('Owner', { exact: true }).selectOption({ label: 'Emma Park (emp@riskdesk.test)' })
    await dialog.getByLabel('Data source').fill('Branch balancing report BR-07')
    await dialog.getByLabel('Direction').selectOption('higher_is_worse')
    await dialog.getByLabel('Amber threshold (count)').fill('5')
    await dialog.getByLabel('Red threshold (count)').fill('10')
    await dialog.getByLabel('Target (count)').fill('2')
    await expect(dialog.getByRole('img', { name: /^Bands: Green < 5; Amber 5 to < 10; Red ≥ 10/ })).toBeVisible()
    await dialog.getByLabel('Create a corrective measure on a Red value').check()
    await dialog.getByLabel('Measure due in (days)').fill('30')
    await shot(page, 'kri-walk-01-new-kri-form')

    // The direction selector switches between two and four threshold inputs.
    await dialog.getByLabel('Direction').selectOption('within_band')
    await expect(dialog.getByLabel('Red low (count)')).toBeVisible()
    await expect(dialog.getByLabel('Amber high (count)')).toBeVisible()
    await expect(dialog.getByLabel('Amber threshold (count)')).toHaveCount(0)
    await dialog.getByLabel('Direction').selectOption('higher_is_worse')
    await expect(dialog.getByLabel('Amber threshold (count)')).toHaveValue('5')

    await dialog.getByRole('button', { name: 'Create KRI' }).click()
    await expect(page.getByRole('status').filter({ hasText: /KRI KRI-.* created\./ })).toBeVisible()
    const heading = page.getByRole('heading', { level: 1 })
    await expect(heading).toContainText(NAME)
    ref = ((await heading.textContent()) ?? '').match(REF)?.[0] ?? ''
    expect(ref).toMatch(REF)
    detailUrl = page.url()
    await expect(chip(page.locator('.detail-meta'))).toHaveText('No data')
    await expect(page.locator('.detail-meta')).toContainText('Emma Park')
    await expect(page.locator('.kri-facts')).toContainText('Amber 5 · Red 10 · Target 2')
    await shot(page, 'kri-walk-02-created')
  })

  await test.step('KRI-03 emp records a Green value for an earlier month from My KRIs', async () => {
    await as(page, 'emp')
    await page.getByRole('link', { name: 'KRI register' }).click()
    await expect(page.getByRole('tab', { name: 'My KRIs' })).toHaveAttribute('aria-selected', 'true')
    const row = page.getByRole('row').filter({ hasText: NAME })
    await expect(row).toContainText('No data')
    await shot(page, 'kri-walk-03-my-kris')
    await row.getByRole('button', { name: `Record value ${NAME}` }).click()
    await recordValue(page, monthStart(2), '3', 'Green', 'kri-walk-04-record-green')
    await expect(row.locator('.rcsa-chip')).toHaveText('Green')
    await expect(row).toContainText(`3 count ${monthStart(2).slice(0, 7)}`)
  })

  await test.step('KRI-03 emp records an Amber value for last month on the detail', async () => {
    await page.getByRole('row').filter({ hasText: NAME }).getByRole('link', { name: NAME }).click()
    await page.getByRole('group', { name: 'KRI actions' }).getByRole('button', { name: 'Record value' }).click()
    await recordValue(page, monthStart(1), '7', 'Amber', 'kri-walk-05-record-amber')
    await expect(page.getByRole('status').filter({ hasText: 'Value recorded' })).toContainText('is Amber.')
    await expect(chip(page.locator('.detail-meta'))).toHaveText('Amber')
  })

  await test.step('KRI-14/15 emp records a Red value for this month: bell, inbox and breach measure', async () => {
    await page.getByRole('group', { name: 'KRI actions' }).getByRole('button', { name: 'Record value' }).click()
    const dialog = page.getByRole('dialog', { name: `Record value – ${NAME}` })
    // The newest period without a value (this month) is offered first.
    await expect(dialog.getByLabel('Period')).toHaveValue(monthStart(0))
    await dialog.getByLabel('Value (count)').fill('12')
    await expect(dialog.getByText(/Saving a Red value notifies the KRI owner/)).toBeVisible()
    await recordValue(page, monthStart(0), '12', 'Red', 'kri-walk-06-record-red')
    const notice = page.getByRole('status').filter({ hasText: 'Value recorded' })
    await expect(notice).toContainText('is Red.')
    await expect(notice).toContainText('A corrective measure was opened.')
    await expect(chip(page.locator('.detail-meta'))).toHaveText('Red')

    await page.getByRole('tab', { name: 'Values' }).click()
    const red = page.locator(`tr[data-period="${monthStart(0)}"]`)
    await expect(red.locator('.rcsa-chip')).toHaveText('Red')
    await expect(red.getByRole('link', { name: /MSR-/ })).toBeVisible()
    await red.getByRole('button', { name: /Show versions of/ }).click()
    await expect(page.getByRole('list', { name: /^Versions of / })).toContainText('Version 1')
    await shot(page, 'kri-walk-07-values-with-measure')

    // The bell's count follows the next screen change.
    await page.getByRole('link', { name: 'KRI register' }).click()
    const bell = page.getByRole('link', { name: /^Notifications, [1-9]\d* unread$/ })
    await expect(bell).toBeVisible()
    await bell.click()
    await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible()
    const entry = page.locator('.inbox-item').filter({ hasText: `KRI breach: ${ref}` })
    await expect(entry).toContainText(`KRI ${ref} '${NAME}' is Red for ${monthStart(0)} to`)
    await expect(entry).toContainText(': 12 count.')
    await shot(page, 'kri-walk-08-inbox-breach')
  })

  await test.step('the Trend tab draws the values on the status bands', async () => {
    await page.goto(detailUrl)
    const dismiss = page.getByRole('button', { name: 'Dismiss notification' })
    if (await dismiss.isVisible()) await dismiss.click()
    await expect(page.getByRole('tab', { name: 'Trend' })).toHaveAttribute('aria-selected', 'true')
    const chart = page.locator('.rcsa-kri-trend')
    await expect(chart.locator('.recharts-reference-area').first()).toBeVisible()
    await expect(chart.locator('table.visually-hidden')).toContainText('12 count')
    await shot(page, 'kri-walk-09-trend')
  })

  await test.step('ro: the breach is in the inbox and the breaches report with its measure', async () => {
    await as(page, 'ro')
    await page.getByRole('link', { name: /^Notifications/ }).click()
    await expect(page.locator('.inbox-item').filter({ hasText: `KRI breach: ${ref}` })).toBeVisible()
    await page.getByRole('link', { name: 'KRI breaches' }).click()
    await expect(page.getByRole('heading', { name: 'KRI breaches', level: 1 })).toBeVisible()
    const rows = page.getByRole('row').filter({ hasText: NAME })
    await expect(rows).toHaveCount(2)
    await expect(rows.first().locator('.rcsa-chip')).toHaveText('Red')
    await expect(rows.first().getByRole('link', { name: /MSR-/ })).toBeVisible()
    await expect(rows.nth(1).locator('.rcsa-chip')).toHaveText('Amber')
    await shot(page, 'kri-walk-10-breaches-report')
  })

  await test.step('ro: the KRI dashboard and the home tile put the Red KRI first', async () => {
    await page.getByRole('link', { name: 'KRI dashboard' }).click()
    await expect(page.getByRole('heading', { name: 'KRI dashboard', level: 1 })).toBeVisible()
    await expect(tile(page, 'Red')).toContainText(/Red\s*[1-9]/)
    const first = page.getByRole('table', { name: 'KRIs, worst first' }).locator('tbody tr').first()
    await expect(first).toContainText(NAME)
    await expect(first.locator('.rcsa-chip')).toHaveText('Red')
    await expect(first).toContainText('12 count')
    await expect(first.getByRole('img', { name: /^Last 3 periods; latest 12 count, Red/ })).toBeVisible()
    await shot(page, 'kri-walk-11-dashboard')
    await tile(page, 'Red').click()
    await expect(page.getByText('Showing Red KRIs only.')).toBeVisible()
    await expect(page.getByRole('table', { name: 'Red KRIs' })).toContainText(NAME)
    await shot(page, 'kri-walk-12-dashboard-red-filter')

    await page.getByRole('link', { name: 'Validation queue' }).click()
    const home = page.getByRole('region', { name: 'Key risk indicators' })
    await expect(home.getByRole('list', { name: 'Worst KRIs first' }).getByRole('listitem').first()).toContainText(NAME)
    await shot(page, 'kri-walk-13-home-tile')
  })
})

test('KRI-09/18/24 ro corrects a value, back-dates new thresholds with a reason and edits the KRI', async ({
  page,
}) => {
  await as(page, 'ro')
  await page.goto(detailUrl)
  await page.getByRole('tab', { name: 'Values' }).click()
  const october = monthStart(1).slice(0, 7)

  await test.step('KRI-09 correct last month: the dialog shows the current version and needs a reason', async () => {
    await page.getByRole('button', { name: `Correct ${october}` }).click()
    const dialog = page.getByRole('dialog', { name: `Correct value – ${NAME}` })
    const current = dialog.getByLabel('Current version')
    await expect(current).toContainText('Current version 1: 7 count')
    await expect(dialog.getByLabel('Value (count)')).toHaveValue('7')
    await dialog.getByLabel('Value (count)').fill('8')
    await expect(chip(dialog.locator('#kri-value-preview'))).toHaveText('Amber')
    await dialog.getByRole('button', { name: 'Save correction' }).click()
    await expect(dialog.locator('#kri-value-reason-error')).toHaveText(
      'A correction needs a reason of at least 10 characters.',
    )
    await dialog.getByLabel('Reason for the correction').fill('Branch 12 re-counted the shortfalls.')
    await shot(page, 'kri-walk-14-correct-value')
    await dialog.getByRole('button', { name: 'Save correction' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('status').filter({ hasText: 'Correction saved (version 2)' })).toBeVisible()
    const row = page.locator(`tr[data-period="${monthStart(1)}"]`)
    await expect(row).toContainText('8 count')
    await row.getByRole('button', { name: `Show versions of ${october}` }).click()
    const versions = page.getByRole('list', { name: `Versions of ${october}` })
    await expect(versions.getByRole('listitem')).toHaveCount(2)
    await expect(versions.getByRole('listitem').first()).toContainText('Reason: Branch 12 re-counted the shortfalls.')
    await expect(versions.getByRole('listitem').nth(1)).toContainText('7 count')
    await shot(page, 'kri-walk-15-versions')
  })

  await test.step('KRI-18 set thresholds from the first period: the periods that change and the reason', async () => {
    await page.getByRole('group', { name: 'KRI actions' }).getByRole('button', { name: 'Set thresholds' }).click()
    const dialog = page.getByRole('dialog', { name: `Set thresholds – ${NAME}` })
    const from = dialog.getByLabel('Effective from')
    await expect(from.locator('option:checked')).toContainText(`(${monthStart(-1)}) – default`)
    await dialog.getByLabel('Amber threshold (count)').fill('3')
    await dialog.getByLabel('Red threshold (count)').fill('8')
    await dialog.getByLabel('Target (count)').fill('1')
    await expect(dialog.getByText('Recorded periods from')).toHaveCount(0)
    await from.selectOption(monthStart(3))
    const changes = dialog.getByRole('list', { name: 'Periods that change status' }).getByRole('listitem')
    await expect(changes).toHaveCount(2)
    await expect(changes.first()).toContainText(`${monthStart(2).slice(0, 7)}: 3 count`)
    await expect(changes.nth(1)).toContainText(`${october}: 8 count`)
    await dialog.getByRole('button', { name: 'Set thresholds' }).click()
    await expect(dialog.locator('#kri-thr-reason-error')).toHaveText(
      'A threshold change that affects recorded values needs a reason of at least 10 characters.',
    )
    await dialog.getByLabel('Reason').fill('Stricter appetite agreed by the risk committee.')
    await shot(page, 'kri-walk-16-set-thresholds')
    await dialog.getByRole('button', { name: 'Set thresholds' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('status').filter({ hasText: 'Thresholds set from' })).toContainText(
      '3 recorded periods re-rated, 2 changed status.',
    )
    await expect(page.locator('.kri-facts')).toContainText('Amber 3 · Red 8 · Target 1')
    await page.getByRole('tab', { name: 'Thresholds' }).click()
    await expect(page.locator('tr.kri-superseded')).toHaveCount(1)
    await expect(page.locator('tr.kri-superseded')).toContainText('Superseded by set 2')
    await shot(page, 'kri-walk-17-threshold-history')
  })

  await test.step('KRI-24 Edit: the calendar fields are locked once values exist; grace days change', async () => {
    await page.getByRole('group', { name: 'KRI actions' }).getByRole('button', { name: 'Edit' }).click()
    const dialog = page.getByRole('dialog', { name: `Edit KRI – ${ref}` })
    await expect(dialog.getByLabel('Unit', { exact: true })).toBeDisabled()
    await expect(dialog.getByLabel('Frequency')).toBeDisabled()
    await expect(dialog.getByLabel('Owner', { exact: true })).toHaveValue(/.+/)
    await dialog.getByLabel('Grace days').fill('7')
    await shot(page, 'kri-walk-18-edit')
    await dialog.getByRole('button', { name: 'Save changes' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.locator('.kri-facts')).toContainText(/Grace days\s*7/i)
    await page.getByRole('tab', { name: 'History' }).click()
    await expect(page.getByText('Thresholds set').first()).toBeVisible()
    await shot(page, 'kri-walk-19-history')
  })
})

test('KRI-20 demo dashboard as carol_orm: AMBER 2, GREEN 1, worst first; a Red value moves a KRI to the top', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await signInDemo(page, 'carol.osei@demobank.example')
  await page.goto(`${DEMO}#/kris/dashboard`)
  await expect(page.getByRole('heading', { name: 'KRI dashboard', level: 1 })).toBeVisible()
  await expect(tile(page, 'Red')).toContainText(/Red\s*0/)
  await expect(tile(page, 'Amber')).toContainText(/Amber\s*2/)
  await expect(tile(page, 'Green')).toContainText(/Green\s*1/)
  await expect(tile(page, 'No data')).toContainText(/No data\s*0/)
  const names = page.getByRole('table', { name: 'KRIs, worst first' }).locator('tbody tr td:nth-child(2) a')
  await expect(names).toHaveText(['Ops Staff Turnover %', 'System Downtime Hours', 'Unreconciled Accounts %'])
  await shot(page, 'kri-dashboard-demo')

  await test.step('the System Downtime Hours trend', async () => {
    await names.nth(1).click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText('System Downtime Hours')
    const chart = page.locator('.rcsa-kri-trend')
    await expect(chart.locator('.recharts-reference-area').first()).toBeVisible()
    await expect(chart.locator('table.visually-hidden')).toContainText('6 hours')
    await shot(page, 'kri-chart-demo')
  })

  await test.step('a Red value for the latest day on Unreconciled Accounts % moves it to the top', async () => {
    await page.goto(`${DEMO}#/kris/dashboard`)
    await names.nth(2).click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Unreconciled Accounts %')
    const actions = page.getByRole('group', { name: 'KRI actions' })
    await actions.getByRole('button', { name: 'Record value' }).click()
    const record = page.getByRole('dialog', { name: 'Record value – Unreconciled Accounts %' })
    const period = record.getByLabel('Period')
    await expect(period.or(record.getByText('Every period up to today already has a value.'))).toBeVisible()
    if (await period.isVisible()) {
      // Today's period (a weekday) has no value yet: record it.
      await record.getByLabel('Value (%)').fill('6')
      await expect(chip(record.locator('#kri-value-preview'))).toHaveText('Red')
      await record.getByRole('button', { name: 'Save value' }).click()
      await expect(record).toBeHidden()
    } else {
      // At a weekend the latest weekday already has its value: correct it to Red.
      await record.getByRole('button', { name: 'Cancel' }).click()
      await actions.getByRole('button', { name: 'Correct value' }).click()
      const correct = page.getByRole('dialog', { name: 'Correct value – Unreconciled Accounts %' })
      await correct.getByLabel('Value (%)').fill('6')
      await correct.getByLabel('Reason for the correction').fill('Late postings found after the daily check.')
      await correct.getByRole('button', { name: 'Save correction' }).click()
      await expect(correct).toBeHidden()
    }
    await expect(chip(page.locator('.detail-meta'))).toHaveText('Red')
    await page.goto(`${DEMO}#/kris/dashboard`)
    await expect(tile(page, 'Red')).toContainText(/Red\s*1/)
    await expect(names.first()).toHaveText('Unreconciled Accounts %')
    await shot(page, 'kri-dashboard-demo-red')
  })
})
