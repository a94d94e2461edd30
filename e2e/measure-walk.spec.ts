import { expect, test, type Locator, type Page } from '@playwright/test'
import { as, call, shot } from './support'

test.describe.configure({ mode: 'serial' })

const REF = /MSR-\d{4}-[A-Z]{3,5}-\d{5,}/
const utcDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

const chip = (page: Page) => page.locator('.detail-meta .chip')
const lockIn = (page: Page, field: string) =>
  page.getByRole('group', { name: field }).getByRole('img', { name: /^Locked in / })
const timelineTop = (page: Page) =>
  page.getByRole('list', { name: 'Notes log, newest first' }).getByRole('listitem').first()

async function transition(page: Page, action: string, label: string, text: string): Promise<Locator> {
  await page.getByRole('group', { name: 'Workflow actions' }).getByRole('button', { name: action }).click()
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${action} – `) })
  await dialog.getByLabel(label).fill(text)
  await dialog.getByRole('button', { name: action }).click()
  return dialog
}

let ref = ''
let detailUrl = ''

test('MEA-01/07/08/09 one measure through its workflow: create, start, comment, submit, return, resubmit, complete', async ({
  page,
}) => {
  await test.step('mgr creates a measure for emp with a deadline in a week', async () => {
    await as(page, 'mgr')
    await page.getByRole('link', { name: 'Measures register' }).click()
    await expect(page.getByRole('heading', { name: 'Measures register', level: 1 })).toBeVisible()
    await page.getByRole('button', { name: 'New measure' }).click()
    const dialog = page.getByRole('dialog', { name: 'New measure' })
    await dialog
      .getByLabel('Description')
      .fill('Replace the branch card reader firmware.\nThen re-test every terminal.')
    await dialog.getByLabel('Search people').fill('emp@')
    await dialog.getByLabel('Responsible', { exact: true }).selectOption({ label: 'Emma Park (emp@riskdesk.test)' })
    await dialog.getByLabel('Deadline').fill(utcDate(7))
    await expect(dialog.getByLabel('Deadline')).toHaveAttribute('min', utcDate(0))
    await shot(page, 'measure-walk-00-create-dialog')
    await dialog.getByRole('button', { name: 'Create measure' }).click()

    await expect(page.getByRole('status').filter({ hasText: /Measure MSR-.* created\./ })).toBeVisible()
    const heading = page.getByRole('heading', { level: 1 })
    await expect(heading).toHaveText(REF)
    ref = ((await heading.textContent()) ?? '').match(REF)?.[0] ?? ''
    detailUrl = page.url()
    await expect(chip(page)).toHaveText('Open')
    await expect(page.locator('.detail-meta')).toContainText('Emma Park')
    await shot(page, 'measure-walk-01-created')
  })

  await test.step('emp starts it from the My measures row', async () => {
    await as(page, 'emp')
    await page.getByRole('link', { name: 'My measures' }).click()
    const row = page.getByRole('row').filter({ hasText: ref })
    await expect(row).toContainText('Replace the branch card reader firmware.')
    await expect(row).not.toContainText('Then re-test')
    await row.getByRole('button', { name: `Start Progress ${ref}` }).click()
    await expect(row.getByText('In Progress', { exact: true })).toBeVisible()
    await expect(row.getByRole('button', { name: `Submit for Review ${ref}` })).toBeVisible()
    await shot(page, 'measure-walk-02-started')
  })

  await test.step('emp comments on the detail', async () => {
    await page.getByRole('link', { name: ref }).click()
    await expect(chip(page)).toHaveText('In Progress')
    await page.getByLabel('Add a comment').fill('Ordered the parts.')
    await page.getByRole('button', { name: 'Add comment' }).click()
    await expect(timelineTop(page)).toContainText('Comment')
    await expect(timelineTop(page)).toContainText('Ordered the parts.')
    await expect(timelineTop(page)).toContainText('emp@riskdesk.test')
    await shot(page, 'measure-walk-03-commented')
  })

  await test.step('emp submits evidence: too short first, then enough', async () => {
    const dialog = await transition(page, 'Submit for Review', 'Evidence', 'Too short')
    await expect(dialog.getByRole('alert')).toHaveText('Evidence must be between 10 and 2,000 characters.')
    await expect(dialog).toContainText('9 / 2,000')
    await shot(page, 'measure-walk-04a-evidence-too-short')
    await dialog.getByLabel('Evidence').fill('Firmware 4.7.1 deployed on all twelve terminals.')
    await dialog.getByRole('button', { name: 'Submit for Review' }).click()
    await expect(dialog).toBeHidden()
    await expect(chip(page)).toHaveText('Pending Review')
    await expect(timelineTop(page)).toContainText('Evidence')
    await expect(timelineTop(page)).toContainText('Firmware 4.7.1 deployed')
    await shot(page, 'measure-walk-04-submitted')
  })

  await test.step('ro finds it in the review queue and returns it with a reason', async () => {
    await as(page, 'ro')
    await page.getByRole('link', { name: 'Measure review queue' }).click()
    const row = page.getByRole('row').filter({ hasText: ref })
    await expect(row).toContainText('Emma Park')
    await shot(page, 'measure-walk-05a-review-queue')
    await row.getByRole('link', { name: ref }).click()
    const dialog = await transition(page, 'Return to Progress', 'Reason', 'Attach the change ticket number, please.')
    await expect(dialog).toBeHidden()
    await expect(chip(page)).toHaveText('In Progress')
    await expect(timelineTop(page)).toContainText('Reason for return')
    await expect(timelineTop(page)).toContainText('Attach the change ticket number')
    await shot(page, 'measure-walk-05-returned')
  })

  await test.step('emp resubmits', async () => {
    await as(page, 'emp')
    await page.goto(detailUrl)
    const dialog = await transition(page, 'Submit for Review', 'Evidence', 'Firmware 4.7.1 deployed, change CHG-1182.')
    await expect(dialog).toBeHidden()
    await expect(chip(page)).toHaveText('Pending Review')
    await shot(page, 'measure-walk-06-resubmitted')
  })

  await test.step('ro completes it with a closure comment', async () => {
    await as(page, 'ro')
    await page.goto(detailUrl)
    const dialog = await transition(
      page,
      'Complete Measure',
      'Closure comment',
      'Verified on site: all terminals patched.',
    )
    await expect(dialog).toBeHidden()
    await expect(chip(page)).toHaveText('Completed')
    await expect(page.getByRole('region', { name: 'Closure comment' })).toContainText('Verified on site')
    await expect(page.getByRole('group', { name: 'Workflow actions' })).toHaveCount(0)
    await shot(page, 'measure-walk-07-completed')
  })

  await test.step('the History tab lists every step', async () => {
    await page.getByRole('tab', { name: 'History' }).click()
    const history = page.getByRole('tabpanel')
    for (const action of ['measure.create', 'measure.start', 'measure.addComment', 'measure.returnToProgress'])
      await expect(history.getByText(action, { exact: true }).first()).toBeVisible()
    await expect(history.getByText('measure.complete', { exact: true })).toBeVisible()
    await shot(page, 'measure-walk-08-history')
  })
})

test('MEA-14 locked fields show read-only with a lock icon', async ({ page }) => {
  await as(page, 'mgr')
  const emp = (await call(page, 'measure.responsibleOptions', { q: 'emp@riskdesk.test' })).items[0]
  const created = await call(page, 'measure.create', {
    description: 'Review the vault access list.',
    responsible_user_id: emp.id,
    deadline: utcDate(10),
  })
  await as(page, 'emp')
  await call(page, 'measure.start', { id: created.id, expected_version: created.version })

  await test.step('emp (responsible) in IN_PROGRESS: description editable, deadline and responsible locked', async () => {
    await page.goto(`/#/measures/${created.id}`)
    await expect(chip(page)).toHaveText('In Progress')
    await expect(lockIn(page, 'Deadline')).toHaveAccessibleName('Locked in In Progress for your role')
    await expect(page.getByRole('group', { name: 'Deadline' }).getByRole('textbox')).toHaveAttribute('readonly', '')
    await expect(lockIn(page, 'Responsible')).toBeVisible()
    await expect(lockIn(page, 'Description')).toHaveCount(0)
    const description = page.getByRole('group', { name: 'Description' }).getByRole('textbox')
    await expect(description).toBeEditable()
    await description.fill('Review the vault access list and remove leavers.')
    await page.getByRole('button', { name: 'Save description' }).click()
    await expect(page.getByRole('button', { name: 'Save description' })).toBeHidden()
    await expect(description).toHaveValue('Review the vault access list and remove leavers.')
    await shot(page, 'measure-walk-09-locked-in-progress')
  })

  await test.step('ro (not the doer) may move the deadline in IN_PROGRESS', async () => {
    await as(page, 'ro')
    await page.goto(`/#/measures/${created.id}`)
    await expect(lockIn(page, 'Deadline')).toHaveCount(0)
    await page.getByRole('group', { name: 'Deadline' }).getByLabel('Deadline').fill(utcDate(30))
    await page.getByRole('button', { name: 'Save deadline' }).click()
    await expect(page.getByRole('button', { name: 'Save deadline' })).toBeHidden()
    await expect(lockIn(page, 'Description')).toBeVisible()
  })

  await test.step('on the completed measure every field is read-only', async () => {
    await page.goto(detailUrl)
    await expect(chip(page)).toHaveText('Completed')
    for (const field of ['Description', 'Responsible', 'Deadline'])
      await expect(lockIn(page, field)).toHaveAccessibleName('Locked in Completed for your role')
    await shot(page, 'measure-walk-10-locked-completed')
  })
})

