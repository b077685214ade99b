import fs from 'fs';
import { parse } from 'yaml';
import { createRenderSiteAction } from './renderSite';
import { examples } from './renderSite.examples';
import {
  actionContext,
  createMockDirectory,
} from '../__testUtils__/actionContext';

describe('src:site:render examples', () => {
  const workspace = createMockDirectory();
  const action = createRenderSiteAction();

  beforeEach(() => workspace.clear());

  it.each(examples.map(e => [e.description, e.example]))(
    '%s',
    async (_description, example) => {
      const step = parse(example).steps[0];
      expect(step.action).toBe('src:site:render');
      const ctx = actionContext(action, step.input, {
        workspacePath: workspace.path,
      });
      await action.handler(ctx);
      const target = step.input.targetPath ?? 'site';
      expect(
        fs.existsSync(workspace.resolve(target, 'catalog-info.yaml')),
      ).toBe(true);
    },
  );
});
