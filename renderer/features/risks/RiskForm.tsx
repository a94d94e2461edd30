import { useState, type ReactNode } from 'react'
import type { RiskField } from '#shared/risks/risk.constants'
import type { ApiError } from '#renderer/api'
import { ErrorBanner, FieldError } from '#renderer/components/index'
import { MatrixPicker, type MatrixBand, type MatrixLevel } from '#renderer/components/rcsa/index'
import { describedField } from '#renderer/lib/form-errors'
import { count, FIELD_LABELS, lengthOf } from './labels'
import { afterChange, fieldOfPath, type FormValues } from './risk-form'
import type { FormOptions } from './risk-types'
import { LockIcon } from './RiskBits'

type Owner = { id: string; full_name: string; email: string }

type Props = {
  options: FormOptions
  initial: FormValues
  /** The fields this viewer may change (risk.get `editable_fields`, or the DRAFT row on a new risk). */
  editable: readonly RiskField[]
  /** The matrix the scores are read in: the published one on a new risk, the pinned one on an edit. */
  matrix: {
    likelihood_levels: readonly MatrixLevel[]
    impact_levels: readonly MatrixLevel[]
    bands: readonly MatrixBand[]
  }
  /** Why a field is read-only, e.g. "Locked in Assessed for your role". */
  lockTip: string
  /** Names of stored values the choices may not hold (an owner outside the caller's scope, a retired category). */
  names?: Partial<Record<RiskField, string>>
  /** The current owner, kept as a choice when the list of the unit's users no longer holds them. */
  currentOwner?: Owner | null
  /** Shown beside the residual scores (the linked controls, §3.1). */
  residualAside?: ReactNode
  submitLabel: string
  busy: boolean
  /** Runs the command; its error stays on the form with everything the user typed. */
  onSubmit: (values: FormValues) => Promise<ApiError | null>
  onCancel: () => void
}

const TEXT_MAX: Partial<Record<RiskField, number>> = {
  title: 255,
  description: 10000,
  inherent_justification: 4000,
  residual_justification: 4000,
}