test('MEA-26 emp sees no actions on a PENDING_REVIEW measure; ro sees Return to Progress, Complete Measure, Cancel Measure', async ({
  page,
}) => {
  await as(page, 'mgr')
  const emp = (await call(page, 'measure.responsibleOptions', { q: 'emp@riskdesk.test' })).items[0]
  const created = await call(page, 'measure.create', {
    description: 'Rotate the ATM keys.',
    responsible_user_id: emp.id,
  })
  await as(page, 'emp')
  const started = await call(page, 'measure.start', { id: created.id, expected_version: created.version })
  await call(page, 'measure.submitForReview', {
    id: created.id,
    expected_version: started.version,
    evidence: 'Keys rotated with the vendor on site.',
  })

  await test.step('emp: no action buttons, the comment box, every field locked', async () => {
    await page.goto(`/#/measures/${created.id}`)
    await expect(chip(page)).toHaveText('Pending Review')
    await expect(page.getByRole('group', { name: 'Workflow actions' })).toHaveCount(0)
    await expect(page.getByLabel('Add a comment')).toBeVisible()
    for (const field of ['Description', 'Responsible', 'Deadline']) await expect(lockIn(page, field)).toBeVisible()
    await shot(page, 'measure-walk-11-pending-review-emp')
  })

  await test.step('ro: exactly the three review actions and unlink rights', async () => {
    await as(page, 'ro')
    await page.goto(`/#/measures/${created.id}`)
    const actions = page.getByRole('group', { name: 'Workflow actions' }).getByRole('button')
    await expect(actions).toHaveText(['Return to Progress', 'Complete Measure', 'Cancel Measure'])
    await shot(page, 'measure-walk-12-pending-review-ro')
  })
})

