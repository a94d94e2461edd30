import { mkdirSync } from 'node:fs'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { v7 } from 'uuid'
import { call, shot, SHOTS, signIn } from './support'

// The admin's RCSA settings (risks.md §15 "Risk matrix (settings)", "Risk workflow settings"; controls.md §11
// "Frameworks (settings)") on the seeded test server. The whole suite shares that server, so afterAll puts back
// what the walk changed (required fields, IT Risk's Basel types, the control and KRI settings, and the matrix:
// a version with version 1's levels and bands is published again) before the other specs' risks are created.
test.describe.configure({ mode: 'serial' })

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage()
  await signIn(page, 'adm')
  await call(page, 'riskConfig.setRequiredFields', { target_status: 'ACTIVE', fields: [] })
  await call(page, 'riskConfig.setRequiredFields', { target_status: 'ASSESSED', fields: [] })
  await call(page, 'riskCategory.update', { id: 'IT_RISK', event_type_ids: ['EL6', 'EL2.2'] })
  await call(page, 'rcsaSettings.set', {
    control_fields_locked_when_linked_active: ['control_type', 'control_nature', 'business_unit_id'],
    evidence_max_file_mb: 50,
    kri_default_grace_days: { DAILY: 1, WEEKLY: 2, MONTHLY: 5, QUARTERLY: 10, ANNUALLY: 20 },
  })
  const versions = await call<{ items: { id: string; version: number; status: string; row_version: number }[] }>(
    page,
    'riskMatrix.list',
    {},
  )
  const first = versions.items.find((v) => v.version === 1)!
  if (versions.items.find((v) => v.status === 'PUBLISHED')?.version !== 1) {
    for (const d of versions.items.filter((v) => v.status === 'DRAFT'))
      await call(page, 'riskMatrix.deleteDraft', { id: d.id, expected_version: d.row_version })
    const id = v7()
    await call(page, 'riskMatrix.createDraft', { id, based_on_version_id: first.id })
    const draft = await call<{ row_version: number }>(page, 'riskMatrix.get', { id })
    await call(page, 'riskMatrix.publish', { id, expected_version: draft.row_version })
  }
  await page.close()
})

const GAP = 'Bands must cover scores 1 to 25 without gaps or overlaps.'
const COLOUR = 'Band colour must be a hex colour like #C62828.'

/** A screenshot of one part of the screen, readable where a full page would be too tall. */
async function shotOf(part: Locator, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await part.screenshot({ path: `${SHOTS}/${name}.png` })
}

async function open(page: Page, link: string, heading: string) {
  await page.getByRole('link', { name: link, exact: true }).click()
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible()
}

/** The preview cell of (likelihood, impact), named by the heat map as "Likelihood 5 …, impact 3 …: score 15, High". */
const previewCell = (page: Page, likelihood: number, impact: number) =>
  page
    .getByRole('group', { name: /^Preview.* heat map$/ })
    .getByRole('img', { name: new RegExp(`^Likelihood ${likelihood} .*, impact ${impact} .*: score `) })

const versionRow = (page: Page, version: number) =>
  page
    .getByRole('table', { name: 'Versions' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: String(version), exact: true }) })

test.beforeEach(async ({ page }) => {
  await signIn(page, 'adm')
})

