import { test, expect } from '@playwright/test';
import { seriousViolations, signInAsGuest } from './session';

test('fleet page -> degraded site -> GitOps tab -> sync as an owner; a non-owner sees no actions', async ({
  page,
}) => {
  await signInAsGuest(page);

  // The fleet page, with the simulated clusters of the demo.
  await page.getByRole('link', { name: 'GitOps fleet' }).click();
  const matrix = page.getByRole('table', {
    name: 'SRC sites and their platform services',
  });
  await expect(matrix).toBeVisible();
  await expect(page.getByText(/These clusters are simulated/)).toBeVisible();
  const skao = matrix
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'skaosrc-main' }) });
  await expect(skao.getByText('Degraded').first()).toBeVisible();
  await page.screenshot({
    path: 'artifacts/screenshots/fleet.png',
    fullPage: true,
  });
  expect(await seriousViolations(page, 'main')).toEqual([]);

  // Its site page: the overview card, then the GitOps tab.
  await skao.getByRole('link', { name: 'skaosrc-main' }).click();
  await expect(
    page.getByRole('heading', { name: /SKAOSRC main site/ }).first(),
  ).toBeVisible();
  await expect(page.getByText('Open the GitOps tab')).toBeVisible();
  await page.screenshot({
    path: 'artifacts/screenshots/site-card.png',
    fullPage: true,
  });
  await page
    .getByRole('tab', { name: 'GitOps', exact: true })
    .or(page.getByRole('link', { name: 'GitOps', exact: true }))
    .first()
    .click();
  const table = page.getByRole('table', {
    name: 'GitOps objects in skaosrc-prod',
  });
  await expect(table).toBeVisible();
  const degraded = table
    .getByRole('row')
    .filter({ hasText: 'Degraded' })
    .first();
  await expect(degraded).toBeVisible();
  const name = (await degraded
    .getByRole('button', { name: /^Sync / })
    .getAttribute('aria-label'))!.replace('Sync ', '');
  await page.screenshot({
    path: 'artifacts/screenshots/gitops-tab.png',
    fullPage: true,
  });
  expect(await seriousViolations(page, 'main')).toEqual([]);

  // Sync it: confirm, then see the status change as the cluster reports it.
  await degraded.getByRole('button', { name: `Sync ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sync' }).click();
  await expect(
    page.getByText(`Sync requested for Application ${name} on skaosrc-prod`),
  ).toBeVisible();
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: `Sync ${name}` }) });
  await expect(row.getByText('Degraded')).toHaveCount(0, { timeout: 45_000 });
  await expect(row.getByText(/Healthy|Progressing/)).toBeVisible();

  // A site the guest does not own: read-only, no action buttons.
  await page.goto('/catalog/default/system/chsrc-main/gitops');
  await expect(
    page.getByRole('table', { name: 'GitOps objects in chsrc-prod' }),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: /^(Sync|Refresh) / }),
  ).toHaveCount(0);
});

test('search across sites: every Vault from the site repositories and live state, narrowed by node', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAsGuest(page);
  await page.goto('/gitops-fleet');
  const box = page.getByRole('textbox', { name: 'Search platform services' });
  await expect(box).toBeVisible({ timeout: 60_000 });
  await box.fill('vault');
  const results = page.getByRole('table', { name: 'Platform services found' });
  // The index is built a few seconds after start; until then the panel explains why.
  await expect(async () => {
    await box.fill('');
    await box.fill('vault');
    await expect(
      results.getByRole('row').filter({ hasText: 'espsrc-main' }).first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
  // CHSRC's live Vault in its prod cluster, joined with what its Argo CD repository pins.
  const chsrc = results
    .getByRole('row')
    .filter({ hasText: 'chsrc-main' })
    .filter({ hasText: 'chsrc-prod' })
    .first();
  await expect(chsrc.getByText('repository pins 0.28.0')).toBeVisible();
  // ESPSRC's Vault: read from its Flux repository (0.28.0 pinned) and joined with what runs.
  const espsrc = results
    .getByRole('row')
    .filter({ hasText: 'espsrc-main' })
    .filter({ hasText: 'espsrc-prod' })
    .first();
  await expect(espsrc.getByText('repository pins 0.28.0')).toBeVisible();
  await page.screenshot({
    path: 'artifacts/screenshots/fleet-search.png',
    fullPage: true,
  });
  expect(await seriousViolations(page, 'main')).toEqual([]);

  await page.getByLabel('Node').click();
  await page.getByRole('option', { name: 'ESPSRC' }).click();
  await expect(
    results.getByRole('row').filter({ hasText: 'chsrc-main' }),
  ).toHaveCount(0);
  await expect(
    results.getByRole('row').filter({ hasText: 'espsrc-main' }).first(),
  ).toBeVisible();

  // The link opens the service's GitOps tab on its cluster.
  await results.getByRole('link', { name: 'vault' }).first().click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/espsrc-main-production-vault\/gitops\?cluster=espsrc-prod/,
  );
});
