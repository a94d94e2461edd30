import { api } from '#renderer/api'
import { SectionActions } from './SectionActions'
import type { ConfigRole, RiskConfig } from './types'
import { useGroups } from './use-groups'
import { FIELD_LABELS, roleName, statusWord } from './workflow-labels'
import { groupKey, groupsOf, has, keyParts } from './workflow-draft'

/** The statuses in which risks are edited at all (riskConfig.setEditableFields refuses the others). */
const EDIT_STATUSES = ['DRAFT', 'ASSESSED'] as const
type EditStatus = (typeof EDIT_STATUSES)[number]

const label = (f: string) => FIELD_LABELS[f as keyof typeof FIELD_LABELS] ?? f

/** risks.md §6.3 as data: the fields each role may edit in each status; everything not ticked is locked. */
export function RiskFieldLocks({ config, onSaved }: { config: RiskConfig; onSaved: () => void }) {
  const { roles, fields } = config.choices
  const saved = groupsOf(
    config.editable_fields,
    EDIT_STATUSES.flatMap((s) => roles.map((r) => groupKey(s, r))),
    (e) => groupKey(e.status, e.role),
    (e) => e.field,
  )
  const section = useGroups(
    saved,
    (key, values) => {
      const [status = '', role = ''] = keyParts(key)
      return api.call('riskConfig.setEditableFields', {
        status: status as EditStatus,
        role: role as ConfigRole,
        fields: values,
      })
    },
    onSaved,
  )
  return (
    <section className="panel settings-section" aria-labelledby="risk-locks-title">
      <h2 id="risk-locks-title">Field locks</h2>
      <p className="hint">
        A ticked box lets that role edit the field while the risk is in that status. Active and retired risks are never
        edited directly: an active risk changes after a reassessment request.
      </p>
      <div className="table-wrap">
        <table className="data matrix matrix-wide">
          <caption className="visually-hidden">Fields each role may edit in each status</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Field
              </th>
              {EDIT_STATUSES.map((s) => (
                <th key={s} scope="colgroup" colSpan={roles.length} className="matrix-group">
                  {statusWord(s)}
                </th>
              ))}
            </tr>
            <tr>
              {EDIT_STATUSES.flatMap((s) =>
                roles.map((r) => (
                  <th key={groupKey(s, r)} scope="col" className="matrix-cell">
                    {roleName(r)}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field}>
                <th scope="row">{label(field)}</th>
                {EDIT_STATUSES.flatMap((status) =>
                  roles.map((role) => {
                    const key = groupKey(status, role)
                    return (
                      <td key={key} className="matrix-cell">
                        <input
                          type="checkbox"
                          aria-label={`${roleName(role)} may edit ${label(field)} in ${statusWord(status)}`}
                          checked={has(section.groups, key, field)}
                          disabled={section.busy}
                          onChange={(e) => section.set(key, field, e.target.checked)}
                        />
                      </td>
                    )
                  }),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SectionActions
        saveLabel="Save field locks"
        dirtyCount={section.dirty.length}
        busy={section.busy}
        error={section.error}
        status={section.status}
        onSave={() => void section.save('Field locks')}
        onDiscard={section.discard}
      />
    </section>
  )
}