test('adm opens the three RCSA settings screens', async ({ page }) => {
  await test.step('Risk matrix: version 1 is published and shown read-only with its grid', async () => {
    await open(page, 'Risk matrix', 'Risk matrix')
    await expect(versionRow(page, 1)).toContainText('Published')
    await expect(versionRow(page, 1)).toContainText('RiskDesk (installed)')
    await expect(page.getByRole('heading', { name: 'Version 1 (Published)' })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Version 1 (Published)' }).getByRole('textbox')).toHaveCount(0)
    const grid = page.getByRole('group', { name: 'Grid heat map' })
    await expect(grid.getByRole('img', { name: /impact 3 .*: score 15, Critical$/ }).first()).toBeVisible()
    await shot(page, 'rcsa-settings-01-matrix')
  })
  await test.step('Risk workflow settings: every section is there', async () => {
    await open(page, 'Risk workflow settings', 'Risk workflow settings')
    for (const h of [
      'Transitions',
      'Field locks',
      'Required fields',
      'Categories and Basel event types',
      'Review and acceptance periods',
      'Controls and KRIs',
    ])
      await expect(page.getByRole('heading', { name: h, level: 2 })).toBeVisible()
    await expect(page.getByLabel('Risk Officer may move a risk from Assessed to Active')).toBeChecked()
    await expect(page.getByLabel('Manager may move a risk from Assessed to Active')).not.toBeChecked()
    await expect(page.getByLabel('Manager may edit Owner in Draft')).toBeChecked()
    await expect(page.getByLabel('Manager may edit Owner in Assessed')).not.toBeChecked()
    await expect(page.getByLabel('Review interval (days)')).toHaveValue('365')
    const controls = page.getByRole('region', { name: 'Controls and KRIs' })
    await expect(controls.getByLabel('Largest evidence file (MB)')).toHaveValue('50')
    await expect(controls.getByLabel('control type')).toBeChecked()
    await controls.getByLabel('Largest evidence file (MB)').fill('0')
    await controls.getByRole('button', { name: 'Save' }).click()
    await expect(controls.locator('.field-error, [role="alert"]').first()).toBeVisible()
    await controls.getByLabel('Largest evidence file (MB)').fill('40')
    await controls.getByLabel('Monthly').fill('7')
    await controls.getByRole('button', { name: 'Save' }).click()
    await expect(controls.getByRole('status')).toHaveText('Settings saved.')
    await shot(page, 'rcsa-settings-02-workflow')
  })
  await test.step('Frameworks: the installed frameworks with pattern and example', async () => {
    await open(page, 'Frameworks', 'Frameworks')
    const iso = page.getByRole('row').filter({ hasText: 'ISO27001_2022' })
    await expect(iso).toContainText('A.8.15')
    await expect(iso).toContainText('Active')
    await shot(page, 'rcsa-settings-03-frameworks')
  })
})

test('RSK-37/36 matrix draft: a gap and a bad colour are named as typed, the fix shows in the preview, publishing supersedes version 1', async ({
  page,
}) => {
  await open(page, 'Risk matrix', 'Risk matrix')

  await test.step('New draft copies the published version', async () => {
    await page.getByRole('button', { name: 'New draft' }).click()
    await expect(page.getByRole('heading', { name: 'Draft version 2' })).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'Draft version 2 created' })).toBeVisible()
    await expect(versionRow(page, 2)).toContainText('Draft')
    await expect(page.getByLabel('Band 3 maximum score')).toHaveValue('14')
    await expect(page.getByRole('button', { name: 'New draft' })).toBeDisabled()
    await expect(previewCell(page, 5, 3)).toHaveAccessibleName(/score 15, Critical$/)
    await shot(page, 'rcsa-settings-04-draft')
  })

  await test.step('RSK-37 Critical from 16 leaves 15 uncovered: the message and a grey cell, as typed', async () => {
    await page.getByLabel('Band 4 minimum score').fill('16')
    await expect(page.getByText(GAP)).toBeVisible()
    await expect(page.getByLabel('Band 4 minimum score')).toHaveAttribute('aria-invalid', 'true')
    await expect(previewCell(page, 5, 3)).toHaveAccessibleName(/score 15, No band$/)
    await expect(previewCell(page, 3, 5)).toHaveAccessibleName(/score 15, No band$/)
    await expect(page.getByText('No band covers score 15.')).toBeVisible()
    await page.getByLabel('Band 1 colour', { exact: true }).fill('red')
    await expect(page.getByText(COLOUR)).toBeVisible()
    await shotOf(page.getByRole('region', { name: 'Draft version 2' }), 'rcsa-settings-05-gap')
  })

  await test.step('RSK-37 the save is refused with the same messages, shown once; nothing typed is lost', async () => {
    await page.getByRole('button', { name: 'Save draft' }).click()
    await expect(page.getByText(GAP)).toHaveCount(1)
    await expect(page.getByText(COLOUR)).toHaveCount(1)
    await expect(page.getByLabel('Band 4 minimum score')).toHaveValue('16')
    await expect(page.getByLabel('Band 1 colour', { exact: true })).toHaveValue('red')
    const saved = await call(page, 'riskMatrix.list', {})
    expect(saved.items[0].bands[3].min_score).toBe(15)
  })

  await test.step('High 10–15 and Critical 16–25: the messages go and the preview turns 15 High', async () => {
    await page.getByLabel('Band 1 colour', { exact: true }).fill('#2E7D32')
    await page.getByLabel('Band 3 maximum score').fill('15')
    await expect(page.getByText(GAP)).toHaveCount(0)
    await expect(page.getByText(COLOUR)).toHaveCount(0)
    await expect(previewCell(page, 5, 3)).toHaveAccessibleName(/score 15, High$/)
    await expect(previewCell(page, 5, 3)).toHaveCSS('background-color', 'rgb(239, 108, 0)')
    await expect(previewCell(page, 4, 4)).toHaveAccessibleName(/score 16, Critical$/)
    await expect(page.getByRole('button', { name: 'Publish…' })).toBeDisabled()
    await page.getByRole('button', { name: 'Save draft' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Draft version 2 saved.' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Publish…' })).toBeEnabled()
    await shotOf(page.getByRole('region', { name: 'Draft version 2' }), 'rcsa-settings-06-fixed')
  })

  await test.step('RSK-36 publish: version 2 PUBLISHED, version 1 SUPERSEDED and read-only', async () => {
    await page.getByRole('button', { name: 'Publish…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Publish matrix version 2' })
    await expect(dialog).toContainText('Existing risks keep the version they were assessed under')
    await dialog.getByRole('button', { name: 'Publish' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Version 2 published' })).toBeVisible()
    await expect(versionRow(page, 2)).toContainText('Published')
    await expect(versionRow(page, 2)).toContainText('Adam Mills')
    await expect(versionRow(page, 1)).toContainText('Superseded')
    await expect(page.getByRole('heading', { name: 'Version 2 (Published)' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'New draft' })).toBeEnabled()
    const current = await call(page, 'riskMatrix.current', {})
    expect(current.version).toBe(2)
    expect(current.bands.map((b: any) => `${b.code} ${b.min_score}-${b.max_score}`)).toEqual([
      'LOW 1-4',
      'MEDIUM 5-9',
      'HIGH 10-15',
      'CRITICAL 16-25',
    ])
    await shot(page, 'rcsa-settings-07-published')
    await versionRow(page, 1).getByRole('button', { name: 'View version 1' }).click()
    await expect(page.getByRole('heading', { name: 'Version 1 (Superseded)' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Save draft' })).toHaveCount(0)
    await expect(
      page
        .getByRole('group', { name: 'Grid heat map' })
        .getByRole('img', { name: /impact 3 .*: score 15, Critical$/ })
        .first(),
    ).toBeVisible()
  })

  await test.step('a new draft can be discarded', async () => {
    await page.getByRole('button', { name: 'New draft' }).click()
    await expect(page.getByRole('heading', { name: 'Draft version 3' })).toBeVisible()
    await page.getByRole('button', { name: 'Delete draft' }).click()
    await page
      .getByRole('dialog', { name: 'Delete draft version 3' })
      .getByRole('button', { name: 'Delete draft' })
      .click()
    await expect(page.getByRole('status').filter({ hasText: 'Draft version 3 deleted.' })).toBeVisible()
    await expect(versionRow(page, 3)).toHaveCount(0)
    await expect(page.getByRole('heading', { name: 'Version 2 (Published)' })).toBeVisible()
  })
})

test('RSK-07 adm edits the Basel types of IT Risk: none is refused, EL2.2 Systems Security is removed', async ({
  page,
}) => {
  await open(page, 'Risk workflow settings', 'Risk workflow settings')
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'IT_RISK', exact: true }) })
  await expect(row).toContainText('EL2.2 Systems Security')
  await row.getByRole('button', { name: 'Edit IT Risk' }).click()
  const form = page.getByRole('form', { name: 'Edit category “IT Risk”' })
  await expect(form.getByLabel('EL6 Business Disruption & System Failures')).toBeChecked()
  await expect(form.getByLabel('EL2.2 Systems Security')).toBeChecked()

  await test.step('no type at all is refused next to the types', async () => {
    await form.getByLabel('EL6 Business Disruption & System Failures').uncheck()
    await form.getByLabel('EL2.2 Systems Security').uncheck()
    await form.getByRole('button', { name: 'Save category' }).click()
    await expect(form.getByText('A risk category must allow at least one Basel event type.')).toBeVisible()
    await shotOf(form, 'rcsa-settings-08-category-error')
  })

  await test.step('EL6 alone is saved; ticking EL2 would include its level-2 types', async () => {
    await form.getByLabel('EL6 Business Disruption & System Failures').check()
    await form.getByLabel('EL2 External Fraud', { exact: true }).check()
    await expect(form.getByLabel('EL2.2 Systems Security')).toBeChecked()
    await expect(form.getByLabel('EL2.2 Systems Security')).toBeDisabled()
    await shotOf(form, 'rcsa-settings-09-category-types')
    await form.getByLabel('EL2 External Fraud', { exact: true }).uncheck()
    await expect(form.getByLabel('EL2.2 Systems Security')).not.toBeChecked()
    await form.getByRole('button', { name: 'Save category' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Category “IT Risk” saved.' })).toBeVisible()
    await expect(row).not.toContainText('EL2.2')
    await expect(row).toContainText('EL6 Business Disruption & System Failures')
    const list = await call(page, 'riskCategory.list', {})
    const it = list.items.find((c: any) => c.id === 'IT_RISK')
    expect(it.event_type_ids).toEqual(['EL6'])
  })
})

test('risk workflow sections save on their own and show the API errors', async ({ page }) => {
  await open(page, 'Risk workflow settings', 'Risk workflow settings')

  await test.step('a required field for Active', async () => {
    await page.getByLabel('Product is required to enter Active').check()
    await expect(page.getByText('This section has unsaved changes.')).toBeVisible()
    await page.getByRole('button', { name: 'Save required fields' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Required fields saved.' })).toBeVisible()
    const config = await call(page, 'riskConfig.get', {})
    expect(config.required_fields).toEqual([{ target_status: 'ACTIVE', field: 'product_id' }])
  })

  await test.step('a warning period out of range is refused next to its field', async () => {
    await page.getByLabel('Expiry warning (days)').fill('400')
    await page.getByRole('button', { name: 'Save periods' }).click()
    await expect(page.getByText('Must be a whole number from 0 to 365.')).toBeVisible()
    await expect(page.getByLabel('Expiry warning (days)')).toHaveAttribute('aria-invalid', 'true')
    await page.getByLabel('Expiry warning (days)').fill('45')
    await page.getByRole('button', { name: 'Save periods' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible()
    await expect(page.getByLabel('Product is required to enter Active')).toBeChecked()
    await shotOf(page.getByRole('region', { name: 'Review and acceptance periods' }), 'rcsa-settings-10-periods')
  })
})

test('frameworks: a bad pattern, an example that does not match and a taken code are named; deactivate', async ({
  page,
}) => {
  await open(page, 'Frameworks', 'Frameworks')
  await page.getByRole('button', { name: 'New framework' }).click()
  const form = page.getByRole('form', { name: 'New framework' })

  await test.step('the messages come from framework.create, next to their fields', async () => {
    await form.getByLabel('Code').fill('GDPR')
    await form.getByLabel('Name').fill('Sarbanes-Oxley Act section 404')
    await form.getByLabel('Clause pattern').fill('^(404')
    await form.getByRole('button', { name: 'Add framework' }).click()
    await expect(form.getByText('Framework code already in use.')).toBeVisible()
    await expect(form.getByText('Clause pattern is not a valid regular expression.')).toBeVisible()
    await expect(form.getByLabel('Clause pattern')).toHaveAttribute('aria-invalid', 'true')
    await shotOf(form, 'rcsa-settings-11-framework-errors')
    await form.getByLabel('Code').fill('SOX_404')
    await form.getByLabel('Clause pattern').fill('^404\\([a-c]\\)$')
    await form.getByLabel('Clause example').fill('404')
    await form.getByRole('button', { name: 'Add framework' }).click()
    await expect(form.getByText('The example does not match the pattern.')).toBeVisible()
    await expect(form.getByText('Framework code already in use.')).toHaveCount(0)
    await form.getByLabel('Clause example').fill('404(a)')
    await form.getByRole('button', { name: 'Add framework' }).click()
  })

  const row = page.getByRole('row').filter({ hasText: 'SOX_404' })
  await test.step('the new framework is listed, then deactivated', async () => {
    await expect(page.getByRole('status').filter({ hasText: 'Framework SOX_404 saved.' })).toBeVisible()
    await expect(row).toContainText('404(a)')
    await expect(row).toContainText('Active')
    await row.getByRole('button', { name: 'Deactivate SOX_404' }).click()
    await page.getByRole('dialog', { name: 'Deactivate SOX_404' }).getByRole('button', { name: 'Deactivate' }).click()
    await expect(row).toContainText('Inactive')
    await expect(row.getByRole('button', { name: 'Reactivate SOX_404' })).toBeVisible()
    const list = await call(page, 'framework.list', { is_active: false })
    expect(list.items.map((f: any) => f.code)).toContain('SOX_404')
    await shot(page, 'rcsa-settings-12-framework-added')
  })

  await test.step('editing an installed framework with a bad pattern is refused too', async () => {
    await page
      .getByRole('row')
      .filter({ hasText: 'NIST_CSF_2_0' })
      .getByRole('button', { name: 'Edit NIST_CSF_2_0' })
      .click()
    const edit = page.getByRole('form', { name: 'Edit framework NIST_CSF_2_0' })
    await edit.getByLabel('Clause pattern').fill('^[A-Z')
    await edit.getByRole('button', { name: 'Save framework' }).click()
    await expect(edit.getByText('Clause pattern is not a valid regular expression.')).toBeVisible()
    await edit.getByRole('button', { name: 'Cancel' }).click()
    await expect(edit).toHaveCount(0)
  })
})
