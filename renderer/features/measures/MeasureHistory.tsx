import { RecordHistory } from '#renderer/components/index'
import { measureActionWords } from './labels'

/** measures §7 / §14 History: the measure's audit entries and its link rows', oldest first. */
export function MeasureHistory({ measureId }: { measureId: string }) {
  return <RecordHistory entityType="measure" entityId={measureId} words={measureActionWords} />
}
