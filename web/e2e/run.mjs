// @ts-check
// Entry point of the browser tests: runs every scenario (or those named in ELLA_E2E_SCENARIOS,
// comma-separated) in its own fresh browser profile against the stack the Rust test started
// (crates/ella-stack-tests/tests/browser.rs), prints each check, and exits non-zero when any
// scenario failed. A failing scenario leaves a screenshot `failed-<scenario>.png`.
import { launchBrowser, newPage, screenshot } from './harness.mjs'
import { errorStates } from './scenarios/error-states.mjs'
import { expiredPassword } from './scenarios/expired-password.mjs'
import { analysesOverview } from './scenarios/analyses-overview.mjs'
import { variantSearch, variantsTab } from './scenarios/variants-and-search.mjs'

/**
 * @typedef {{ page: import('playwright-core').Page, context: import('playwright-core').BrowserContext, metrics: Record<string, number> }} ScenarioContext
 * @type {[string, (t: ScenarioContext) => Promise<void>][]}
 */
const SCENARIOS = [
  ['analyses-overview', analysesOverview],
  ['variants-tab', variantsTab],
  ['variant-search', variantSearch],
  ['expired-password', expiredPassword],
  ['error-states', errorStates],
]

const only = process.env.ELLA_E2E_SCENARIOS?.split(',').map((name) => name.trim()).filter(Boolean)
const selected = SCENARIOS.filter(([name]) => !only || only.includes(name))

const browser = await launchBrowser()
console.log(`Chromium ${browser.version()}`)
/** @type {Record<string, number>} */
const metrics = {}
/** @type {string[]} */
const failed = []
try {
  for (const [name, scenario] of selected) {
    console.log(`scenario ${name}`)
    const { context, page, pageErrors } = await newPage(browser)
    try {
      await scenario({ page, context, metrics })
      if (pageErrors.length) throw new Error(`uncaught errors in the page: ${pageErrors.join('; ')}`)
    } catch (error) {
      failed.push(name)
      console.log(`  at ${page.url()}`)
      console.log(`  ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      await screenshot(page, `failed-${name}`).catch(() => undefined)
    } finally {
      await context.close()
    }
  }
} finally {
  await browser.close()
}

for (const [key, value] of Object.entries(metrics)) console.log(`metric ${key}: ${value}`)
if (failed.length) {
  console.log(`FAILED: ${failed.join(', ')} (of ${selected.length} scenarios)`)
  process.exit(1)
}
console.log(`all ${selected.length} scenarios passed`)
