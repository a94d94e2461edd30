import { api } from '#renderer/api'
import { SectionActions } from './SectionActions'
import type { RiskConfig } from './types'
import { useGroups } from './use-groups'
import { FIELD_LABELS, statusWord } from './workflow-labels'
import { groupsOf, has } from './workflow-draft'

/** The target statuses whose entry checks extra fields (riskConfig.setRequiredFields refuses the others). */
const TARGETS = ['ASSESSED', 'ACTIVE'] as const
type Target = (typeof TARGETS)[number]

const label = (f: string) => FIELD_LABELS[f as keyof typeof FIELD_LABELS] ?? f

/** risks.md §2.6 `risk_required_field`: fields a risk must have to enter a status, on top of the built-in checks. */
export function RiskRequiredFields({ config, onSaved }: { config: RiskConfig; onSaved: () => void }) {
  const saved = groupsOf(
    config.required_fields,
    TARGETS,
    (r) => r.target_status,
    (r) => r.field,
  )
  const section = useGroups(
    saved,
    (key, values) => api.call('riskConfig.setRequiredFields', { target_status: key as Target, fields: values }),
    onSaved,
  )
  return (
    <section className="panel settings-section" aria-labelledby="risk-required-title">
      <h2 id="risk-required-title">Required fields</h2>
      <p className="hint">
        Checked when a risk is submitted for review (Assessed) or approved (Active), after the built-in preconditions. A
        missing field is reported as “Fields … are required for …”.
      </p>
      <div className="table-wrap">
        <table className="data matrix">
          <caption className="visually-hidden">Fields required to enter each status</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              {TARGETS.map((t) => (
                <th key={t} scope="col" className="matrix-cell">
                  {`To enter ${statusWord(t)}`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {config.choices.fields.map((field) => (
              <tr key={field}>
                <th scope="row">{label(field)}</th>
                {TARGETS.map((t) => (
                  <td key={t} className="matrix-cell">
                    <input
                      type="checkbox"
                      aria-label={`${label(field)} is required to enter ${statusWord(t)}`}
                      checked={has(section.groups, t, field)}
                      disabled={section.busy}
                      onChange={(e) => section.set(t, field, e.target.checked)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SectionActions
        saveLabel="Save required fields"
        dirtyCount={section.dirty.length}
        busy={section.busy}
        error={section.error}
        status={section.status}
        onSave={() => void section.save('Required fields')}
        onDiscard={section.discard}
      />
    </section>
  )
}
