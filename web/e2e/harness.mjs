// @ts-check
// What every browser scenario needs: the stack's address and controls (from the environment the
// Rust test sets, see crates/ella-stack-tests/src/web_ui.rs), Debian's Chromium through
// playwright-core, logged steps, screenshots, and small waiting/asserting helpers.
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Locator} Locator */

/** @param {string} name */
function required(name) {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set (the Rust test crates/ella-stack-tests/tests/browser.rs sets it)`)
  return value
}

export const env = {
  baseUrl: required('ELLA_E2E_URL'),
  chromium: process.env.ELLA_E2E_CHROMIUM ?? '/usr/bin/chromium',
  artifacts: required('ELLA_E2E_ARTIFACTS'),
  dbUrl: required('ELLA_E2E_DB_URL'),
  supervisorConf: required('ELLA_E2E_SUPERVISOR_CONF'),
  expiredUser: required('ELLA_E2E_EXPIRED_USER'),
}

/** The password of every fixture user. */
export const DEMO_PASSWORD = 'demo'

/**
 * The e2e analyses testuser1 (testgroup01: HBOC, HBOCUTV) may see, oldest first; HG002 (Mendeliome,
 * id 1) belongs to testgroup02 (testdata/golden/README.md).
 */
export const TESTUSER1_ANALYSES = ['brca_e2e_test01.HBOCUTV_v01', 'brca_e2e_test02.HBOCUTV_v01', 'brca_e2e_test03.HBOCUTV_v01', 'brca_e2e_test04.HBOCUTV_v01']

/** Default time a UI state may take to appear. */
export const TIMEOUT_MS = 15_000

export async function launchBrowser() {
  return chromium.launch({
    executablePath: env.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  })
}

/**
 * A fresh browser profile (no cookies, empty storage) at the size of a common laptop screen, and
 * a page in it that records uncaught JavaScript errors.
 * @param {Browser} browser
 */
export async function newPage(browser) {
  const context = await browser.newContext({ baseURL: env.baseUrl, viewport: { width: 1366, height: 768 } })
  context.setDefaultTimeout(TIMEOUT_MS)
  const page = await context.newPage()
  /** @type {string[]} */
  const pageErrors = []
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`))
  return { context, page, pageErrors }
}

/** @param {string} name */
export function artifactPath(name) {
  mkdirSync(env.artifacts, { recursive: true })
  return join(env.artifacts, name)
}

/**
 * @param {Page} page
 * @param {string} name file name without extension
 */
export async function screenshot(page, name) {
  const path = artifactPath(`${name}.png`)
  await page.screenshot({ path, fullPage: true })
  console.log(`    screenshot: ${path}`)
  return path
}

/**
 * Runs one named check; prints ✔ with its duration or ✘ with the error (and rethrows).
 * @template T
 * @param {string} name
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function step(name, fn) {
  const started = performance.now()
  try {
    const result = await fn()
    console.log(`  ✔ ${name} (${Math.round(performance.now() - started)} ms)`)
    return result
  } catch (error) {
    console.log(`  ✘ ${name}`)
    throw error
  }
}

/**
 * @param {unknown} condition
 * @param {string} message
 * @returns {asserts condition}
 */
export function check(condition, message) {
  if (!condition) throw new Error(message)
}

/**
 * Polls `read` until `accept` holds for its value; fails with the last value after the timeout.
 * @template T
 * @param {string} what
 * @param {() => Promise<T>} read
 * @param {(value: T) => boolean} accept
 * @param {number} [timeout]
 * @returns {Promise<T>}
 */
export async function eventually(what, read, accept, timeout = TIMEOUT_MS) {
  const deadline = Date.now() + timeout
  /** @type {T} */
  let value = await read()
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`${what}: got ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
    value = await read()
  }
  return value
}

/**
 * Waits until the page's address has `pathname` (and, when given, the `next` query parameter).
 * @param {Page} page
 * @param {string} pathname
 * @param {string} [next]
 */
export async function waitForPath(page, pathname, next) {
  const stripSlash = (/** @type {string} */ p) => (p.length > 1 ? p.replace(/\/$/, '') : p)
  await page.waitForURL(
    (url) => stripSlash(url.pathname) === stripSlash(pathname) && (next === undefined || url.searchParams.get('next') === next),
  )
}

/**
 * Fills in and submits the login form (the page must show it).
 * @param {Page} page
 * @param {string} username
 * @param {string} password
 */
export async function submitLogin(page, username, password) {
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Log in', exact: true }).click()
}

/**
 * Logs in from the login page and waits until the user's name is in the navigation bar.
 * @param {Page} page
 * @param {string} username
 * @param {string} [password]
 */
export async function logIn(page, username, password = DEMO_PASSWORD) {
  await page.goto('/login')
  await submitLogin(page, username, password)
  await navUser(page).waitFor()
}

/**
 * The link to the profile page in the navigation bar (shown only while logged in).
 * @param {Page} page
 */
export function navUser(page) {
  return page.locator('header.navbar a.nav-user')
}

/**
 * The overview box titled `title` (exact), e.g. "Interpretation".
 * @param {Page} page
 * @param {string} title
 */
export function box(page, title) {
  return page.locator('section.box').filter({ has: page.locator('.box-title', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) })
}

/** @param {string} text */
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The names in the row links of a table (analysis names, variant display names).
 * @param {Locator} scope
 */
export async function rowNames(scope) {
  return (await scope.locator('tbody tr a.row-link').allTextContents()).map((t) => t.trim())
}

/**
 * Opens the overview's search box; returns its form and its results.
 * @param {Page} page
 */
export async function openSearch(page) {
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  return { form: page.getByRole('search', { name: 'Search variants and analyses' }), results: page.locator('.search-results') }
}

/**
 * Waits until every `[box title, empty text]` box shows its empty text.
 * @param {Page} page
 * @param {[string, string][]} boxes
 */
export async function expectEmptyBoxes(page, boxes) {
  for (const [title, empty] of boxes) {
    const emptyText = box(page, title).getByText(empty, { exact: true })
    await emptyText.or(page.getByRole('alert').first()).first().waitFor()
    if (!(await emptyText.isVisible())) throw new Error(`box "${title}": the page shows an error: ${await alertTexts(page)}`)
  }
}

/**
 * The texts of every alert on the page (error panels, banners), for failure messages.
 * @param {Page} page
 */
export async function alertTexts(page) {
  return (await page.getByRole('alert').allInnerTexts()).map((text) => text.replace(/\s*\n\s*/g, ' / ')).join(' | ')
}

/**
 * `supervisorctl <args>` against the stack under test.
 * @param {string[]} args
 */
export function supervisorctl(...args) {
  return execFileSync('supervisorctl', ['-c', env.supervisorConf, ...args], { encoding: 'utf8' })
}

/**
 * Runs SQL on the stack's database (the test's own database).
 * @param {string} sql
 */
export function sql(sql) {
  return execFileSync('psql', [env.dbUrl, '-v', 'ON_ERROR_STOP=1', '-Atqc', sql], { encoding: 'utf8' })
}

/** Waits until the API answers through nginx again. */
export async function waitForApi() {
  await eventually(
    'GET /api/v1/config/ after restarting the API',
    async () => {
      try {
        return (await fetch(`${env.baseUrl}/api/v1/config/`)).status
      } catch {
        return 0
      }
    },
    (status) => status === 200,
    60_000,
  )
}
