import fs from 'fs';
import { InputError, NotFoundError } from '@backstage/errors';
import { createRenderSiteAction } from './renderSite';
import { createValidateSiteAction } from './validateSite';
import { argoCdSiteSpec, fluxSiteSpec } from './renderSite.examples';
import { examples } from './validateSite.examples';
import {
  actionContext,
  createMockDirectory,
} from '../__testUtils__/actionContext';
import { parse } from 'yaml';

describe('src:site:validate', () => {
  const workspace = createMockDirectory();
  const render = createRenderSiteAction();
  const validate = createValidateSiteAction();

  beforeEach(() => workspace.clear());

  it.each([argoCdSiteSpec, fluxSiteSpec])(
    'passes a freshly rendered site',
    async spec => {
      await render.handler(
        actionContext(render, { spec }, { workspacePath: workspace.path }),
      );
      const ctx = actionContext(
        validate,
        { repositoryUrl: spec.repository.url },
        { workspacePath: workspace.path },
      );
      await validate.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('fileCount', expect.any(Number));
    },
  );

  it('fails the step with file, object, field and reason of each problem', async () => {
    await render.handler(
      actionContext(
        render,
        { spec: argoCdSiteSpec },
        { workspacePath: workspace.path },
      ),
    );
    fs.rmSync(workspace.resolve('site/apps/vault/overlays/prod/values.yaml'));
    const app = workspace.resolve('site/argocd-apps/dev/traefik.yaml');
    fs.writeFileSync(
      app,
      fs
        .readFileSync(app, 'utf8')
        .replace('project: chsrc-main', 'project: [1]'),
    );
    const ctx = actionContext(
      validate,
      { repositoryUrl: argoCdSiteSpec.repository.url },
      { workspacePath: workspace.path },
    );
    const error = await validate.handler(ctx).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(
      'not valid and was not published (2 problems)',
    );
    expect(error.message).toContain(
      'argocd-apps/dev/traefik.yaml Application/argocd/traefik spec.project: must be string',
    );
    expect(error.message).toContain(
      "argocd-apps/prod/vault.yaml Application/argocd/vault spec.sources[0].helm.valueFiles[1]: values file 'apps/vault/overlays/prod/values.yaml' does not exist in the repository",
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('fails clearly when there is nothing to validate', async () => {
    const ctx = actionContext(
      validate,
      { targetPath: 'nothing-here' },
      { workspacePath: workspace.path },
    );
    await expect(validate.handler(ctx)).rejects.toThrow(NotFoundError);
  });

  it('runs its documented example', async () => {
    const step = parse(examples[0].example).steps[0];
    await render.handler(
      actionContext(
        render,
        { spec: argoCdSiteSpec },
        { workspacePath: workspace.path },
      ),
    );
    const ctx = actionContext(validate, step.input, {
      workspacePath: workspace.path,
    });
    await validate.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('fileCount', expect.any(Number));
  });
});
