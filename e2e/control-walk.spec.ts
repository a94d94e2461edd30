import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { as, call, PASSWORD, shot } from './support'

// controls.md §11 screens, walked by the people of README §3 on the seeded test server, then the risk–control
// matrix and coverage on the demo organisation (PORT + 2).

test.describe.configure({ mode: 'serial' })

const PORT = Number(process.env['E2E_PORT'] ?? 5199)
const DEMO = `http://127.0.0.1:${PORT + 2}/`
const CTL_REF = /CTL-\d{4}-[A-Z]{3,5}-\d{5,}/
const utcDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
const TITLE = 'Branch cash reconciliation sign-off'
const NOTES = 'Two of five sampled branches skipped the evening count without escalation.'

const tab = (page: Page, name: RegExp | string) => page.getByRole('tab', { name })
const header = (page: Page) => page.locator('.detail-meta')
const card = (page: Page, title: string) => page.locator('.evidence-card').filter({ hasText: title })

let detailUrl = ''
let controlRef = ''
let sha256 = ''
const EVIDENCE = 'Reconciliation sign-off sheet'
const validUntil = utcDate(90)

test('CTL-02/CTL-10 ro creates a control in the form and references a framework clause', async ({ page }) => {
  await test.step('ro opens the library and the New control form with its defaults', async () => {
    await as(page, 'ro')
    await page.getByRole('link', { name: 'Controls library' }).click()
    await expect(page.getByRole('heading', { name: 'Controls library', level: 1 })).toBeVisible()
    await page.getByRole('button', { name: 'New control' }).click()
    const dialog = page.getByRole('dialog', { name: 'New control' })
    await expect(dialog.getByLabel('Type')).toHaveValue('PREVENTIVE')
    await expect(dialog.getByLabel('Nature')).toHaveValue('MANUAL')
    await expect(dialog.getByLabel('Implementation status')).toHaveValue('IMPLEMENTED')
    await expect(dialog.getByLabel('Frequency')).toHaveValue('')
    await dialog.getByLabel('Title').fill(TITLE)
    await dialog.getByLabel('Description').fill('The branch manager signs the evening cash count sheet.')
    await dialog.getByLabel('Design effectiveness').selectOption({ label: '3 Adequate' })
    await dialog.getByRole('button', { name: 'Create control' }).click()
    // CTL-02: no frequency → the catalogue's message under the field; what was typed stays.
    await expect(dialog.getByText('This field is required.')).toBeVisible()
    await expect(dialog.getByLabel('Title')).toHaveValue(TITLE)
    await shot(page, 'control-walk-00-form-required')
    await dialog.getByLabel('Frequency').selectOption({ label: 'Daily' })
    await dialog.getByRole('button', { name: 'Create control' }).click()
  })

  await test.step('the new control opens with its badges', async () => {
    await expect(page.getByRole('status').filter({ hasText: /Control CTL-.* created\./ })).toBeVisible()
    const h1 = page.getByRole('heading', { level: 1 })
    await expect(h1).toContainText(TITLE)
    controlRef = ((await h1.textContent()) ?? '').match(CTL_REF)?.[0] ?? ''
    expect(controlRef).toMatch(CTL_REF)
    detailUrl = page.url()
    await expect(header(page)).toContainText('No valid evidence')
    await expect(header(page)).toContainText('Not tested')
    await expect(page.getByText('Preventive', { exact: true })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0)
    await shot(page, 'control-walk-01-created')
  })

  await test.step('a clause in the wrong format is refused with the framework example, then the right one is added', async () => {
    await tab(page, /^Framework references/).click()
    await page.getByLabel('Framework', { exact: true }).selectOption({ label: 'ISO/IEC 27001:2013 Annex A' })
    await expect(page.getByText('Format: e.g. A.12.4.1')).toBeVisible()
    await page.getByLabel('Clause', { exact: true }).fill('12.4.1')
    await page.getByRole('button', { name: 'Add reference' }).click()
    await expect(
      page.getByText('Clause code does not match the format for ISO/IEC 27001:2013 Annex A (e.g. A.12.4.1).'),
    ).toBeVisible()
    await shot(page, 'control-walk-02-clause-format')
    await page.getByLabel('Clause', { exact: true }).fill('A.12.4.1')
    await page.getByLabel('Clause title (optional)').fill('Event logging')
    await page.getByRole('button', { name: 'Add reference' }).click()
    const row = page.getByRole('row').filter({ hasText: 'A.12.4.1' })
    await expect(row).toContainText('Event logging')
    await expect(tab(page, 'Framework references (1)')).toBeVisible()
  })
})

