// @ts-check
// Scenario (b): a user whose password has expired (the Rust test sets password_expiry in the past)
// is made to change it on login; the live checklist blocks weak passwords (webui.md §2); the old
// password stops working and the new one logs in.
import { check, env, navUser, step, submitLogin, waitForPath, DEMO_PASSWORD } from '../harness.mjs'

/** Meets the example config's policy: ≥ 8 characters and 3 of upper/lower/digit/special. */
const NEW_PASSWORD = 'Kvalitet-2026'

/** @param {{ page: import('playwright-core').Page }} t */
export async function expiredPassword({ page }) {
  const user = env.expiredUser
  const submit = page.getByRole('button', { name: 'Change password', exact: true })
  const newPassword = page.getByLabel('New password', { exact: true })
  const confirm = page.getByLabel('Confirm new password', { exact: true })

  await step(`${user} (expired password) is switched to "Change password" on login`, async () => {
    await page.goto('/login')
    await submitLogin(page, user, DEMO_PASSWORD)
    await page.getByText('Your password has expired. Choose a new password to continue.').waitFor()
    await newPassword.waitFor()
    check((await page.getByLabel('Current password', { exact: true }).inputValue()) === DEMO_PASSWORD, 'the current password was not kept')
    check((await navUser(page).count()) === 0, 'logged in despite the expired password')
  })

  await step('the checklist blocks weak passwords', async () => {
    for (const weak of ['abc', 'abcdefgh', 'Abcdefgh', 'Ab1-']) {
      await newPassword.fill(weak)
      await confirm.fill(weak)
      check(await submit.isDisabled(), `"Change password" is enabled for the weak password "${weak}"`)
      check((await newPassword.getAttribute('aria-invalid')) === 'true', `"${weak}" is not marked invalid`)
    }
    // 'Abcdefgh': length met, 2 of 3 groups — the checklist says which rules are still missing.
    await newPassword.fill('Abcdefgh')
    await page.getByText('Minimum 8 characters (met)').waitFor()
    await page.getByText('Digits [0-9] (not met)').waitFor()
  })

  await step('a strong password that the confirmation does not repeat is blocked too', async () => {
    await newPassword.fill(NEW_PASSWORD)
    await confirm.fill(`${NEW_PASSWORD}x`)
    check((await newPassword.getAttribute('aria-invalid')) === null, 'the strong password is marked invalid')
    check(await submit.isDisabled(), '"Change password" is enabled with a wrong confirmation')
  })

  await step('the strong password is accepted', async () => {
    await confirm.fill(NEW_PASSWORD)
    await submit.click()
    await page.getByText('Password changed successfully. You can now log in with your new password.').waitFor()
    await page.getByRole('button', { name: 'Log in', exact: true }).waitFor()
  })

  await step('the old password no longer works', async () => {
    await submitLogin(page, user, DEMO_PASSWORD)
    await page.getByText(/^Login unsuccessful: /).waitFor()
    check((await navUser(page).count()) === 0, 'logged in with the old password')
  })

  await step('the new password logs in', async () => {
    await submitLogin(page, user, NEW_PASSWORD)
    await waitForPath(page, '/overview/analyses')
    await navUser(page).waitFor()
  })
}
