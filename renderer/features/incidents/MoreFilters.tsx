import { INCIDENT_STATUSES, SEVERITIES, STATUS_NAMES } from '#shared/incidents/incident.constants'
import { useReference } from '#renderer/stores/reference'
import { HierarchyOptions } from './BaselPicker'
import { FilterChecks, FilterDate, FilterSelect } from './FilterInputs'
import { moreFiltersSet, NO_FILTERS, type FilterKind, type FilterValues } from './list-filters'

type Props = { kinds: readonly FilterKind[]; values: FilterValues; onChange: (values: FilterValues) => void }
type Key = keyof FilterValues
type Choice = { kind: FilterKind; key: Key; label: string; options: readonly (readonly [string, string])[] }
type DateChoice = { key: Key; label: string }

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const idOf = (key: string) => `filter-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`

// The fixed-choice filters of incidents §14.1, in display order; the first option is "not filtered".
const CHOICES: readonly Choice[] = [
  {
    kind: 'overdue',
    key: 'overdue',
    label: 'Overdue',
    options: [
      ['any', 'Any'],
      ['yes', 'Overdue only'],
      ['no', 'Not overdue'],
    ],
  },
  {
    kind: 'overdue',
    key: 'overdueStage',
    label: 'Overdue stage',
    options: [
      ['', 'Any stage'],
      ['DRAFT', 'Draft'],
      ['REVIEW', 'Review'],
      ['VALIDATION', 'Validation'],
    ],
  },
  {
    kind: 'people',
    key: 'createdBy',
    label: 'Reported by',
    options: [
      ['', 'Anyone'],
      ['me', 'Me'],
    ],
  },
  {
    kind: 'people',
    key: 'assignedTo',
    label: 'Assigned to',
    options: [
      ['', 'Anyone'],
      ['me', 'Me'],
    ],
  },
  {
    kind: 'deleted',
    key: 'deleted',
    label: 'Deleted incidents',
    options: [
      ['exclude', 'Hide deleted'],
      ['include', 'Include deleted'],
      ['only', 'Deleted only'],
    ],
  },
  {
    kind: 'sort',
    key: 'sort',
    label: 'Sort by',
    options: [
      ['', 'Screen default'],
      ['created_at', 'Reported'],
      ['current_due_at', 'Due date'],
      ['discovered_at', 'Discovered'],
      ['gross_loss_reporting', 'Gross loss'],
      ['ref', 'Ref'],
    ],
  },
  {
    kind: 'sort',
    key: 'direction',
    label: 'Order',
    options: [
      ['', 'Default'],
      ['asc', 'Ascending'],
      ['desc', 'Descending'],
    ],
  },
]

const DATES: readonly DateChoice[] = [
  { key: 'discoveredFrom', label: 'Discovered from' },
  { key: 'discoveredTo', label: 'Discovered to' },
  { key: 'accountingFrom', label: 'First accounting from' },
  { key: 'accountingTo', label: 'First accounting to' },
]

const ADVANCED = new Set<FilterKind>(['statuses', 'severity', 'classification', 'dates', ...CHOICES.map((c) => c.kind)])

/** The rest of incidents §14.1, folded away until needed; every change applies at once. */
export function MoreFilters({ kinds, values: v, onChange }: Props) {
  const form = useReference((s) => s.form)
  if (!kinds.some((k) => ADVANCED.has(k))) return null
  const has = (k: FilterKind) => kinds.includes(k)
  const put = (key: Key, value: unknown) => onChange({ ...v, [key]: value })
  const count = moreFiltersSet(v)

  return (
    <details className="more-filters">
      <summary>More filters{count > 0 ? ` (${count} set)` : ''}</summary>
      <div className="more-filters-grid">
        {has('statuses') && (
          <FilterChecks
            legend="Status"
            all={INCIDENT_STATUSES}
            names={(s) => STATUS_NAMES[s]}
            chosen={v.status}
            onChange={(s) => put('status', s)}
          />
        )}
        {has('severity') && (
          <FilterChecks
            legend="Severity"
            all={SEVERITIES}
            names={cap}
            chosen={v.severity}
            onChange={(s) => put('severity', s)}
          />
        )}
        {CHOICES.filter((c) => has(c.kind)).map((c) => (
          <FilterSelect
            key={c.key}
            id={idOf(c.key)}
            label={c.label}
            value={String(v[c.key])}
            onChange={(x) => put(c.key, x)}
          >
            {c.options.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </FilterSelect>
        ))}
        {has('classification') && (
          <>
            <FilterSelect
              id="filter-unit"
              label="Business unit"
              value={v.businessUnitId}
              onChange={(x) => put('businessUnitId', x)}
            >
              <option value="">All units</option>
              {form?.business_units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </FilterSelect>
            <FilterSelect
              id="filter-type"
              label="Type of incident"
              value={v.simplifiedTypeId}
              onChange={(x) => put('simplifiedTypeId', x)}
            >
              <option value="">All types</option>
              {form?.simplified_event_types.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </FilterSelect>
            <FilterSelect
              id="filter-basel"
              label="Basel event type"
              value={v.baselTypeId}
              onChange={(x) => put('baselTypeId', x)}
            >
              <option value="">All Basel types</option>
              <HierarchyOptions rows={form?.basel_event_types ?? []} />
            </FilterSelect>
          </>
        )}
        {has('dates') &&
          DATES.map((d) => (
            <FilterDate
              key={d.key}
              id={idOf(d.key)}
              label={d.label}
              value={String(v[d.key])}
              onChange={(x) => put(d.key, x)}
            />
          ))}
      </div>
      {count > 0 && (
        <button
          type="button"
          className="button-link"
          onClick={() => onChange({ ...NO_FILTERS, q: v.q, nearMiss: v.nearMiss })}
        >
          Clear these filters
        </button>
      )}
    </details>
  )
}
