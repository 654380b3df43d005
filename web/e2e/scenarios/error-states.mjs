// @ts-check
// Scenario (c): failures are shown, not swallowed (README "Error handling"):
// * a 500 from the API (ELLA's answer for an analysis that does not exist) → error panel;
// * the session cookie removed → login page, then back to the page the user was on;
// * the session expired on the server (its usersession row's `expires` set to the past; the row
//   itself stays, the resource log refers to it) while the page is open → the next request sends
//   the user to the login page, and back to where they were going afterwards;
// * the API stopped (supervisorctl stop api; nginx answers 503) → "server not available" banner,
//   cleared by "Try again" once the API is back; a page loaded during the outage says so too.
import { check, logIn, navUser, screenshot, sql, step, submitLogin, supervisorctl, waitForApi, waitForPath, DEMO_PASSWORD } from '../harness.mjs'

const USER = 'testuser1'
/** testuser1 may see analysis 2 (brca_e2e_test01.HBOCUTV_v01, golden id). */
const ANALYSIS_PATH = '/workflows/analyses/2'
const ANALYSIS_NAME = 'brca_e2e_test01.HBOCUTV_v01'

/** @param {import('playwright-core').Page} page */
async function analysisShown(page) {
  await page.getByRole('heading', { name: ANALYSIS_NAME, exact: true }).waitFor()
  await page.getByRole('heading', { name: `${ANALYSIS_NAME} • INTERPRETATION`, exact: true }).waitFor()
}

/** @param {import('playwright-core').Page} page */
function startupError(page) {
  return page.getByRole('alert').filter({ hasText: 'ELLA cannot start: failed to load the configuration' })
}

/** @param {{ page: import('playwright-core').Page, context: import('playwright-core').BrowserContext }} t */
export async function errorStates({ page, context }) {
  await step('an analysis page loads its analysis (name and status in the title)', async () => {
    await logIn(page, USER)
    await page.goto(ANALYSIS_PATH)
    await analysisShown(page)
  })

  await step('a 500 from the API is shown as an error panel, not a login loop', async () => {
    await page.goto('/workflows/analyses/999999')
    const panel = page.getByRole('alert').filter({ hasText: 'Analysis 999999 could not be loaded' })
    await panel.waitFor()
    const text = (await panel.textContent()) ?? ''
    check(text.includes('HTTP 500'), `error panel without the status: ${text}`)
    await panel.getByRole('button', { name: 'Try again' }).waitFor()
    await waitForPath(page, '/workflows/analyses/999999')
    await screenshot(page, 'error-500')
  })

  await step('session cookie removed → login page → back to the analysis', async () => {
    await page.goto(ANALYSIS_PATH)
    await analysisShown(page)
    await context.clearCookies()
    await page.reload()
    await waitForPath(page, '/login', ANALYSIS_PATH)
    await submitLogin(page, USER, DEMO_PASSWORD)
    await waitForPath(page, ANALYSIS_PATH)
    await analysisShown(page)
  })

  await step('session expired on the server → the next request leads to login → back to that page', async () => {
    sql(`UPDATE usersession SET expires = now() - interval '1 second' WHERE user_id = (SELECT id FROM "user" WHERE username = '${USER}')`)
    await navUser(page).click() // the profile page loads the user list: 403 now
    await waitForPath(page, '/login', '/dashboard')
    await page.getByText('Your session has expired. Please log in again.').waitFor()
    await submitLogin(page, USER, DEMO_PASSWORD)
    await waitForPath(page, '/dashboard')
    await page.getByRole('button', { name: 'Log out' }).waitFor()
  })

  try {
    await step('API stopped → a request shows the "server not available" banner', async () => {
      await page.goto(ANALYSIS_PATH)
      await analysisShown(page)
      supervisorctl('stop', 'api')
      await navUser(page).click() // the profile page loads the user list: nginx answers 503
      const banner = page.locator('.outage[role="alert"]')
      await banner.waitFor()
      const text = (await banner.textContent()) ?? ''
      check(text.includes('not available') && text.includes('HTTP 503'), `outage banner: ${text}`)
      check(new URL(page.url()).pathname === '/dashboard', `left the page during the outage: ${page.url()}`)
      await screenshot(page, 'error-api-down')
    })

    await step('a page loaded while the API is down says so (no login form that cannot work)', async () => {
      await page.goto(ANALYSIS_PATH)
      await page.locator('.outage[role="alert"]').waitFor()
      // after the automatic retries: the permanent start-up error of webui.md §1.2
      await startupError(page).waitFor()
      check((await page.getByRole('button', { name: 'Log in', exact: true }).count()) === 0, 'sent to the login page during the outage')
    })

    await step('API back → "Try again" loads the page and clears the banner', async () => {
      supervisorctl('start', 'api')
      await waitForApi()
      await startupError(page).getByRole('button', { name: 'Try again' }).click()
      await analysisShown(page)
      await page.locator('.outage').waitFor({ state: 'detached' })
    })
  } finally {
    // Whatever failed above: leave the API running for the scenarios that follow.
    try {
      supervisorctl('start', 'api')
    } catch {
      // already running
    }
  }
}
