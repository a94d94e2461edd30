import { expect, test, type Page } from '@playwright/test'
import { as, call, PASSWORD, shot } from './support'

test.describe.configure({ mode: 'serial' })

const REF = /RSK-\d{4}-[A-Z]{3,5}-\d{5,}/
const TITLE = 'Card skimming at Retail branch ATMs'
const CONTROL = 'ATM skimmer sweep before opening'
const utcDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
const PORT = Number(process.env['E2E_PORT'] ?? 5199)

const chip = (page: Page) => page.locator('.detail-meta .chip').first()
const actions = (page: Page) => page.getByRole('group', { name: 'Workflow actions' })
const tab = (page: Page, name: RegExp) =>
  page.getByRole('tablist', { name: 'Risk sections' }).getByRole('tab', { name })
const grid = (page: Page, basis: 'Inherent' | 'Residual') => page.getByRole('group', { name: `${basis} scoring grid` })

let ref = ''
let riskUrl = ''

async function openRisk(page: Page) {
  await page.goto(riskUrl)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Risk ${ref}`)
}

test('RSK-01 employee and auditor read the register without "New risk"', async ({ page }) => {
  for (const user of ['emp', 'aud']) {
    await as(page, user)
    await page.getByRole('link', { name: 'Risk register', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Risk register', level: 1 })).toBeVisible()
    await expect(page.getByRole('tab', { name: 'My drafts' })).toHaveCount(0)
    await expect(page.getByRole('link', { name: 'New risk' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible()
    if (user === 'emp') await shot(page, 'risk-walk-00-employee-register')
  }
})

test('RSK-02/04/08 mgr drafts a Retail risk with the matrix picker and submits it', async ({ page }) => {
  await as(page, 'mgr')
  await page.getByRole('link', { name: 'Risk register', exact: true }).click()
  await expect(page.getByRole('tab', { name: 'My drafts' })).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Pending my validation' })).toHaveCount(0)
  await page.getByRole('link', { name: 'New risk' }).first().click()
  await expect(page.getByRole('heading', { name: 'New risk', level: 1 })).toBeVisible()

  await page.getByLabel('Title').fill(TITLE)
  await page.getByLabel('Description').fill('Skimming devices fitted to branch ATMs copy card data and PINs overnight.')
  await page.getByLabel('Risk category').selectOption({ label: 'Fraud Risk' })
  // The owner picker lists the users of the chosen unit; the manager's own unit and the manager are preselected.
  await expect(page.getByLabel('Business unit')).toHaveValue(/.+/)
  await expect(page.getByLabel('Owner', { exact: true })).toHaveValue(/.+/)
  // Only the category's Basel types are offered (RSK-42): Fraud Risk → EL1, EL2 and their children.
  const basel = page.getByLabel('Basel event type')
  await expect(basel.locator('option[value="EL2.1"]')).toHaveCount(1)
  await expect(basel.locator('option[value="EL6"]')).toHaveCount(0)
  // A manager scores the inherent risk; the residual grid is read-only on his lock row.
  await grid(page, 'Inherent')
    .getByRole('button', { name: 'Likelihood 4 Likely, impact 4 Major: score 16 Critical' })
    .click()
  await expect(page.locator('#inherent_likelihood')).toHaveValue('4')
  await expect(page.locator('.rcsa-picker-score').first()).toHaveText('Score: 16 Critical')
  await expect(grid(page, 'Residual').getByRole('button').first()).toBeDisabled()
  await page
    .getByLabel('Inherent justification')
    .fill('Two skimming cases at peer banks this quarter; cash machines are unattended at night.')
  await shot(page, 'risk-walk-01-new-risk-form')
  await page.getByRole('button', { name: 'Create risk' }).click()

  await expect(page.getByRole('status').filter({ hasText: /Risk RSK-.* created\./ })).toBeVisible()
  const heading = page.getByRole('heading', { level: 1 })
  await expect(heading).toHaveText(REF)
  ref = ((await heading.textContent()) ?? '').match(REF)?.[0] ?? ''
  riskUrl = page.url()
  await expect(chip(page)).toHaveText('Draft')
  await expect(page.locator('.detail-meta')).toContainText('Inherent 16 Critical')
  await expect(page.locator('.detail-meta')).toContainText('Residual Not scored')
  await shot(page, 'risk-walk-02-draft')

  await actions(page).getByRole('button', { name: 'Submit for review' }).click()
  await expect(chip(page)).toHaveText('Assessed (pending validation)')
  await expect(actions(page)).toHaveCount(0)
  await shot(page, 'risk-walk-03-submitted')
})

test('RSK-09/11/26 ro validates: checklist with crosses, links a control, scores the residual, approves', async ({
  page,
}) => {
  await as(page, 'ro')
  const options = await call(page, 'risk.formOptions', {})
  const retail = options.business_units.find((u: { name: string }) => u.name === 'Retail')
  const me = (options.owners[retail.id] as { id: string; email: string }[]).find((u) => u.email === 'ro@riskdesk.test')
  await call(page, 'control.create', {
    title: CONTROL,
    description: 'Branch staff inspect every ATM fascia for skimmers before the branch opens and log the check.',
    control_type: 'DETECTIVE',
    control_frequency: 'DAILY',
    effectiveness: 4,
    business_unit_id: retail.id,
    owner_id: me!.id,
  })

  await page.getByRole('link', { name: 'Risk register', exact: true }).click()
  await page.getByRole('tab', { name: 'Pending my validation' }).click()
  await expect(page).toHaveURL(/queue=PENDING_MY_VALIDATION/)
  const row = page.getByRole('row').filter({ hasText: ref })
  await expect(row).toContainText('Assessed (pending validation)')
  await expect(row).toContainText('16 Critical')
  await shot(page, 'risk-walk-04-pending-my-validation')
  await row.getByRole('link', { name: ref }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Risk ${ref}`)

  await actions(page).getByRole('button', { name: 'Approve', exact: true }).click()
  let dialog = page.getByRole('dialog', { name: `Approve – ${ref}` })
  const checklist = dialog.getByRole('list', { name: 'Approval checklist' })
  await expect(checklist).toContainText('Missing: Residual risk scores required.')
  await expect(checklist).toContainText('Missing: Basel event type must be selected.')
  await expect(checklist).toContainText('Missing: At least one control must be linked before approval.')
  await expect(dialog.getByText('3 of', { exact: false })).toBeVisible()
  await shot(page, 'risk-walk-05-checklist-crosses')
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  await tab(page, /^Controls/).click()
  await page.getByRole('button', { name: 'Link control' }).click()
  dialog = page.getByRole('dialog', { name: 'Link control' })
  await dialog.getByLabel('Find a control by code or title').fill('skimmer sweep')
  await dialog.getByRole('radio', { name: new RegExp(CONTROL) }).check()
  await dialog.getByLabel('Notes').fill('Detects a fitted skimmer before customers use the machine.')
  await dialog.getByRole('button', { name: 'Link control' }).click()
  await expect(dialog).toHaveCount(0)
  const controlRow = page.getByRole('row').filter({ hasText: CONTROL })
  await expect(controlRow).toContainText('Detective')
  await expect(controlRow).toContainText('4 / 5')
  await expect(controlRow).toContainText('Not tested')
  await expect(controlRow).toContainText('Detects a fitted skimmer')
  await expect(controlRow).toContainText('Rosa Olsen')
  await expect(tab(page, /^Controls/)).toHaveText('Controls (1)')
  await shot(page, 'risk-walk-06-control-linked')

  await actions(page).getByRole('button', { name: 'Edit' }).click()
  // In ASSESSED the officer scores the residual and classifies; inherent scores and the owner are locked (§6.3).
  await expect(grid(page, 'Inherent').getByRole('button').first()).toBeDisabled()
  await expect(page.locator('#owner_id')).toHaveAttribute('readonly', '')
  await grid(page, 'Residual')
    .getByRole('button', { name: 'Likelihood 3 Possible, impact 3 Moderate: score 9 Medium' })
    .click()
  await page.getByLabel('Basel event type').selectOption('EL2.1')
  await page.getByLabel('Residual justification').fill('The daily sweep finds skimmers before the first customer.')
  await shot(page, 'risk-walk-07-residual-form')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.locator('.detail-meta')).toContainText('Residual 9 Medium')

  await actions(page).getByRole('button', { name: 'Approve', exact: true }).click()
  dialog = page.getByRole('dialog', { name: `Approve – ${ref}` })
  await expect(dialog.getByText('Every check is met.')).toBeVisible()
  await expect(dialog.getByRole('list', { name: 'Approval checklist' })).not.toContainText('Missing:')
  await dialog.getByRole('button', { name: 'Approve' }).click()
  await expect(chip(page)).toHaveText('Active')
  await shot(page, 'risk-walk-08-approved')
})

