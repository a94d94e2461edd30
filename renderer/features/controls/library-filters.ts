// The controls library's filter bar (controls.md §12) as plain values, and the `control.list` input they give.
import type {
  ControlFrequency,
  ControlNature,
  ControlType,
  EvidenceStatus,
  TestResult,
} from '#shared/controls/control.constants'
import type { ControlListInput } from './control-types'

export type ControlSort = NonNullable<ControlListInput['sort']>
export type LastTestFilter = TestResult | 'NONE'
export type YesNo = '' | 'yes' | 'no'

export type LibraryFilters = {
  search: string
  status: '' | 'active' | 'inactive'
  evidence: EvidenceStatus[]
  lastTest: LastTestFilter[]
  types: ControlType[]
  natures: ControlNature[]
  frequencies: ControlFrequency[]
  implementation: '' | 'PLANNED' | 'IMPLEMENTED'
  businessUnitId: string
  ownerMe: boolean
  groupWide: YesNo
  frameworkId: string
  clausePrefix: string
  linkedActive: YesNo
  effectivenessLte: string
  sort: ControlSort
}

export const NO_FILTERS: LibraryFilters = {
  search: '',
  status: '',
  evidence: [],
  lastTest: [],
  types: [],
  natures: [],
  frequencies: [],
  implementation: '',
  businessUnitId: '',
  ownerMe: false,
  groupWide: '',
  frameworkId: '',
  clausePrefix: '',
  linkedActive: '',
  effectivenessLte: '',
  sort: 'title',
}

export const SORT_LABELS: Record<ControlSort, string> = {
  title: 'Title',
  code: 'Code',
  '-updated_at': 'Recently updated',
  effectiveness: 'Design effectiveness (weakest first)',
  '-effectiveness': 'Design effectiveness (strongest first)',
}

export const LAST_TEST_LABELS: Record<LastTestFilter, string> = {
  EFFECTIVE: 'Effective',
  PARTIALLY_EFFECTIVE: 'Partially effective',
  INEFFECTIVE: 'Ineffective',
  NONE: 'Not tested',
}

const yesNo = (v: YesNo) => (v === '' ? undefined : v === 'yes')
const nonEmpty = <T>(list: readonly T[]) => (list.length > 0 ? [...list] : undefined)

/** The `control.list` input of the filters; empty choices send nothing. Without a framework no clause prefix. */
export function listInput(f: LibraryFilters): ControlListInput {
  const input: ControlListInput = { sort: f.sort }
  const search = f.search.trim()
  if (search) input.search = search
  if (f.status) input.is_active = f.status === 'active'
  const evidence = nonEmpty(f.evidence)
  if (evidence) input.evidence_status = evidence
  const lastTest = nonEmpty(f.lastTest)
  if (lastTest) input.last_test_result = lastTest
  const types = nonEmpty(f.types)
  if (types) input.control_type = types
  const natures = nonEmpty(f.natures)
  if (natures) input.control_nature = natures
  const frequencies = nonEmpty(f.frequencies)
  if (frequencies) input.control_frequency = frequencies
  if (f.implementation) input.implementation_status = f.implementation
  if (f.businessUnitId) input.business_unit_id = [f.businessUnitId]
  if (f.ownerMe) input.owner_id = 'me'
  const groupWide = yesNo(f.groupWide)
  if (groupWide !== undefined) input.group_wide = groupWide
  if (f.frameworkId) {
    input.framework_id = f.frameworkId
    const prefix = f.clausePrefix.trim()
    if (prefix) input.clause_prefix = prefix
  }
  const linked = yesNo(f.linkedActive)
  if (linked !== undefined) input.linked_to_active_risk = linked
  if (f.effectivenessLte) input.effectiveness_lte = Number(f.effectivenessLte)
  return input
}

/** How many of the folded-away filters are set (shown on the "More filters" summary). */
export function moreFilterCount(f: LibraryFilters): number {
  return [
    f.types.length > 0,
    f.natures.length > 0,
    f.frequencies.length > 0,
    f.implementation !== '',
    f.businessUnitId !== '',
    f.ownerMe,
    f.groupWide !== '',
    f.frameworkId !== '',
    f.linkedActive !== '',
    f.effectivenessLte !== '',
  ].filter(Boolean).length
}

/** Adds or removes one value of a list filter, keeping the order of `all`. */
export function toggled<T extends string>(all: readonly T[], chosen: readonly T[], value: T, on: boolean): T[] {
  const set = new Set(chosen)
  if (on) set.add(value)
  else set.delete(value)
  return all.filter((v) => set.has(v))
}