test('CTL-11 ro attaches a real file as evidence: Pending review with its SHA-256', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ctl-walk-'))
  const file = join(dir, 'cash-signoff-2026.txt')
  const bytes = `Evening cash count sign-off\nBranch 014 · counted by two staff\n${new Date().toISOString()}\n`
  writeFileSync(file, bytes)
  sha256 = createHash('sha256').update(bytes).digest('hex')

  await as(page, 'ro')
  await page.goto(detailUrl)
  await tab(page, /^Evidence/).click()
  await page.getByRole('button', { name: 'Add evidence' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add evidence' })
  await dialog.getByLabel('Title').fill(EVIDENCE)
  await dialog.getByLabel('Kind').selectOption({ label: 'Document' })
  const chooser = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: 'Choose file…' }).click()
  await (await chooser).setFiles(file)
  // The harness stored the file and answered its fingerprint: the same SHA-256 as computed here.
  await expect(dialog.getByText(sha256)).toBeVisible()
  await expect(dialog.getByText('cash-signoff-2026.txt')).toBeVisible()
  await dialog.getByLabel('Valid until (optional)').fill(validUntil)
  await dialog.getByLabel('Observation (optional)').fill('Signed by both staff; one correction initialled.')
  await shot(page, 'control-walk-03-evidence-dialog')
  await dialog.getByRole('button', { name: 'Add evidence' }).click()
  await expect(dialog).toBeHidden()

  const c = card(page, EVIDENCE)
  await expect(c.locator('.evidence-state')).toHaveText('Pending review')
  await expect(c.getByText(sha256).first()).toBeVisible()
  await expect(c.getByText('v1', { exact: false }).first()).toBeVisible()
  // CTL-12: the uploader cannot review their own revision; the screen says so instead of offering Accept.
  await expect(c.getByRole('button', { name: 'Accept v1' })).toHaveCount(0)
  await expect(c.getByText('You uploaded this revision')).toBeVisible()
  // Still no accepted proof: the control keeps its grey flag.
  await expect(header(page)).toContainText('No valid evidence')
  await c.getByRole('button', { name: 'Verify file v1' }).click()
  await expect(c.getByText(/^MATCH/)).toBeVisible()
  await shot(page, 'control-walk-04-evidence-pending')
})

test('CTL-12 rog accepts the revision: the flag goes, the card reads "Valid until …"', async ({ page }) => {
  await as(page, 'rog')
  await page.goto(detailUrl)
  await expect(header(page)).toContainText('No valid evidence')
  await tab(page, /^Evidence/).click()
  const c = card(page, EVIDENCE)
  await c.getByRole('button', { name: 'Accept v1' }).click()
  await expect(c.locator('.evidence-state')).toHaveText(`Valid until ${validUntil}`)
  await expect(header(page)).not.toContainText('No valid evidence')
  await expect(header(page)).not.toContainText('Evidence expired')
  await c.getByRole('button', { name: /Show all revisions/ }).click()
  const chain = c.getByRole('list', { name: 'Revision chain, newest first' })
  await expect(chain).toContainText('Accepted')
  await expect(chain).toContainText('Rhea Gupta')
  await expect(chain).toContainText(sha256)
  await shot(page, 'control-walk-05-evidence-accepted')
})