test('MEA-18 an overdue measure shows a red deadline and the Overdue badge', async ({ page }) => {
  await as(page, 'mgr')
  const emp = (await call(page, 'measure.responsibleOptions', { q: 'emp@riskdesk.test' })).items[0]
  const created = await call(page, 'measure.create', {
    description: 'Renew the branch alarm contract.',
    responsible_user_id: emp.id,
    deadline: utcDate(0),
  })
  const clock = async (now: string | null) =>
    expect((await page.request.post('/api/test/clock', { data: { now } })).ok()).toBe(true)
  await clock(new Date(Date.now() + 2 * 86_400_000).toISOString())
  try {
    await test.step('emp: My measures marks the row overdue', async () => {
      await as(page, 'emp')
      await page.getByRole('link', { name: 'My measures' }).click()
      const row = page.getByRole('row').filter({ hasText: created.ref })
      await expect(row.getByText('Overdue', { exact: true })).toBeVisible()
      await expect(row).toHaveClass(/row-overdue/)
      await shot(page, 'measure-walk-13-my-measures-overdue')
      await row.getByRole('link', { name: created.ref }).click()
      await expect(page.locator('.detail-meta').getByText('Overdue', { exact: true })).toBeVisible()
    })
    await test.step('mgr: the Overdue measures screen lists it', async () => {
      await as(page, 'mgr')
      await page.getByRole('link', { name: 'Overdue measures' }).click()
      const row = page.getByRole('row').filter({ hasText: created.ref })
      await expect(row.getByText('Overdue', { exact: true })).toBeVisible()
      await shot(page, 'measure-walk-14-overdue-measures')
    })
  } finally {
    await clock(null)
  }
})

