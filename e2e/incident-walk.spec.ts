import { readFileSync } from 'node:fs'
import { expect, request, test, type Browser, type Page } from '@playwright/test'
import { PASSWORD, shot, signIn } from './support'

// The harness database is seeded once per run: every test makes its own incidents, with a unique tag.
const baseURL = () => test.info().project.use.baseURL ?? 'http://127.0.0.1:5199/'
const tag = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`

/** A signed-in page for one user, in a fresh browser context (a user's own cookies and stores). */
async function as(browser: Browser, user: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL() })
  const page = await context.newPage()
  await signIn(page, user)
  return page
}

/** The catalogue over the harness as one user, for setting up data the test is not about. */
async function apiAs(user: string) {
  const ctx = await request.newContext({ baseURL: baseURL() })
  const call = async (name: string, input: unknown): Promise<any> => {
    const res = await ctx.post('/api/call', { data: { name, input } })
    const body = await res.json()
    if (!body.ok) throw new Error(`${user} ${name}: ${JSON.stringify(body.error)}`)
    return body.value
  }
  await call('auth.signIn', { email: `${user}@riskdesk.test`, password: PASSWORD })
  return { call, dispose: () => ctx.dispose() }
}

/** emp reports, submits; mgr fills process and product and approves: the incident waits for ro. */
async function pendingValidation(typeName: string, title: string, grossMinor = 250_000) {
  const emp = await apiAs('emp')
  const mgr = await apiAs('mgr')
  const form = await emp.call('reference.incidentForm', {})
  const type = form.simplified_event_types.find((t: { name: string }) => t.name === typeName)
  const process = form.business_processes.find((p: { name: string }) => p.name === 'Credit Cards')
  const product = form.products.find((p: { name: string }) => p.name === 'Credit Card')
  const created = await emp.call('incident.create', {
    title,
    description: `Set up for ${title}.`,
    simplified_event_type_id: type.id,
    gross_loss_amount: grossMinor,
    currency_code: 'EUR',
  })
  await emp.call('incident.submit', { id: created.id, expected_version: created.version })
  const updated = await mgr.call('incident.update', {
    id: created.id,
    changes: {
      business_process_id: { before: null, after: process.id },
      product_id: { before: null, after: product.id },
    },
  })
  await mgr.call('incident.review', { id: created.id, expected_version: updated.version })
  await emp.dispose()
  await mgr.dispose()
  return created as { id: string; ref: string }
}

const status = (page: Page) => page.locator('.detail-meta .chip')
const action = (page: Page, name: string) =>
  page.getByRole('group', { name: 'Workflow actions' }).getByRole('button', { name, exact: true })

test('incident walk: one incident through every state with emp, mgr and ro', async ({ browser }) => {
  test.setTimeout(180_000)
  const title = `Walk ${tag()} card skimming at branch`
  let ref = ''

  await test.step('emp reports the incident and submits it', async () => {
    const page = await as(browser, 'emp')
    await page.getByLabel('Title').fill(title)
    await page
      .getByLabel('Description')
      .fill('A skimming device was found on the branch ATM after customer complaints.')
    await page.getByRole('radio', { name: 'Fraud' }).check()
    await page.getByLabel('Gross loss').fill('2500.00')
    await page.getByRole('button', { name: 'Save draft' }).click()
    await expect(status(page)).toHaveText('Draft')
    ref = ((await page.locator('.heading-ref').textContent()) ?? '').trim()
    expect(ref).toMatch(/^INC-\d{4}-[A-Z]{3,5}-\d{5,}$/)
    await expect(page.getByLabel('Basel event type')).toHaveAttribute('readonly', '')
    await shot(page, 'incident-walk-01-draft')
    await action(page, 'Submit for review').click()
    await expect(status(page)).toHaveText('Pending Manager Review')
    await expect(page.getByText('Submitted for review. Status: Pending Manager Review.')).toBeVisible()
    await shot(page, 'incident-walk-02-submitted')
    await page.context().close()
  })

  await test.step('mgr fills process and product, then returns the incident to draft with a reason', async () => {
    const page = await as(browser, 'mgr')
    await expect(page.getByRole('heading', { name: 'Approvals', level: 1 })).toBeVisible()
    await page.getByRole('link', { name: ref }).click()
    await expect(action(page, 'Approve and send to Risk')).toBeVisible()
    await expect(page.getByText('Still missing: Business process, Product')).toBeVisible()
    await page.getByLabel('Business process').selectOption({ label: 'Credit Cards' })
    await page.getByLabel('Product').selectOption({ label: 'Credit Card' })
    await expect(action(page, 'Return to draft')).toBeDisabled()
    await shot(page, 'incident-walk-03-manager-edits')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect(page.getByText('Changes saved.')).toBeVisible()
    await expect(page.getByText('Still missing')).toHaveCount(0)

    await action(page, 'Return to draft').click()
    const dialog = page.getByRole('dialog', { name: 'Return to draft' })
    await dialog.getByRole('button', { name: 'Return to draft' }).click()
    await expect(dialog.getByText('A reason is required.')).toBeVisible()
    await dialog.getByLabel('Reason').fill('Please add when the device was discovered.')
    await expect(dialog.getByText('42 / 500 characters')).toBeVisible()
    await shot(page, 'incident-walk-04-return-reason')
    await dialog.getByRole('button', { name: 'Return to draft' }).click()
    await expect(status(page)).toHaveText('Draft')
    await expect(page.locator('pre.notes')).toContainText(
      'Returned to Draft by mgr@riskdesk.test]: Please add when the device was discovered.',
    )
    await shot(page, 'incident-walk-05-returned')
    await page.context().close()
  })

  await test.step('emp sees it returned and submits it again', async () => {
    const page = await as(browser, 'emp')
    await page.getByRole('link', { name: 'My incidents' }).click()
    const row = page.getByRole('row').filter({ hasText: ref })
    await expect(row).toContainText('Returned')
    await shot(page, 'incident-walk-06-my-incidents-returned')
    await row.getByRole('link', { name: ref }).click()
    await page.getByLabel('Discovery time').fill('2026-01-05T09:30')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect(page.getByText('Changes saved.')).toBeVisible()
    await action(page, 'Submit for review').click()
    await expect(status(page)).toHaveText('Pending Manager Review')
    await shot(page, 'incident-walk-07-resubmitted')
    await page.context().close()
  })

  await test.step('mgr approves and sends it to Risk', async () => {
    const page = await as(browser, 'mgr')
    await page.getByRole('link', { name: ref }).click()
    await action(page, 'Approve and send to Risk').click()
    await expect(status(page)).toHaveText('Pending Risk Validation')
    await expect(page.getByText('Assignee: Rosa Olsen')).toBeVisible()
    await shot(page, 'incident-walk-08-approved')
    await page.context().close()
  })

  await test.step('ro classifies, records a recovery, overrides the net loss, validates and closes', async () => {
    const page = await as(browser, 'ro')
    await expect(page.getByRole('heading', { name: 'Validation queue', level: 1 })).toBeVisible()
    await page.getByLabel('Assigned to me').check()
    await expect(page.getByRole('row').filter({ hasText: ref })).toBeVisible()
    await shot(page, 'incident-walk-09-validation-queue')
    await page.getByRole('link', { name: ref }).click()

    const basel = page.getByLabel('Basel event type')
    await expect(basel).toHaveValue('EL2')
    await expect(page.getByText('Suggested for Fraud: EL2')).toBeVisible()
    await expect(page.getByText('You have unsaved changes.')).toBeVisible()
    await expect(action(page, 'Validate')).toBeDisabled()
    await shot(page, 'incident-walk-10-basel-suggested')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect(page.getByText('Changes saved.')).toBeVisible()
    await expect(basel).toHaveValue('EL2')
    await expect(page.getByText('No unsaved changes.')).toBeVisible()

    await page.getByRole('button', { name: 'Add recovery' }).click()
    const recovery = page.getByRole('dialog', { name: 'Add recovery' })
    await recovery.getByLabel('Type').selectOption('insurance')
    await recovery.getByLabel('Amount').fill('500.00')
    await recovery.getByLabel('Note').fill('Claim 77-1234')
    await recovery.getByRole('button', { name: 'Add recovery' }).click()
    await expect(page.getByText('Recovery added.')).toBeVisible()
    const totals = page.getByLabel('Recovery totals')
    await expect(totals).toContainText('InsuranceEUR 500.00')
    await expect(page.locator('.net-loss')).toContainText('EUR 2,000.00')
    await shot(page, 'incident-walk-11-recovery')

    await page.getByRole('button', { name: 'Override net loss' }).click()
    const override = page.getByRole('dialog', { name: 'Net loss override' })
    await override.getByLabel('Net loss').fill('1800.00')
    await override.getByLabel('Reason').fill('Too short')
    await override.getByRole('button', { name: 'Save override' }).click()
    await expect(override.getByText('Give a reason for the net loss override (10–500 characters).')).toBeVisible()
    await override.getByLabel('Reason').fill('Card scheme settlement agreed on the remaining amount.')
    await shot(page, 'incident-walk-12-override-dialog')
    await override.getByRole('button', { name: 'Save override' }).click()
    await expect(page.locator('.net-loss')).toContainText('EUR 1,800.00')
    await expect(page.locator('.net-loss')).toContainText('Overridden')
    await expect(page.getByText('Net loss overridden: computed value would be EUR 2,000.00.')).toBeVisible()
    await shot(page, 'incident-walk-13-overridden')

    await action(page, 'Validate').click()
    await expect(status(page)).toHaveText('Validated')
    await expect(page.getByText(/Validated as version \d+ by Rosa Olsen at/)).toBeVisible()
    await expect(page.getByLabel('Title', { exact: true })).toHaveAttribute('readonly', '')
    await shot(page, 'incident-walk-14-validated')

    await action(page, 'Close').click()
    await expect(status(page)).toHaveText('Closed')
    await expect(page.getByRole('group', { name: 'Workflow actions' })).toHaveCount(0)
    await expect(page.locator('#history-title')).toBeVisible()
    await shot(page, 'incident-walk-15-closed')
    await page.context().close()
  })
})

test('INC-18 the title is read-only with a lock icon for emp in PENDING_VALIDATION', async ({ page }) => {
  const created = await pendingValidation('Process / Operations error', `Locks ${tag()} payment file sent twice`)
  await signIn(page, 'emp')
  await page.goto(`/#/incidents/${created.id}`)
  await expect(status(page)).toHaveText('Pending Risk Validation')
  const title = page.getByLabel('Title', { exact: true })
  await expect(title).toHaveAttribute('readonly', '')
  const lock = page.locator('#title-lock')
  await expect(lock).toHaveAttribute('title', 'Locked in Pending Risk Validation for your role')
  await expect(title).toHaveAccessibleDescription('Locked in Pending Risk Validation for your role')
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0)
  await expect(page.getByRole('group', { name: 'Workflow actions' })).toHaveCount(0)
  await lock.hover()
  await shot(page, 'incident-walk-inc18-locked-title')
})

