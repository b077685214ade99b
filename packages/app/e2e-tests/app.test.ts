import { test, expect } from '@playwright/test';
import { signInAsGuest } from './session';

test('an SRC site links to its SRCNet node and its clusters', async ({
  page,
}) => {
  await signInAsGuest(page);

  // The catalog (mounted at /), filtered to SRC sites with the Kind picker.
  await page.goto('/');
  await page.getByLabel('Kind').getByRole('button').click();
  await page.getByRole('option', { name: 'System', exact: true }).click();
  // Until the System list replaces the Component list, the site's platform services also link
  // to it (their System column): wait for the one link of the System list.
  const site = page.getByRole('link', { name: 'CHSRC main site' });
  await expect(site).toHaveCount(1);
  await expect(site).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'UKSRC RAL (prod)' }),
  ).toBeVisible();
  await site.click();

  await expect(
    page.getByRole('heading', { name: /CHSRC main site/ }).first(),
  ).toBeVisible();
  // Its node (Domain) and its clusters (Resources) are linked.
  await expect(
    page.getByRole('link', { name: 'chsrc', exact: true }).first(),
  ).toBeVisible();
  await expect(
    page
      .getByRole('link', { name: /chsrc-dev|CHSRC main site dev cluster/ })
      .first(),
  ).toBeVisible();
  await expect(
    page
      .getByRole('link', { name: /chsrc-prod|CHSRC main site prod cluster/ })
      .first(),
  ).toBeVisible();
  await page.screenshot({
    path: 'artifacts/screenshots/site-chsrc-main.png',
    fullPage: true,
  });

  // Follow the node link to the Domain.
  await page.getByRole('link', { name: 'chsrc', exact: true }).first().click();
  await expect(
    page.getByText('Swiss SKA Regional Centre').first(),
  ).toBeVisible();
});
