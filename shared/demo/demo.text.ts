/** The fixed phrase list of incidents §12 step 9: a title is `<simplified type name> – <phrase>`. */
export const DEMO_PHRASES = [
  'duplicate payment sent',
  'card data exposed',
  'branch system outage',
  'late regulatory filing',
  'customer complaint escalated',
  'vendor invoice paid twice',
  'unauthorised account access',
  'ATM cash shortfall',
  'incorrect interest calculation',
  'phishing email reported',
  'reconciliation break',
  'lost client documents',
  'batch job failed overnight',
  'mis-sold product',
  'forged signature detected',
  'office water damage',
  'trade booked to wrong account',
  'data entry error on limit',
  'third-party service disruption',
  'missing KYC documents',
] as const

export function demoDescription(unit: string, occurredAt: string, discoveredAt: string): string {
  return (
    `Demo incident generated for the ${unit} business unit. ` +
    `It occurred at ${occurredAt} and was discovered at ${discoveredAt}. ` +
    'Generated data for demonstrations and tests only.'
  )
}