test('INC-34 ro sees the Basel suggestion preselected, saved only when ro saves', async ({ page }) => {
  const fraud = await pendingValidation('Fraud', `Suggest ${tag()} forged cheque`)
  const other = await pendingValidation('Other / Unsure', `Suggest ${tag()} unclear loss`)
  await signIn(page, 'ro')
  await page.goto(`/#/incidents/${fraud.id}`)
  const basel = page.getByLabel('Basel event type')
  await expect(basel).toHaveValue('EL2')
  await expect(basel.locator('option:checked')).toHaveText(/^EL2 External Fraud$/i)
  await expect(basel.locator('optgroup').first()).toHaveAttribute('label', 'Suggested for Fraud')
  await shot(page, 'incident-walk-inc34-suggested')
  const ro = await apiAs('ro')
  const stored = await ro.call('incident.get', { id: fraud.id })
  expect(stored.basel_event_type_id).toBeNull()
  expect(stored.suggested_basel_event_type_id).toBe('EL2')
  await ro.dispose()

  await page.goto(`/#/incidents/${other.id}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('unclear loss')
  await expect(page.getByLabel('Basel event type')).toHaveValue('')
  await expect(page.getByText('No unsaved changes.')).toBeVisible()
})

test('INC-33 the bell counts a routed notification; opening it marks it read', async ({ page }) => {
  const isCount = (r: { url(): string; request(): { postData(): string | null } }) =>
    r.url().endsWith('/api/call') && (r.request().postData() ?? '').includes('notification.unreadCount')
  const firstCount = page.waitForResponse(isCount)
  await signIn(page, 'gorm1')
  const before = ((await (await firstCount).json()).value.unread_count as number) ?? 0

  const title = `Material ${tag()} trading loss`
  await pendingValidation('Other / Unsure', title, 200_000_000)

  // Moving to another screen polls the count: the rise shows the in-app toast and the bell's new count.
  await page.getByRole('link', { name: 'My incidents' }).click()
  await expect(page.getByRole('status').filter({ hasText: `New notification: ${title}` })).toBeVisible()
  const bell = page.getByRole('link', { name: `Notifications, ${before + 1} unread` })
  await expect(bell).toBeVisible()
  await shot(page, 'incident-walk-inc33-bell-toast')

  await bell.click()
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible()
  await shot(page, 'incident-walk-inc33-inbox')
  await page.getByRole('button', { name: `Open ${title}` }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title)
  await expect(page.getByText('You have read-only access to this incident.')).toBeVisible()
  const after = before === 0 ? 'Notifications, none unread' : `Notifications, ${before} unread`
  await expect(page.getByRole('link', { name: after })).toBeVisible()
  await shot(page, 'incident-walk-inc33-opened')

  const gorm2 = await apiAs('gorm2')
  const inbox = await gorm2.call('notification.inbox', { unread_only: true })
  expect(inbox.items.some((i: { payload: { title: string } }) => i.payload.title === title)).toBe(true)
  await gorm2.dispose()
})

test('the register exports the filtered rows as CSV and XLSX', async ({ page }) => {
  const created = await pendingValidation('Fraud', `Export ${tag()} "quoted, title"`)
  await signIn(page, 'ro')
  await page.getByRole('link', { name: 'Incident register' }).click()
  await page.getByLabel('Ref or title').fill(created.ref)
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page.getByRole('row').filter({ hasText: created.ref })).toHaveCount(1)
  await page.getByText('More filters').click()
  await shot(page, 'incident-walk-register-filters')

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ])
  expect(csv.suggestedFilename()).toMatch(/^incident-register-.*\.csv$/)
  const text = readFileSync(await csv.path(), 'utf8')
  expect(text.startsWith('\uFEFFRef,Title,Status,')).toBe(true)
  const lines = text.trimEnd().split('\r\n')
  expect(lines).toHaveLength(2)
  expect(lines[1]).toContain(`${created.ref},"Export `)
  expect(lines[1]).toContain('""quoted, title""')
  expect(lines[1]).toContain(',EUR,250000,2500.00,')

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export XLSX' }).click(),
  ])
  expect(xlsx.suggestedFilename()).toMatch(/^incident-register-.*\.xlsx$/)
  const bytes = readFileSync(await xlsx.path())
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
})

