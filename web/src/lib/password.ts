// Live password-rule checklist (webui.md §2). The server (api.md §2.5) is authoritative; this
// mirrors its rule: length ≥ minimum AND at least N of the regexes match, each regex anchored at
// the start only (Python `re.match`).
import type { PasswordPolicy } from '../api/types'

export interface PasswordRuleState {
  description: string
  met: boolean
}

export interface PasswordCheck {
  minimumLength: number
  lengthOk: boolean
  groups: PasswordRuleState[]
  requiredGroups: number
  matchedGroups: number
  strongEnough: boolean
}

const regexCache = new Map<string, RegExp | null>()

function compile(pattern: string): RegExp | null {
  if (!regexCache.has(pattern)) {
    let re: RegExp | null
    try {
      // `u` flag off on purpose: the server patterns are Python regexes, plain syntax only.
      re = new RegExp(`^(?:${pattern})`)
    } catch {
      re = null
    }
    regexCache.set(pattern, re)
  }
  return regexCache.get(pattern) ?? null
}

export function checkPassword(policy: PasswordPolicy, password: string): PasswordCheck {
  const groups = policy.password_match_groups.map((pattern, i) => {
    const re = compile(pattern)
    return {
      description: policy.password_match_groups_descr[i] ?? pattern,
      met: password.length > 0 && re !== null && re.test(password),
    }
  })
  const matchedGroups = groups.filter((g) => g.met).length
  const lengthOk = password.length >= policy.password_minimum_length
  return {
    minimumLength: policy.password_minimum_length,
    lengthOk,
    groups,
    requiredGroups: policy.password_num_match_groups,
    matchedGroups,
    strongEnough: lengthOk && matchedGroups >= policy.password_num_match_groups,
  }
}

/** Username rule of the login form: non-empty, no whitespace. */
export function isValidUsername(username: string): boolean {
  return username.length > 0 && !/\s/.test(username)
}

export interface ChangePasswordFormState {
  username: string
  password: string
  newPassword: string
  confirmPassword: string
}

export function canSubmitChangePassword(policy: PasswordPolicy, f: ChangePasswordFormState): boolean {
  return (
    isValidUsername(f.username) &&
    f.password.length > 0 &&
    f.newPassword.length > 0 &&
    f.newPassword === f.confirmPassword &&
    checkPassword(policy, f.newPassword).strongEnough
  )
}

/** The login answer that forces the password-change form. */
export function isPasswordExpiredMessage(message: string | undefined): boolean {
  return !!message && /password has expired/i.test(message)
}
