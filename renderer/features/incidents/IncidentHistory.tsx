import { RecordHistory } from '#renderer/components/index'
import { actionWords } from '#renderer/lib/format'

export function IncidentHistory({ incidentId }: { incidentId: string }) {
  return <RecordHistory entityType="incident" entityId={incidentId} words={actionWords} />
}