test('CTL-15/CTL-16 aud opens and verifies the file, and "Proof on date…" shows the proof held at the end of a day', async ({
  page,
}) => {
  await as(page, 'aud')
  await page.goto(detailUrl)
  await tab(page, /^Evidence/).click()
  // The auditor reads and verifies but has no write action.
  await expect(page.getByRole('button', { name: 'Add evidence' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Archive' })).toHaveCount(0)
  // CTL-16: the auditor opens the stored file (the harness downloads it) and verifies it.
  const c = card(page, EVIDENCE)
  const download = page.waitForEvent('download')
  await c.getByRole('button', { name: 'Open v1' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('cash-signoff-2026.txt')
  expect(
    createHash('sha256')
      .update(readFileSync(await file.path()))
      .digest('hex'),
  ).toBe(sha256)
  await c.getByRole('button', { name: 'Verify file v1' }).click()
  await expect(c.getByText(/^MATCH/)).toBeVisible()
  await page.getByLabel('Proof on date…').fill(utcDate(0))
  await page.getByRole('button', { name: 'Show proof' }).click()
  const proof = page.locator('.proof-result')
  await expect(proof.getByRole('heading')).toHaveText(`Proof at the end of ${utcDate(0)}: Valid evidence`)
  await expect(proof).toContainText(sha256)
  await expect(proof).toContainText(`Valid until ${validUntil}`)
  await shot(page, 'control-walk-06-proof-on-date')
  await page.getByLabel('Proof on date…').fill(utcDate(-1))
  await page.getByRole('button', { name: 'Show proof' }).click()
  await expect(proof.getByRole('heading')).toHaveText(`Proof at the end of ${utcDate(-1)}: No valid evidence`)
  await expect(proof).toContainText(`No evidence record existed on ${utcDate(-1)}.`)
})

test('CTL-19 ro records an INEFFECTIVE test: notes are required, then the badge reads Ineffective', async ({
  page,
}) => {
  await as(page, 'ro')
  await page.goto(detailUrl)
  await tab(page, 'Tests').click()
  await page.getByRole('button', { name: 'Record test' }).click()
  const dialog = page.getByRole('dialog', { name: /^Record a test of / })
  await expect(dialog.getByLabel('Test date')).toHaveValue(utcDate(0))
  await dialog.getByLabel('Ineffective').check()
  await dialog.getByRole('button', { name: 'Record test' }).click()
  await expect(
    dialog.getByText('Notes of at least 10 characters are required when the result is not Effective.'),
  ).toBeVisible()
  await dialog.getByLabel('Notes').fill(NOTES)
  await shot(page, 'control-walk-07-test-dialog')
  await dialog.getByRole('button', { name: 'Record test' }).click()
  await expect(dialog).toBeHidden()
  const row = page.getByRole('row').filter({ hasText: NOTES })
  await expect(row).toContainText('Ineffective')
  await expect(row).toContainText('Latest')
  await expect(header(page).locator('.badge', { hasText: 'Ineffective' })).toBeVisible()
  await shot(page, 'control-walk-08-test-ineffective')
})

test('CTL-10/CTL-23 the library filters by evidence, last test and framework clause', async ({ page }) => {
  await as(page, 'ro')
  await page.getByRole('link', { name: 'Controls library' }).click()
  const row = page.getByRole('row').filter({ hasText: TITLE })
  await expect(row).toBeVisible()
  await expect(row).toContainText('Ineffective')
  await expect(row).toContainText('Valid evidence')

  const filters = page.getByRole('search', { name: 'Filter controls' })
  await filters.getByRole('group', { name: 'Last test' }).getByLabel('Ineffective').check()
  await expect(row).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: 'Not tested' })).toHaveCount(0)
  await filters.getByRole('group', { name: 'Evidence' }).getByLabel('No valid evidence').check()
  await expect(page.getByText('No controls match these filters.')).toBeVisible()
  await filters.getByRole('group', { name: 'Evidence' }).getByLabel('No valid evidence').uncheck()
  await filters.getByRole('group', { name: 'Evidence' }).getByLabel('Valid evidence', { exact: true }).check()
  await expect(row).toBeVisible()
  await shot(page, 'control-walk-09-library-filtered')

  await filters.getByRole('button', { name: 'Clear filters' }).click()
  await filters.getByText('More filters').click()
  await filters.getByLabel('Framework').selectOption({ label: 'ISO/IEC 27001:2013 Annex A' })
  await filters.getByLabel('Clause prefix').fill('A.12')
  await filters.getByRole('button', { name: 'Apply' }).click()
  await expect(row).toBeVisible()
  await filters.getByLabel('Clause prefix').fill('A.9')
  await filters.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByText('No controls match these filters.')).toBeVisible()
})

test('CTL-09 the starter library adds A.12.4.1 with its references, then shows "Added"', async ({ page }) => {
  await as(page, 'ro')
  await page.getByRole('link', { name: 'Starter library' }).click()
  await expect(page.getByRole('heading', { name: 'Starter library', level: 1 })).toBeVisible()
  const templates = page.getByRole('list', { name: 'Control templates' })
  for (const name of [
    'A.9.2.1 Multi-Factor Authentication',
    'A.12.3.1 Password Policy',
    'A.12.4.1 Centralized Logging',
  ])
    await expect(templates.getByRole('heading', { name })).toBeVisible()
  const logging = templates.getByRole('listitem').filter({ hasText: 'Centralized Logging' })
  await expect(logging).toContainText('AU-6(4)')
  await expect(logging).toContainText('Central review and analysis')
  await shot(page, 'control-walk-10-starter-library')
  await logging.getByRole('button', { name: 'Add A.12.4.1 Centralized Logging to library' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add A.12.4.1 Centralized Logging to the library' })
  await expect(dialog.getByLabel('Business unit')).toHaveValue(/.+/)
  await expect(dialog.getByLabel('Group-wide')).toBeChecked()
  await dialog.getByRole('button', { name: 'Add to library' }).click()
  await expect(dialog).toBeHidden()
  await expect(logging.getByText('Added', { exact: true })).toBeVisible()
  await expect(logging.getByRole('button', { name: /Add A\.12\.4\.1/ })).toHaveCount(0)
  await shot(page, 'control-walk-11-starter-added')
  await page.getByRole('status').getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Centralized Logging')
  await expect(header(page)).toContainText('Group-wide')
  await expect(tab(page, 'Framework references (5)')).toBeVisible()
})

test('CTL-04 Deactivate is disabled with "Linked to 1 ACTIVE risk(s)" while an ACTIVE risk relies on the control', async ({
  page,
}) => {
  await as(page, 'ro')
  const me = await call(page, 'session.status', {})
  const retail: string = me.user.business_unit_id
  const control = await call(page, 'control.create', {
    title: 'Dual control on vault opening',
    description: 'Two keyholders are present whenever the vault is opened.',
    control_frequency: 'DAILY',
    control_type: 'PREVENTIVE',
    business_unit_id: retail,
    owner_id: me.user.id,
  })
  const risk = await call(page, 'risk.create', {
    title: 'Vault cash theft by an insider',
    description: 'A single employee opens the vault alone and removes cash.',
    risk_category_id: 'FRAUD_RISK',
    business_unit_id: retail,
    owner_id: me.user.id,
    basel_event_type_id: 'EL1.2',
    inherent_likelihood: 3,
    inherent_impact: 4,
  })
  const version = async () => (await call(page, 'risk.get', { id: risk.id })).version as number
  await call(page, 'risk.linkControl', { risk_id: risk.id, control_id: control.id, notes: 'Opening log reviewed.' })
  await call(page, 'risk.submitForReview', { id: risk.id, expected_version: await version() })
  const v = await version()
  await call(page, 'risk.update', {
    id: risk.id,
    // Residual 3 × 2, away from the risk walk's residual cell (L2, I3) on the shared test server.
    changes: { residual_likelihood: { before: null, after: 3 }, residual_impact: { before: null, after: 2 } },
  })
  expect(await version()).toBe(v + 1)
  await call(page, 'risk.approve', { id: risk.id, expected_version: await version() })

  await page.goto(`/#/controls/${control.id}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Dual control on vault opening')
  const deactivate = page.getByRole('group', { name: 'Control actions' }).getByRole('button', { name: 'Deactivate' })
  await expect(deactivate).toBeDisabled()
  await expect(deactivate).toHaveAttribute('title', 'Linked to 1 ACTIVE risk(s)')
  await expect(page.getByText('Linked to 1 ACTIVE risk(s)', { exact: true })).toBeVisible()
  await tab(page, /^Linked risks/).click()
  const linked = page.getByRole('row').filter({ hasText: 'Vault cash theft by an insider' })
  await expect(linked).toContainText('Active')
  await expect(linked).toContainText('Opening log reviewed.')
  await shot(page, 'control-walk-12-deactivate-disabled')

  // CTL-08 on screen: the locked fields are read-only in the edit form.
  await page.getByRole('group', { name: 'Control actions' }).getByRole('button', { name: 'Edit' }).click()
  const dialog = page.getByRole('dialog', { name: /^Edit control / })
  await expect(dialog.getByLabel('Type')).toBeDisabled()
  await expect(dialog.getByLabel('Nature')).toBeDisabled()
  await expect(dialog.getByLabel('Business unit')).toBeDisabled()
  await expect(dialog.getByLabel('Description')).toBeEditable()
  await dialog.getByLabel('Design effectiveness').selectOption({ label: '4 Effective' })
  await shot(page, 'control-walk-13-edit-locked')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await tab(page, 'Details').click()
  await expect(page.locator('.facts')).toContainText('4 Effective')
})

test('CTL-01/CTL-05 mgr and aud see read-only screens: no New control, Edit, Deactivate or Delete', async ({
  page,
}) => {
  for (const user of ['mgr', 'aud']) {
    await as(page, user)
    await page.getByRole('link', { name: 'Controls library' }).click()
    await expect(page.getByRole('row').filter({ hasText: TITLE })).toBeVisible()
    await expect(page.getByRole('button', { name: 'New control' })).toHaveCount(0)
    await expect(page.getByRole('link', { name: 'Starter library' })).toHaveCount(0)
    await page.getByRole('link', { name: TITLE }).click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText(TITLE)
    await expect(page.getByRole('group', { name: 'Control actions' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: /Delete|Edit|Deactivate/ })).toHaveCount(0)
  }
  await tab(page, 'History').click()
  await expect(page.getByText('Control created')).toBeVisible()
  await expect(page.getByText('Evidence reviewed').first()).toBeVisible()
  await shot(page, 'control-walk-14-auditor-history')
})

async function signInDemo(page: Page, email: string) {
  await page.goto(DEMO)
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
}

test('CTL-14 the demo library flags Firewall Monitoring: Evidence expired, Partially effective', async ({ page }) => {
  await signInDemo(page, 'carol.osei@demobank.example')
  await page.getByRole('link', { name: 'Controls library' }).click()
  const firewall = page.getByRole('row').filter({ hasText: 'Firewall Monitoring' })
  await expect(firewall).toContainText('Evidence expired')
  await expect(firewall).toContainText('Partially effective')
  await expect(page.getByRole('row').filter({ hasText: 'Centralized Logging' })).toContainText('Valid evidence')
  await shot(page, 'control-library-demo')
  const filters = page.getByRole('search', { name: 'Filter controls' })
  await filters.getByRole('group', { name: 'Evidence' }).getByLabel('Evidence expired').check()
  await expect(page.locator('tbody tr')).toHaveCount(1)
  await expect(page.locator('tbody tr')).toContainText('Firewall Monitoring')
})

test('CTL-22 the risk–control matrix on the demo organisation: 2 ACTIVE risks × 3 controls, export with the same cells', async ({
  page,
}) => {
  await signInDemo(page, 'carol.osei@demobank.example')
  await page.getByRole('link', { name: 'Risk–control matrix' }).click()
  const grid = page.getByRole('region', { name: 'Risk–control matrix' })
  await expect(grid.locator('tbody tr')).toHaveCount(2)
  const heads = grid.locator('thead .rcsa-rcm-control')
  await expect(heads).toHaveCount(3)
  await expect(heads.nth(0)).toContainText('Centralized Logging')
  await expect(heads.nth(1)).toContainText('Daily Reconciliation')
  await expect(heads.nth(2)).toContainText('Firewall Monitoring')
  await expect(grid.locator('.rcsa-rcm-linked')).toHaveCount(3)
  await expect(grid.locator('tbody .rcsa-rcm-total')).toHaveText(['2', '1'])
  await shot(page, 'control-matrix-demo')

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const csv = readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '')
  const lines = csv.trim().split('\r\n')
  expect(lines[0]).toBe('Risk,Title,A.12.4.1 Centralized Logging,Daily Reconciliation,Firewall Monitoring')
  expect(lines).toHaveLength(3)
  expect(lines.slice(1).map((l) => l.split(',').slice(-3).join(','))).toEqual(expect.arrayContaining(['X,,X', ',X,']))
})

test('CTL-20 coverage on the demo organisation: tiles and lists, each row opens the risk', async ({ page }) => {
  await signInDemo(page, 'carol.osei@demobank.example')
  await page.getByRole('link', { name: 'Control coverage' }).click()
  await expect(page.getByRole('heading', { name: 'Control coverage', level: 1 })).toBeVisible()
  const tile = (name: string) => page.getByRole('region', { name })
  await expect(tile('Active controls').locator('.metric-value')).toHaveText('5')
  await expect(tile('Average design effectiveness').locator('.metric-value')).toHaveText('3.50')
  const used = page.getByRole('region', { name: 'Most used controls' })
  await expect(used.locator('tbody tr').first()).toContainText('Centralized Logging')
  await expect(used.locator('tbody tr').first()).toContainText('2')
  await shot(page, 'control-coverage-demo')
  const few = page.getByRole('region', { name: /^Risks with fewer than 3 controls/ })
  const first = few.locator('tbody tr').first()
  const ref = (await first.locator('td').first().textContent())?.trim() ?? ''
  await first.getByRole('link', { name: ref }).click()
  await expect(page).toHaveURL(/#\/risks\/[0-9a-f-]{36}$/)
})
