import type { CommandCtx } from '../catalogue/context'

// risks.md §12.5: what a change to a risk does to its open acceptance, run inside the changing command's
// transaction. The risk workflow and link commands call these; the acceptance module owns the rules.

/** After `risk.approve` wrote the risk row and its snapshot: re-open on a fingerprint change or a lost bound control. */
export async function onRiskApproved(_ctx: CommandCtx, _riskId: string): Promise<void> {}

/** After `risk.unlinkControl` removed a link: re-open when the control is one of the bound controls. */
export async function onControlUnlinked(_ctx: CommandCtx, _riskId: string, _controlId: string): Promise<void> {}

/** After `risk.retire`: ACCEPTED → REVOKED, PENDING → WITHDRAWN, both "Risk retired.". */
export async function onRiskRetired(_ctx: CommandCtx, _riskId: string): Promise<void> {}
