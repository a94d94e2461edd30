// The only two IPC channels between renderer and main (audit-security.md §5, E11).
export const CALL_CHANNEL = 'riskdesk:call'
export const EVENT_CHANNEL = 'riskdesk:event'
