import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { JsonObject } from '@backstage/types';

type AnyAction = { handler: (ctx: never) => Promise<void> };
type ContextOf<A extends AnyAction> = Parameters<A['handler']>[0];

/**
 * A mock action context for `action` over a real temporary workspace; `isDryRun` as asked.
 * Inputs in tests are deliberately loose (bad input is what many tests send).
 */
export function actionContext<A extends AnyAction>(
  _action: A,
  input: JsonObject,
  options: { workspacePath: string; isDryRun?: boolean },
): ContextOf<A> {
  const ctx = {
    ...createMockActionContext({ input, workspacePath: options.workspacePath }),
    isDryRun: options.isDryRun ?? false,
  };
  return ctx as unknown as ContextOf<A>;
}

export { createMockDirectory };
