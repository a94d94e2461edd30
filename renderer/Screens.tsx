import { useEffect } from 'react'
import { Page } from '#renderer/components/index'
import { href, navigate, useRoute, type Route } from '#renderer/router'
import { canOpen, homePath } from '#renderer/routes'
import { useSession } from '#renderer/stores/session'
import { BusinessUnits } from './features/admin/BusinessUnits'
import { Users } from './features/admin/Users'
import { AuditTrail } from './features/audit/AuditTrail'
import { Inbox } from './features/inbox/Inbox'
import { IncidentAnalytics } from './features/analytics/IncidentAnalytics'
import { DemoData } from './features/demo/DemoData'
import { FxRates, IncidentSettings } from './features/settings/index'
import { IncidentDetail } from './features/incidents/IncidentDetail'
import {
  Approvals,
  IncidentRegister,
  MyIncidents,
  OverdueIncidents,
  TeamIncidents,
  ValidationQueue,
} from './features/incidents/IncidentScreens'
import { ReportIncident } from './features/incidents/ReportIncident'
import { MeasureDetail } from './features/measures/MeasureDetail'
import { MeasureEditRights } from './features/measures/MeasureEditRights'
import {
  MeasureReviewQueue,
  MeasuresRegister,
  MyMeasures,
  OverdueMeasures,
  TeamMeasures,
} from './features/measures/MeasureScreens'
import { AcceptanceInbox, NewRisk, RiskDetail, RiskHeatMap, RiskRegister } from './features/risks/index'
import {
  ControlCoverage,
  ControlDetail,
  ControlsLibrary,
  RiskControlMatrix,
  StarterLibrary,
} from './features/controls/index'
import { KriBreaches, KriDashboard, KriDetail, KriRegister } from './features/kris/index'
import { FrameworkSettings, RiskMatrixSettings, RiskWorkflowSettings } from './features/settings-rcsa/index'

/** The signed-in screen for the current hash. */
export function Screens() {
  const route = useRoute()
  const user = useSession((s) => s.user)
  const home = homePath(useSession((s) => s.home))

  useEffect(() => {
    if (route.name === 'home') navigate(home, { replace: true })
  }, [route.name, home])

  if (route.name === 'home') return null
  if (!canOpen(route, user?.roles ?? []))
    return (
      <Page title="No access">
        <p>Your role does not give access to this screen.</p>
        <p>
          <a href={href(home)}>Go to your home screen</a>
        </p>
      </Page>
    )
  return <Screen route={route} />
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'report':
      return <ReportIncident />
    case 'my-incidents':
      return <MyIncidents />
    case 'approvals':
      return <Approvals />
    case 'team':
      return <TeamIncidents />
    case 'validation':
      return <ValidationQueue />
    case 'overdue-draft':
      return <OverdueIncidents stage="DRAFT" />
    case 'overdue-review':
      return <OverdueIncidents stage="REVIEW" />
    case 'overdue-validation':
      return <OverdueIncidents stage="VALIDATION" />
    case 'register':
      return <IncidentRegister />
    case 'audit':
      return <AuditTrail />
    case 'admin-users':
      return <Users />
    case 'admin-units':
      return <BusinessUnits />
    case 'inbox':
      return <Inbox />
    case 'incident':
      return <IncidentDetail key={route.id} id={route.id} />
    case 'my-measures':
      return <MyMeasures />
    case 'team-measures':
      return <TeamMeasures />
    case 'measure-review':
      return <MeasureReviewQueue />
    case 'measure-overdue':
      return <OverdueMeasures />
    case 'measures':
      return <MeasuresRegister />
    case 'settings-incidents':
      return <IncidentSettings />
    case 'fx-rates':
      return <FxRates />
    case 'analytics':
      return <IncidentAnalytics />
    case 'demo':
      return <DemoData />
    case 'settings-measures':
      return <MeasureEditRights />
    case 'measure':
      return <MeasureDetail key={route.id} id={route.id} />
    case 'risks':
      return <RiskRegister />
    case 'risk-new':
      return <NewRisk />
    case 'risk-heatmap':
      return <RiskHeatMap />
    case 'acceptances':
      return <AcceptanceInbox />
    case 'risk':
      return <RiskDetail key={route.id} id={route.id} />
    case 'controls':
      return <ControlsLibrary />
    case 'control-starter':
      return <StarterLibrary />
    case 'control-matrix':
      return <RiskControlMatrix />
    case 'control-coverage':
      return <ControlCoverage />
    case 'control':
      return <ControlDetail key={route.id} id={route.id} />
    case 'kri-dashboard':
      return <KriDashboard />
    case 'kris':
      return <KriRegister />
    case 'kri-breaches':
      return <KriBreaches />
    case 'kri':
      return <KriDetail key={route.id} id={route.id} />
    case 'settings-risk-matrix':
      return <RiskMatrixSettings />
    case 'settings-risks':
      return <RiskWorkflowSettings />
    case 'settings-frameworks':
      return <FrameworkSettings />
    case 'home':
    case 'not-found':
      return (
        <Page title="Page not found">
          <p>There is no screen at this address.</p>
        </Page>
      )
  }
}