test('INC-24 an overdue draft is listed in "Overdue – Draft" for the manager, in red', async ({ page, request }) => {
  const emp = await apiAs('emp')
  const created = await emp.call('incident.create', {
    title: `Overdue ${tag()} draft left open`,
    description: 'Nobody finished this draft.',
  })
  await emp.dispose()
  // The harness clock override: eight days on, the seven-day draft SLA has passed.
  await request.post('/api/test/clock', { data: { now: new Date(Date.now() + 8 * 86_400_000).toISOString() } })
  try {
    await signIn(page, 'mgr')
    await page.getByRole('link', { name: 'Overdue – Draft' }).click()
    await expect(page.getByRole('heading', { name: 'Overdue – Draft', level: 1 })).toBeVisible()
    const row = page.getByRole('row').filter({ hasText: created.ref })
    await expect(row).toHaveClass(/row-overdue/)
    await expect(row).toContainText('Overdue')
    await shot(page, 'incident-walk-inc24-overdue-draft')
  } finally {
    await request.post('/api/test/clock', { data: { now: null } })
  }
})

test('INC-23 a field someone else changed is shown as a conflict, mine and theirs, with a reload', async ({ page }) => {
  const emp = await apiAs('emp')
  const mgr = await apiAs('mgr')
  const form = await emp.call('reference.incidentForm', {})
  const fraud = form.simplified_event_types.find((t: { name: string }) => t.name === 'Fraud')
  const created = await emp.call('incident.create', {
    title: `Conflict ${tag()} two devices`,
    description: 'Edited on two laptops at once.',
    simplified_event_type_id: fraud.id,
    gross_loss_amount: 10_000,
    currency_code: 'EUR',
  })
  await emp.call('incident.submit', { id: created.id, expected_version: created.version })
  await signIn(page, 'mgr')
  await page.goto(`/#/incidents/${created.id}`)
  await expect(page.getByLabel('Gross loss')).toHaveValue('100.00')

  // Device B saves first.
  await mgr.call('incident.update', {
    id: created.id,
    changes: { gross_loss_amount: { before: 10_000, after: 20_000 } },
  })
  await page.getByLabel('Gross loss').fill('300.00')
  await page.getByRole('button', { name: 'Save changes' }).click()
  const banner = page.getByRole('alert').filter({ hasText: 'This incident was changed by someone else.' })
  await expect(banner).toBeVisible()
  await expect(banner.getByRole('row', { name: 'Gross loss' })).toContainText('EUR 300.00')
  await expect(banner.getByRole('row', { name: 'Gross loss' })).toContainText('EUR 200.00')
  await expect(page.getByLabel('Gross loss')).toHaveValue('300.00')
  await shot(page, 'incident-walk-inc23-conflict')
  await banner.getByRole('button', { name: 'Reload' }).click()
  await expect(page.getByLabel('Gross loss')).toHaveValue('200.00')
  await expect(banner).toHaveCount(0)
  await emp.dispose()
  await mgr.dispose()
})

test('INC-43 emp deletes a draft after confirming and is back on My incidents', async ({ page }) => {
  const emp = await apiAs('emp')
  const created = await emp.call('incident.create', {
    title: `Delete ${tag()} duplicate report`,
    description: 'Reported twice by mistake.',
  })
  await emp.dispose()
  await signIn(page, 'emp')
  await page.goto(`/#/incidents/${created.id}`)
  await action(page, 'Submit for review').waitFor()
  await page.getByRole('button', { name: 'Delete draft' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete this draft?' })
  await expect(dialog).toContainText(created.ref)
  await shot(page, 'incident-walk-inc43-delete-confirm')
  await dialog.getByRole('button', { name: 'Delete draft' }).click()
  await expect(page.getByRole('heading', { name: 'My incidents', level: 1 })).toBeVisible()
  await expect(page.getByText(`Draft ${created.ref} deleted.`)).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: created.ref })).toHaveCount(0)
})
