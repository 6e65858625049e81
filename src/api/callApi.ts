import type { ActionInput, ActionName, ActionOutput } from '@shared/contract';
import { ApiFailure } from './failure';
import { send } from './transport';

/**
 * Calls one action of the contract and returns its data, or throws an `ApiFailure`
 * carrying the server's code, Chinese message and field issues.
 */
export async function callApi<A extends ActionName>(action: A, payload: ActionInput<A>): Promise<ActionOutput<A>> {
  const result = await send(action, payload);
  if (!result.ok) throw new ApiFailure(result.error.code, result.error.message, result.error.issues ?? []);
  // The server answers with the contract's output type for this action.
  return result.data as ActionOutput<A>;
}
