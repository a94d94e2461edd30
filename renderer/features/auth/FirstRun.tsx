import { useState } from 'react'
import { AuthLayout } from '#renderer/components/index'
import { CreateAdminForm } from './CreateAdminForm'

type Step = 'choose' | 'local' | 'server'

/** audit-security §3.4: an empty database offers a standalone installation or a server connection. */
export function FirstRun() {
  const [step, setStep] = useState<Step>('choose')
  const back = (
    <button type="button" className="button-secondary" onClick={() => setStep('choose')}>
      Back
    </button>
  )

  if (step === 'local')
    return (
      <AuthLayout title="Create the administrator account">
        <p className="lead">This account manages users, business units and settings on this computer.</p>
        <CreateAdminForm secondary={back} />
      </AuthLayout>
    )

  if (step === 'server')
    return (
      <AuthLayout title="Connect to your organisation's server">
        <div className="banner banner-info" role="status">
          <p>Server sync arrives in a later version of RiskDesk.</p>
        </div>
        <p>Until then, choose “Use RiskDesk on this computer only”. Your data can be connected to a server later.</p>
        <div className="form-actions">{back}</div>
      </AuthLayout>
    )

  return (
    <AuthLayout title="Welcome to RiskDesk">
      <p className="lead">Choose how this computer will use RiskDesk.</p>
      <div className="choices">
        <button type="button" className="choice" onClick={() => setStep('local')} aria-describedby="choice-local-desc">
          <span className="choice-title">Use RiskDesk on this computer only</span>
          <span className="choice-desc" id="choice-local-desc">
            Keep the data in a database on this computer. You create the administrator account now.
          </span>
        </button>
        <button
          type="button"
          className="choice"
          onClick={() => setStep('server')}
          aria-describedby="choice-server-desc"
        >
          <span className="choice-title">Connect to your organisation&apos;s server</span>
          <span className="choice-desc" id="choice-server-desc">
            Share one set of data with your colleagues through your organisation&apos;s RiskDesk server.
          </span>
        </button>
      </div>
    </AuthLayout>
  )
}
