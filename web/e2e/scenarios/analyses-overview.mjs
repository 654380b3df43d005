// @ts-check
// Scenario (a), analyses part: open the site → login page; log in as testuser1; the Analyses tab
// lists exactly the analyses of testuser1's gene panels in the boxes ELLA puts them in (all e2e
// analyses are "Not started" in round "Interpretation" → INTERPRETATION); an analysis search;
// log out. Screenshots of login, overview and search result; time to the rendered overview.
import {
  alertTexts,
  box,
  check,
  eventually,
  expectEmptyBoxes,
  navUser,
  openSearch,
  rowNames,
  screenshot,
  step,
  submitLogin,
  waitForPath,
  DEMO_PASSWORD,
  TESTUSER1_ANALYSES,
} from '../harness.mjs'

/** @type {[string, string][]} Boxes of the Analyses tab that stay empty on a fresh database. */
const EMPTY_ANALYSIS_BOXES = [
  ['Not ready', 'No analyses are not ready'],
  ['Your analyses', 'You have no ongoing analyses'],
  ['Review', 'No analyses pending review.'],
  ['Medical review', 'No analyses pending medical review.'],
  ["Others' analyses", 'Others have no analyses'],
  ['Finalized', 'No finalized analysis'],
]

/**
 * The analysis names in the INTERPRETATION box, once it has rows; fails at once with the text of
 * an error panel instead of waiting for rows that will not come.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>}
 */
async function interpretationBox(page) {
  const interpretation = box(page, 'Interpretation')
  const rows = interpretation.locator('tbody tr')
  const failure = page.getByRole('alert')
  await rows.first().or(failure.first()).waitFor()
  if (!(await rows.count())) throw new Error(`the overview shows an error: ${await alertTexts(page)}`)
  return rowNames(interpretation)
}

/** @param {{ page: import('playwright-core').Page, metrics: Record<string, number> }} t */
export async function analysesOverview({ page, metrics }) {
  await step('opening the site sends to the login page', async () => {
    await page.goto('/')
    await waitForPath(page, '/login')
    await page.getByRole('button', { name: 'Log in', exact: true }).waitFor()
    await screenshot(page, 'login')
  })

  await step('testuser1 logs in and lands on the Analyses tab', async () => {
    const started = performance.now()
    await submitLogin(page, 'testuser1', DEMO_PASSWORD)
    await waitForPath(page, '/overview/analyses')
    await interpretationBox(page)
    metrics.loginToOverviewMs = Math.round(performance.now() - started)
  })

  await step('a fresh navigation renders the overview (timed)', async () => {
    const started = performance.now()
    await page.goto('/overview/analyses')
    await interpretationBox(page)
    metrics.navigationToOverviewMs = Math.round(performance.now() - started)
    console.log(`    navigation → overview rendered: ${metrics.navigationToOverviewMs} ms`)
  })

  await step("INTERPRETATION lists exactly testuser1's analyses, oldest first", async () => {
    const names = await interpretationBox(page)
    check(JSON.stringify(names) === JSON.stringify(TESTUSER1_ANALYSES), `INTERPRETATION box: ${JSON.stringify(names)}`)
    const count = (await box(page, 'Interpretation').locator('.box-count').textContent())?.trim()
    check(count === String(TESTUSER1_ANALYSES.length), `INTERPRETATION count: ${count}`)
  })

  await step("the other boxes are empty; HG002 (another group's panel) is nowhere", async () => {
    await expectEmptyBoxes(page, EMPTY_ANALYSIS_BOXES)
    check((await page.getByText('HG002-Trio').count()) === 0, 'HG002-Trio.Mendeliome_v01 is shown to testuser1')
    await screenshot(page, 'overview-analyses')
  })

  await step('analysis search: "e2e" finds testuser1\'s four analyses only', async () => {
    const { form, results } = await openSearch(page)
    await form.getByText('Analyses', { exact: true }).click()
    await form.getByLabel('Analysis name').fill('e2e')
    await results.getByRole('heading', { name: `Analyses (${TESTUSER1_ANALYSES.length})` }).waitFor()
    const names = await eventually('analysis hits', () => rowNames(results), (n) => n.length === TESTUSER1_ANALYSES.length)
    check(JSON.stringify([...names].sort()) === JSON.stringify(TESTUSER1_ANALYSES), `analysis hits: ${JSON.stringify(names)}`)
    await screenshot(page, 'search-analyses')
  })

  await step('logging out returns to the login page', async () => {
    await navUser(page).click()
    await waitForPath(page, '/dashboard')
    await page.getByRole('button', { name: 'Log out' }).click()
    await waitForPath(page, '/login')
    await page.getByRole('button', { name: 'Log in', exact: true }).waitFor()
    check((await navUser(page).count()) === 0, 'the user is still shown after logout')
  })

  await step('after logout the overview needs a login again', async () => {
    await page.goto('/overview/analyses')
    await waitForPath(page, '/login', '/overview/analyses')
  })
}
