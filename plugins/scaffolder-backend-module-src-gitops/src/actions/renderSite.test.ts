import fs from 'fs';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { createRenderSiteAction } from './renderSite';
import { argoCdSiteSpec } from './renderSite.examples';
import {
  actionContext,
  createMockDirectory,
} from '../__testUtils__/actionContext';

describe('src:site:render', () => {
  const workspace = createMockDirectory();
  const action = createRenderSiteAction();

  beforeEach(() => workspace.clear());

  it('renders the site repository into the workspace and outputs its files and entities', async () => {
    const ctx = actionContext(
      action,
      { spec: argoCdSiteSpec },
      { workspacePath: workspace.path },
    );
    await action.handler(ctx);
    expect(
      fs.existsSync(workspace.resolve('site/argocd-apps/prod/main.yaml')),
    ).toBe(true);
    expect(ctx.output).toHaveBeenCalledWith(
      'siteEntityRef',
      'system:default/chsrc-main',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'files',
      expect.arrayContaining(['catalog-info.yaml', 'README.md']),
    );
    expect(ctx.output).toHaveBeenCalledWith('targetPath', 'site');
  });

  it('fails with every bad field named and writes nothing', async () => {
    const spec = {
      ...argoCdSiteSpec,
      site: 'CH_SRC',
      environments: [
        {
          name: 'prod',
          cluster: 'chsrc-prod',
          baseDomain: 'https://src.example.ch/x',
        },
      ],
    };
    const ctx = actionContext(
      action,
      { spec },
      { workspacePath: workspace.path },
    );
    const error = await action.handler(ctx).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(
      "- site: site name must be lower-case letters, digits and '-' (DNS-1123)",
    );
    expect(error.message).toContain(
      '- environments[0].baseDomain: base domain must be a DNS name',
    );
    expect(fs.existsSync(workspace.resolve('site'))).toBe(false);
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('refuses to render over existing files and leaves them alone', async () => {
    workspace.setContent({ 'site/keep.txt': 'mine' });
    const ctx = actionContext(
      action,
      { spec: argoCdSiteSpec },
      { workspacePath: workspace.path },
    );
    await expect(action.handler(ctx)).rejects.toThrow(ConflictError);
    expect(fs.readdirSync(workspace.resolve('site'))).toEqual(['keep.txt']);
  });

  it('refuses a target outside the workspace', async () => {
    const ctx = actionContext(
      action,
      { spec: argoCdSiteSpec, targetPath: '../outside' },
      { workspacePath: workspace.resolve('ws') },
    );
    await expect(action.handler(ctx)).rejects.toThrow(NotAllowedError);
  });
});
