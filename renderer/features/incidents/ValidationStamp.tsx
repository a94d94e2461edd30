import { LocalTime } from '#renderer/components/index'
import type { IncidentDetail } from '#renderer/types'

/** incidents §17: the validation is bound to the version it applied to; later field changes are flagged. */
export function ValidationStamp({ incident: i }: { incident: IncidentDetail }) {
  if (i.validated_version === null) return null
  return (
    <div className="validation-stamp" role="note">
      <p>
        Validated as version {i.validated_version} by {i.validated_by_name ?? 'an unknown user'} at{' '}
        <LocalTime iso={i.validated_at} />
      </p>
      {i.changed_since_validation && <span className="badge badge-warning">Changed since validation</span>}
    </div>
  )
}