test('RSK-15/17 ro requests reassessment with a reason; the send-back reason needs 20 characters', async ({ page }) => {
  await as(page, 'ro')
  await openRisk(page)
  await actions(page).getByRole('button', { name: 'Request reassessment' }).click()
  let dialog = page.getByRole('dialog', { name: `Request reassessment – ${ref}` })
  await dialog.getByLabel('Reason').fill('Skimming attempts rose again in the region.')
  await expect(dialog.getByText('43 / 2,000')).toBeVisible()
  await dialog.getByRole('button', { name: 'Request reassessment' }).click()
  await expect(chip(page)).toHaveText('Assessed (pending validation)')

  await actions(page).getByRole('button', { name: 'Send back' }).click()
  dialog = page.getByRole('dialog', { name: `Send back – ${ref}` })
  await dialog.getByLabel('Reason').fill('Too short a reason.')
  await expect(dialog.getByText('19 / 2,000 (1 more needed)')).toBeVisible()
  await dialog.getByRole('button', { name: 'Send back' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Reason must be at least 20 characters.')
  await shot(page, 'risk-walk-09-send-back-too-short')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(chip(page)).toHaveText('Assessed (pending validation)')

  await tab(page, /^Notes/).click()
  const top = page.getByRole('list', { name: 'Notes, newest first' }).getByRole('listitem').first()
  await expect(top).toContainText(/\[\d{4}-\d{2}-\d{2} \d{2}:\d{2} - ro@riskdesk\.test - REASSESSMENT REQUESTED\]:/)
  await expect(top).toContainText('Skimming attempts rose again in the region.')
  await shot(page, 'risk-walk-10-reassessment-note')
})

test('RSK-38 ro lowers the residual, approves again, and the History tab charts both approvals', async ({ page }) => {
  await as(page, 'ro')
  await openRisk(page)
  await actions(page).getByRole('button', { name: 'Edit' }).click()
  await grid(page, 'Residual')
    .getByRole('button', { name: 'Likelihood 2 Unlikely, impact 3 Moderate: score 6 Medium' })
    .click()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.locator('.detail-meta')).toContainText('Residual 6 Medium')
  await actions(page).getByRole('button', { name: 'Approve', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: `Approve – ${ref}` })
  await dialog.getByRole('button', { name: 'Approve' }).click()
  await expect(chip(page)).toHaveText('Active')

  await tab(page, /^History/).click()
  await expect(page.getByRole('heading', { name: 'Score trend' })).toBeVisible()
  await expect(page.locator('.recharts-surface').first()).toBeVisible()
  const snapshots = page.locator('table.risk-snapshots tbody tr')
  await expect(snapshots).toHaveCount(2)
  await expect(snapshots.nth(0)).toContainText('6 Medium')
  await expect(snapshots.nth(1)).toContainText('9 Medium')
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Approved')
  await shot(page, 'risk-walk-11-history-trend')
  await page
    .getByRole('region', { name: 'Score trend' })
    .screenshot({ path: 'artifacts/screenshots/risk-walk-11a-score-trend.png' })
})

test('RSK-34/35 the heat map counts the risk in its cells; a cell opens the register with exactly it', async ({
  page,
}) => {
  await as(page, 'ro')
  await page.getByRole('link', { name: 'Heat map', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Risk heat map', level: 1 })).toBeVisible()
  const inherent = page.getByRole('group', { name: 'Inherent heat map' })
  const residual = page.getByRole('group', { name: 'Residual heat map' })
  await expect(inherent.getByRole('button', { name: 'Likelihood 4 Likely, impact 4 Major: 1 risk' })).toBeVisible()
  await expect(residual.getByRole('button', { name: 'Likelihood 2 Unlikely, impact 3 Moderate: 1 risk' })).toBeVisible()
  await expect(page.locator('figcaption').filter({ hasText: 'Active risks by residual band' })).toBeVisible()
  await shot(page, 'risk-walk-12-heat-map')

  // RSK-39 shown: an as-of map counts the approval snapshots of that day; a cell lists them.
  await page.getByLabel('As of').fill(utcDate(0))
  await residual.getByRole('button', { name: 'Likelihood 2 Unlikely, impact 3 Moderate: 1 risk' }).click()
  const counted = page.getByRole('region', { name: /^Residual cell L2 × I3 on / })
  await expect(counted.getByRole('row').filter({ hasText: ref })).toContainText('6 Medium')
  await shot(page, 'risk-walk-12a-as-of-cell-snapshots')
  await page.getByRole('button', { name: 'Back to today' }).click()

  await residual.getByRole('button', { name: 'Likelihood 2 Unlikely, impact 3 Moderate: 1 risk' }).click()
  await expect(page).toHaveURL(/#\/risks\?status=ACTIVE&residual_likelihood=2&residual_impact=3/)
  await expect(page.getByRole('heading', { name: 'Risk register', level: 1 })).toBeVisible()
  await expect(page.getByText('All risks: 1 risk')).toBeVisible()
  const rows = page.locator('table.risks tbody tr')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText(ref)
  await expect(page.getByText('Residual cell: likelihood Unlikely, impact Moderate')).toBeVisible()
  await shot(page, 'risk-walk-13-register-from-cell')
})

test('RSK-43/45 the owner requests acceptance from ro, who accepts it from the acceptance inbox', async ({ page }) => {
  await as(page, 'mgr')
  await openRisk(page)
  await actions(page).getByRole('button', { name: 'Request acceptance' }).click()
  const dialog = page.getByRole('dialog', { name: `Request acceptance – ${ref}` })
  // A Medium risk: the picker offers the managers and risk officers who see it (§12.3), never the requester.
  const approver = dialog.getByLabel('Approver')
  await expect(approver.getByRole('option', { name: 'Rosa Olsen (ro@riskdesk.test)' })).toHaveCount(1)
  await expect(approver.getByRole('option', { name: /\(mgr@riskdesk\.test\)/ })).toHaveCount(0)
  await expect(approver.getByRole('option', { name: /\(ro2@riskdesk\.test\)/ })).toHaveCount(0)
  await approver.selectOption({ label: 'Rosa Olsen (ro@riskdesk.test)' })
  await dialog
    .getByLabel('Justification')
    .fill('Residual risk is Medium after the daily sweep; replacing every fascia costs more than the expected loss.')
  await dialog.getByLabel('Conditions').fill('The daily sweep log is reviewed weekly by the branch manager.')
  await dialog.getByLabel('Expiry date').fill(utcDate(180))
  await shot(page, 'risk-walk-14-acceptance-request')
  await dialog.getByRole('button', { name: 'Send request' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.locator('.detail-meta')).toContainText('Acceptance pending')
  await expect(page.getByText(/Applies to risk version \d+: residual Medium \(6\)/)).toBeVisible()
  await shot(page, 'risk-walk-15-acceptance-pending')

  await as(page, 'ro')
  await page.getByRole('link', { name: 'Risk acceptances' }).click()
  await expect(page.getByRole('heading', { name: 'Acceptances awaiting my decision', level: 1 })).toBeVisible()
  const row = page.getByRole('row').filter({ hasText: ref })
  await expect(row).toContainText('6 Medium')
  await expect(row).toContainText('replacing every fascia')
  await shot(page, 'risk-walk-16-acceptance-inbox')
  await row.getByRole('button', { name: /^Accept RAC-/ }).click()
  const decide = page.getByRole('dialog', { name: /^Accept RAC-/ })
  await decide.getByLabel('Decision note').fill('Accepted while the sweep log stays complete.')
  await decide.getByRole('button', { name: 'Accept' }).click()
  await expect(page.getByRole('status').filter({ hasText: /accepted\./ })).toBeVisible()
  await expect(page.getByText('No acceptance is waiting for your decision.')).toBeVisible()

  await openRisk(page)
  const until = `Accepted until ${utcDate(180)}`
  await expect(page.locator('.detail-meta')).toContainText(until)
  await page.getByRole('link', { name: 'Risk register', exact: true }).click()
  await expect(page.getByRole('row').filter({ hasText: ref })).toContainText(until)
  await openRisk(page)
  await tab(page, /^Acceptance$/).click()
  await expect(page.getByText('Accepted while the sweep log stays complete.')).toBeVisible()
  await shot(page, 'risk-walk-17-accepted')
})

test('RSK-23 emp and aud read the accepted risk without any action', async ({ page }) => {
  for (const user of ['emp', 'aud']) {
    await as(page, user)
    await openRisk(page)
    await expect(chip(page)).toHaveText('Active')
    await expect(actions(page)).toHaveCount(0)
    await tab(page, /^Controls/).click()
    await expect(page.getByRole('row').filter({ hasText: CONTROL })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Link control' })).toHaveCount(0)
    await tab(page, /^Notes/).click()
    await expect(page.getByLabel('Add a comment')).toHaveCount(0)
    await expect(page.getByRole('list', { name: 'Notes, newest first' })).toContainText('REASSESSMENT REQUESTED')
    if (user === 'emp') await shot(page, 'risk-walk-18-employee-read-only')
  }
})

test('RSK-34 heat map on the demo organisation as carol_orm', async ({ page }) => {
  const demo = `http://127.0.0.1:${PORT + 2}/`
  await page.goto(demo)
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
  await page.getByLabel('Email').fill('carol.osei@demobank.example')
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await page.goto(`${demo}#/risks/heat-map`)
  const inherent = page.getByRole('group', { name: 'Inherent heat map' })
  const residual = page.getByRole('group', { name: 'Residual heat map' })
  await expect(inherent.getByRole('button', { name: 'Likelihood 4 Likely, impact 5 Severe: 1 risk' })).toBeVisible()
  await expect(
    inherent.getByRole('button', { name: 'Likelihood 5 Almost certain, impact 4 Major: 1 risk' }),
  ).toBeVisible()
  await expect(
    residual.getByRole('button', { name: 'Likelihood 3 Possible, impact 3 Moderate: 2 risks' }),
  ).toBeVisible()
  await expect(inherent.getByText('(2 risks)')).toBeVisible()
  await expect(page.locator('.rcsa-portfolio-trend')).toBeVisible()
  // The pointer rests where "Sign in" was, over a cell: move it off the maps before the picture.
  await page.mouse.move(0, 0)
  await shot(page, 'risk-heatmap-demo')
})