/** risks.md §15 "New / edit risk": every §2.1 field, read-only outside the viewer's lock row. */
export function RiskForm(props: Props) {
  const { options, initial, editable, matrix, lockTip, names = {}, currentOwner, residualAside } = props
  const [values, setValues] = useState<FormValues>(initial)
  const [errors, setErrors] = useState<Partial<Record<RiskField, string>>>({})
  const [highlighted, setHighlighted] = useState<RiskField[]>([])
  const [banner, setBanner] = useState<{ error: ApiError; message: string } | null>(null)

  const category = options.categories.find((c) => c.id === values.risk_category_id)
  const owners: Owner[] = [...(options.owners[values.business_unit_id] ?? [])]
  if (currentOwner && values.owner_id === currentOwner.id && !owners.some((o) => o.id === currentOwner.id))
    owners.unshift(currentOwner)
  const fits = (p: { business_unit_id: string | null }) =>
    p.business_unit_id === null || p.business_unit_id === values.business_unit_id
  const processes = options.processes.filter(fits)
  const products = options.products.filter(fits)

  const update = (patch: Partial<FormValues>) =>
    setValues((v) =>
      afterChange(
        { ...v, ...patch },
        {
          ownersOf: (bu) => [
            ...(options.owners[bu] ?? []),
            ...(currentOwner && bu === initial.business_unit_id ? [currentOwner] : []),
          ],
          processBu: (id) => options.processes.find((p) => p.id === id)?.business_unit_id,
          productBu: (id) => options.products.find((p) => p.id === id)?.business_unit_id,
          baselAllowed: (cat, type) =>
            options.categories.find((c) => c.id === cat)?.allowed_event_type_ids.includes(type) ??
            // A category the choices do not hold (inactive) cannot be judged here: keep the value.
            true,
        },
      ),
    )

  const submit = async () => {
    setBanner(null)
    setErrors({})
    setHighlighted([])
    const failed = await props.onSubmit(values)
    if (!failed) return
    if (failed.code === 'VALIDATION') {
      const next: Partial<Record<RiskField, string>> = {}
      const elsewhere: string[] = []
      for (const issue of failed.issues) {
        const field = fieldOfPath(issue.path)
        if (field && !next[field]) next[field] = issue.message
        else if (!field) elsewhere.push(issue.message)
      }
      setErrors(next)
      if (elsewhere.length > 0) setBanner({ error: failed, message: [...new Set(elsewhere)].join(' ') })
    } else {
      setHighlighted(failed.fields.map((f) => fieldOfPath([f]) ?? fieldOfPath(f.split('.'))).filter((f) => f !== null))
      setBanner({ error: failed, message: failed.message })
    }
  }

  const can = (f: RiskField) => editable.includes(f)
  const control = (f: RiskField, hintId?: string) =>
    describedField(f, errors[f], { highlighted: highlighted.includes(f), ...(hintId ? { hintId } : {}) })

  /** A field: its input when editable, else its value read-only with a lock. */
  const field = (f: RiskField, input: ReactNode, shown: string, opts: { wide?: boolean; hint?: string } = {}) => {
    const editableNow = can(f)
    return (
      <div className={`field${opts.wide ? ' field-wide' : ''}${editableNow ? '' : ' field-locked'}`}>
        <label htmlFor={f}>{FIELD_LABELS[f]}</label>
        {editableNow ? (
          input
        ) : (
          <div className="locked">
            {opts.wide ? (
              <textarea
                id={f}
                readOnly
                value={shown || '—'}
                rows={Math.min(8, shown.split('\n').length + 1)}
                aria-describedby={`${f}-lock`}
              />
            ) : (
              <input id={f} type="text" readOnly value={shown || '—'} aria-describedby={`${f}-lock`} />
            )}
            <LockIcon id={`${f}-lock`} tip={lockTip} />
          </div>
        )}
        {editableNow && opts.hint && (
          <p className="hint" id={`${f}-hint`}>
            {opts.hint}
          </p>
        )}
        <FieldError id={f} message={errors[f]} />
      </div>
    )
  }

  const text = (f: RiskField, opts: { wide?: boolean; rows?: number } = {}) => {
    const value = values[f] as string
    const max = TEXT_MAX[f]
    const n = lengthOf(value)
    const counter = max ? `${f}-count` : undefined
    return field(
      f,
      <>
        {opts.rows ? (
          <textarea
            {...control(f, counter)}
            rows={opts.rows}
            value={value}
            onChange={(e) => update({ [f]: e.target.value })}
          />
        ) : (
          <input {...control(f, counter)} type="text" value={value} onChange={(e) => update({ [f]: e.target.value })} />
        )}
        {max && (
          <p className={`hint counter${n > max ? ' over' : ''}`} id={counter}>
            {count(n)} / {count(max)}
          </p>
        )}
      </>,
      value,
      opts,
    )
  }

  const nameOf = (f: RiskField, list: readonly { id: string; name: string }[]) => {
    const id = values[f] as string
    return id ? (list.find((x) => x.id === id)?.name ?? names[f] ?? id) : ''
  }
  const select = (
    f: RiskField,
    list: readonly { id: string; label: string }[],
    empty: string,
    shown: string,
    hint?: string,
  ) => {
    const value = values[f] as string
    const known = value === '' || list.some((x) => x.id === value)
    return field(
      f,
      <select
        {...control(f, hint ? `${f}-hint` : undefined)}
        value={value}
        onChange={(e) => update({ [f]: e.target.value })}
      >
        <option value="">{empty}</option>
        {!known && <option value={value}>{names[f] ?? value}</option>}
        {list.map((x) => (
          <option key={x.id} value={x.id}>
            {x.label}
          </option>
        ))}
      </select>,
      shown,
      hint ? { hint } : {},
    )
  }

  const basel = category?.allowed_event_types ?? []
  const baselLabel = (t: { id: string; name: string; level: number }) =>
    `${t.level === 2 ? '\u2003' : ''}${t.id} ${t.name}`
  const scoreErrors = (b: 'inherent' | 'residual') => ({
    likelihood: errors[`${b}_likelihood`],
    impact: errors[`${b}_impact`],
  })

  return (
    <form
      className="risk-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        if (!props.busy) void submit()
      }}
    >
      {banner && <ErrorBanner error={banner.error} message={banner.message} />}
      <section className="panel" aria-labelledby="risk-form-what">
        <h2 id="risk-form-what">The risk</h2>
        <div className="edit-grid">
          {text('title', { wide: true })}
          {text('description', { wide: true, rows: 5 })}
        </div>
      </section>

      <section className="panel" aria-labelledby="risk-form-class">
        <h2 id="risk-form-class">Classification and ownership</h2>
        <div className="edit-grid">
          {select(
            'risk_category_id',
            options.categories.map((c) => ({ id: c.id, label: c.name })),
            'Choose a category…',
            nameOf('risk_category_id', options.categories),
          )}
          {select(
            'basel_event_type_id',
            basel.map((t) => ({ id: t.id, label: baselLabel(t) })),
            values.risk_category_id ? 'Not classified yet' : 'Choose a category first',
            names.basel_event_type_id ?? values.basel_event_type_id,
            'Only the Basel event types the category allows. Required before approval.',
          )}
          {select(
            'business_unit_id',
            options.business_units.map((u) => ({ id: u.id, label: u.name })),
            'Choose a business unit…',
            nameOf('business_unit_id', options.business_units),
          )}
          {select(
            'owner_id',
            owners.map((o) => ({ id: o.id, label: o.full_name ? `${o.full_name} (${o.email})` : o.email })),
            values.business_unit_id ? 'Choose the owner…' : 'Choose a business unit first',
            names.owner_id ?? owners.find((o) => o.id === values.owner_id)?.full_name ?? '',
            "The owner belongs to the risk's business unit.",
          )}
          {select(
            'business_process_id',
            processes.map((p) => ({ id: p.id, label: p.name })),
            'None',
            nameOf('business_process_id', options.processes),
          )}
          {select(
            'product_id',
            products.map((p) => ({ id: p.id, label: p.name })),
            'None',
            nameOf('product_id', options.products),
          )}
        </div>
      </section>

      <section className="panel" aria-labelledby="risk-form-inherent">
        <h2 id="risk-form-inherent">Inherent risk</h2>
        <p className="muted">Before any control: how likely, and how severe.</p>
        <MatrixPicker
          label="Inherent"
          name="inherent"
          likelihood={values.inherent_likelihood}
          impact={values.inherent_impact}
          onChange={(l, i) => update({ inherent_likelihood: l, inherent_impact: i })}
          likelihoodLevels={matrix.likelihood_levels}
          impactLevels={matrix.impact_levels}
          bands={matrix.bands}
          disabled={!can('inherent_likelihood') || !can('inherent_impact')}
          errors={scoreErrors('inherent')}
        />
        <div className="edit-grid">{text('inherent_justification', { wide: true, rows: 3 })}</div>
      </section>

      <section className="panel" aria-labelledby="risk-form-residual">
        <h2 id="risk-form-residual">Residual risk</h2>
        <p className="muted">After the linked controls. Scored by the risk officer.</p>
        <div className="risk-residual">
          <MatrixPicker
            label="Residual"
            name="residual"
            likelihood={values.residual_likelihood}
            impact={values.residual_impact}
            onChange={(l, i) => update({ residual_likelihood: l, residual_impact: i })}
            likelihoodLevels={matrix.likelihood_levels}
            impactLevels={matrix.impact_levels}
            bands={matrix.bands}
            disabled={!can('residual_likelihood') || !can('residual_impact')}
            errors={scoreErrors('residual')}
          />
          {residualAside}
        </div>
        <div className="edit-grid">
          {text('residual_justification', { wide: true, rows: 3 })}
          {field(
            'next_review_date',
            <input
              {...control('next_review_date', 'next_review_date-hint')}
              type="date"
              value={values.next_review_date}
              onChange={(e) => update({ next_review_date: e.target.value })}
            />,
            values.next_review_date,
            { hint: 'Optional. Set or confirmed at every approval.' },
          )}
        </div>
      </section>

      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
        <button type="button" className="button-secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
