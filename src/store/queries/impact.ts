import type { Store } from '../db.js';
import { estimateImpact, ImpactInputError, type ImpactRequest } from '../../impact/estimate.js';
import type { ImpactResponse } from '../../impact/types.js';

export { ImpactInputError, type ImpactRequest, type ImpactResponse };

/**
 * The impact of a policy on a series as plain JSON (for the REST API and the dashboard):
 * `{status: 'ok', effect, counterfactual, …}` or `{status: 'refused', reason, details, suggestions}`.
 *
 * @throws ImpactInputError when the policy or a series does not exist
 */
export async function selectImpact(store: Store, request: ImpactRequest): Promise<ImpactResponse> {
  return estimateImpact(store, request);
}
