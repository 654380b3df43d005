import { describe, expect, it } from 'vitest'
import { config } from '../test/fixtures'
import { canSubmitChangePassword, checkPassword, isPasswordExpiredMessage, isValidUsername } from './password'

const policy = config().user.auth

describe('password rules from config.user.auth (golden config)', () => {
  it('reads the policy of the recorded config', () => {
    expect(policy.password_minimum_length).toBe(8)
    expect(policy.password_num_match_groups).toBe(3)
    expect(policy.password_match_groups).toHaveLength(4)
  })

  it('ticks each group independently and lists the descriptions', () => {
    const c = checkPassword(policy, 'abc')
    expect(c.groups.map((g) => g.description)).toEqual(policy.password_match_groups_descr)
    expect(c.groups.map((g) => g.met)).toEqual([false, true, false, false])
    expect(c.lengthOk).toBe(false)
    expect(c.strongEnough).toBe(false)
  })

  it('needs the minimum length AND enough groups', () => {
    expect(checkPassword(policy, 'Abc1').strongEnough).toBe(false) // 3 groups, too short
    expect(checkPassword(policy, 'abcdefgh1').strongEnough).toBe(false) // long, 2 groups
    expect(checkPassword(policy, 'abcdefG1').strongEnough).toBe(true)
    expect(checkPassword(policy, 'abcdefg!1').strongEnough).toBe(true)
    const all = checkPassword(policy, 'Abcdef!1')
    expect(all.matchedGroups).toBe(4)
  })

  it('anchors patterns at the start like the server (Python re.match)', () => {
    const p = { ...policy, password_match_groups: ['[0-9]'], password_match_groups_descr: ['starts with digit'], password_num_match_groups: 1, password_minimum_length: 1 }
    expect(checkPassword(p, '1abc').strongEnough).toBe(true)
    expect(checkPassword(p, 'abc1').strongEnough).toBe(false)
  })

  it('treats an invalid pattern as unmet instead of crashing', () => {
    const p = { ...policy, password_match_groups: ['(['], password_match_groups_descr: ['broken'] }
    expect(checkPassword(p, 'Whatever1!').groups[0]!.met).toBe(false)
  })

  it('enables CHANGE PASSWORD only for a strong, confirmed password', () => {
    const base = { username: 'testuser1', password: 'demo', newPassword: 'Abcdefg1', confirmPassword: 'Abcdefg1' }
    expect(canSubmitChangePassword(policy, base)).toBe(true)
    expect(canSubmitChangePassword(policy, { ...base, confirmPassword: 'Abcdefg2' })).toBe(false)
    expect(canSubmitChangePassword(policy, { ...base, newPassword: 'weak', confirmPassword: 'weak' })).toBe(false)
    expect(canSubmitChangePassword(policy, { ...base, username: 'test user' })).toBe(false)
    expect(canSubmitChangePassword(policy, { ...base, password: '' })).toBe(false)
  })
})

describe('login helpers', () => {
  it('validates usernames', () => {
    expect(isValidUsername('testuser1')).toBe(true)
    expect(isValidUsername('')).toBe(false)
    expect(isValidUsername('a b')).toBe(false)
    expect(isValidUsername(' a')).toBe(false)
  })

  it('recognises the expired-password answer of the login endpoint', () => {
    expect(isPasswordExpiredMessage('Password has expired. Please change password.')).toBe(true)
    expect(isPasswordExpiredMessage('Invalid credentials')).toBe(false)
    expect(isPasswordExpiredMessage(undefined)).toBe(false)
  })
})
