// @ts-check
// Scenario (a), variants part, as two scenarios: the Variants tab of testuser1 (no allele
// interpretations exist on the fresh database, so every box shows its empty text); a variant search
// as webui.md §4.4 makes it ready (gene BRCA2 from the gene options + an HGVSc prefix) and
// "Show analyses" for the hit.
import { alertTexts, check, expectEmptyBoxes, logIn, openSearch, rowNames, screenshot, step, waitForPath, TESTUSER1_ANALYSES } from '../harness.mjs'

/** @type {[string, string][]} Boxes of the Variants tab. */
const EMPTY_VARIANT_BOXES = [
  ['Your variants', 'You have no variants'],
  ['Interpretation', 'No pending variants'],
  ['Pending review', 'No variants pending review'],
  ["Others' variants", 'Others have no variants'],
  ['Finalized', 'No finalized variants'],
]

/** BRCA2 c.581G>A (allele 14) is in brca_e2e_test01, 02 and 03 (test04 has no variants). */
const HGVSC_PREFIX = 'c.581'
const HGVSC = 'c.581G>A'
const ANALYSES_WITH_THE_VARIANT = TESTUSER1_ANALYSES.slice(0, 3)

/** @param {{ page: import('playwright-core').Page }} t */
export async function variantsTab({ page }) {
  await step('the Variants tab shows its boxes', async () => {
    await logIn(page, 'testuser1')
    await page.getByRole('navigation', { name: 'Overview sections' }).getByRole('link', { name: 'Variants' }).click()
    await waitForPath(page, '/overview/variants')
    await expectEmptyBoxes(page, EMPTY_VARIANT_BOXES)
  })
}

/** @param {{ page: import('playwright-core').Page }} t */
export async function variantSearch({ page }) {
  await logIn(page, 'testuser1')
  const { form, results } = await openSearch(page)

  await step(`variant search: gene BRCA2 + "${HGVSC_PREFIX}" finds ${HGVSC}`, async () => {
    await form.getByRole('combobox', { name: 'Gene' }).fill('BRCA')
    await form.getByRole('option', { name: 'BRCA2', exact: true }).click()
    await form.getByLabel('HGVSc / genomic').fill(HGVSC_PREFIX)
    const summary = results.getByRole('heading', { name: 'Variants (1)' })
    await summary.or(results.getByRole('alert')).first().waitFor()
    if (!(await summary.isVisible())) throw new Error(`the search shows an error: ${await alertTexts(page)}`)
    const names = await rowNames(results)
    check(names.length === 1 && names[0]?.startsWith('BRCA2') === true && names[0].includes(HGVSC), `variant hits: ${JSON.stringify(names)}`)
    await screenshot(page, 'search-variants')
  })

  await step('"Show analyses" lists the analyses with the variant after the privacy warning', async () => {
    await results.getByRole('button', { name: 'Show analyses' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'I accept' }).click()
    const rows = dialog.locator('tbody tr')
    await rows.first().or(dialog.getByRole('alert').filter({ hasNotText: 'restricted' })).first().waitFor()
    if (!(await rows.count())) throw new Error(`the dialog shows an error: ${await alertTexts(page)}`)
    const names = (await rowNames(dialog)).sort()
    check(JSON.stringify(names) === JSON.stringify(ANALYSES_WITH_THE_VARIANT), `analyses with ${HGVSC}: ${JSON.stringify(names)}`)
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click()
    await dialog.waitFor({ state: 'hidden' })
  })
}