test('MEA-21/22 ro links an incident from the detail, finds the measure by it in the register, exports, unlinks', async ({
  page,
}) => {
  await as(page, 'ro')
  const incident = await call(page, 'incident.create', {
    title: 'Card reader double charge',
    description: 'The branch card reader charged twelve customers twice.',
  })

  await test.step('Link incident: search by ref and pick it', async () => {
    await page.goto(detailUrl)
    await page.getByRole('button', { name: 'Link incident' }).click()
    const dialog = page.getByRole('dialog', { name: /^Link an incident to / })
    await dialog.getByLabel('Incident ref or title').fill(incident.ref)
    await dialog.getByRole('radio', { name: new RegExp(incident.ref) }).check()
    await shot(page, 'measure-walk-15-link-dialog')
    await dialog.getByRole('button', { name: 'Link incident' }).click()
    await expect(dialog).toBeHidden()
    const link = page.getByRole('list', { name: 'Incidents' }).getByRole('link', { name: incident.ref })
    await expect(link).toHaveAttribute('href', `#/incidents/${incident.id}`)
    await shot(page, 'measure-walk-16-linked')
  })

  await test.step('the register filters by the linked incident and exports the rows', async () => {
    await page.getByRole('link', { name: 'Measures register' }).click()
    await page.getByText('More filters').click()
    await page.getByLabel('Linked incident (ref)').fill(incident.ref)
    await page.getByRole('button', { name: 'Apply' }).click()
    const rows = page.getByRole('table', { name: 'Measures register' }).getByRole('row')
    await expect(rows).toHaveCount(2)
    await expect(rows.nth(1)).toContainText(ref)
    await expect(rows.nth(1)).toContainText('1 incident')
    await shot(page, 'measure-walk-17-register-by-incident')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^measures-register-.*\.csv$/)
    const csv = await download.createReadStream().then(
      (s) =>
        new Promise<string>((resolve) => {
          let text = ''
          s.on('data', (c: Buffer) => (text += c.toString('utf8')))
          s.on('end', () => resolve(text))
        }),
    )
    const lines = csv.trim().split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toContain('Ref,Description,Status')
    expect(lines[1]).toContain(ref)
    expect(lines[1]).toContain(incident.ref)
    expect(lines[1]).toContain('COMPLETED')
  })

  await test.step('ro unlinks it', async () => {
    await page.goto(detailUrl)
    await page.getByRole('button', { name: `Unlink ${incident.ref}` }).click()
    await page.getByRole('dialog', { name: 'Unlink this incident?' }).getByRole('button', { name: 'Unlink' }).click()
    await expect(page.getByText('No linked incidents.')).toBeVisible()
  })
})

test('MEA-16 adm edits the measure edit rights matrix', async ({ page }) => {
  await as(page, 'adm')
  await page.getByRole('link', { name: 'Measure edit rights' }).click()
  await expect(page.getByRole('heading', { name: 'Measure edit rights', level: 1 })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Completed' })).toHaveCount(0)
  const box = page.getByRole('checkbox', { name: 'Responsible may edit Deadline in In Progress' })
  await expect(box).not.toBeChecked()
  await expect(page.getByRole('checkbox', { name: 'Risk Officer may edit Deadline in In Progress' })).toBeChecked()
  await box.check()
  await expect(page.getByText('Deadline is now editable in In Progress for Responsible.')).toBeVisible()
  await expect(box).toBeChecked()
  await shot(page, 'measure-walk-18-edit-rights')
  await box.uncheck()
  await expect(page.getByText('Deadline is now locked in In Progress for Responsible.')).toBeVisible()
  await expect(box).not.toBeChecked()
})
