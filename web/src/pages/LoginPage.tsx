// Login and password change (webui.md §2).
import { useRef, useState, type FormEvent } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { changePassword, login } from '../api/endpoints'
import { isApiError } from '../api/errors'
import { qk, useConfig } from '../api/queries'
import type { PasswordPolicy } from '../api/types'
import { usePageTitle } from '../app/title'
import { safeNextPath } from '../lib/links'
import { canSubmitChangePassword, checkPassword, isPasswordExpiredMessage, isValidUsername } from '../lib/password'
import { Segmented, TextField } from '../ui/controls'
import { ErrorPanel, Spinner } from '../ui/Feedback'
import { useToast } from '../ui/toast'

type Mode = 'login' | 'change'

function serverMessage(e: unknown): string {
  if (isApiError(e)) return e.serverMessage ?? e.message
  return e instanceof Error ? e.message : String(e)
}

export function PasswordChecklist({ policy, password }: { policy: PasswordPolicy; password: string }) {
  const c = checkPassword(policy, password)
  return (
    <div className="pw-rules" aria-live="polite">
      <ul className="checklist">
        <li className={c.lengthOk ? 'is-met' : undefined}>
          <span className="check" aria-hidden="true" />
          Minimum {c.minimumLength} characters
          <span className="sr-only">{c.lengthOk ? ' (met)' : ' (not met)'}</span>
        </li>
      </ul>
      <p className="pw-rules-head">
        {c.requiredGroups} of the following{' '}
        <span className={`pw-count${c.matchedGroups >= c.requiredGroups ? ' is-met' : ''}`}>
          ({Math.min(c.matchedGroups, c.requiredGroups)}/{c.requiredGroups})
        </span>
        :
      </p>
      <ul className="checklist">
        {c.groups.map((g, i) => (
          <li key={i} className={g.met ? 'is-met' : undefined}>
            <span className="check" aria-hidden="true" />
            {g.description}
            <span className="sr-only">{g.met ? ' (met)' : ' (not met)'}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}

export function LoginPage() {
  usePageTitle('Log in')
  const config = useConfig()
  const qc = useQueryClient()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const toast = useToast()

  const [mode, setMode] = useState<Mode>('login')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [newPassword, setNewPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<{ kind: 'error' | 'info' | 'success'; text: string } | null>(null)
  const newPwRef = useRef<HTMLInputElement>(null)

  const next = safeNextPath(params.get('next'))

  const policy = config.data?.user.auth

  async function onLogin(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    if (!isValidUsername(username)) {
      setNotice({ kind: 'error', text: 'Invalid username' })
      return
    }
    setBusy(true)
    setNotice(null)
    try {
      await login(username, password)
      // the cached config is anonymous; every user-specific cache goes too
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'broadcasts' })
      void qc.invalidateQueries({ queryKey: qk.broadcasts })
      navigate(next, { replace: true })
    } catch (err) {
      const msg = serverMessage(err)
      if (isApiError(err) && (err.kind === 'unavailable' || err.kind === 'network' || err.kind === 'server')) {
        setNotice({ kind: 'error', text: `Login failed: ${err.message}` })
      } else if (isPasswordExpiredMessage(msg)) {
        // forced change: keep username + current password, ask for the new one
        setMode('change')
        setNotice({ kind: 'info', text: 'Your password has expired. Choose a new password to continue.' })
        setTimeout(() => newPwRef.current?.focus(), 0)
      } else {
        setPassword('')
        setNotice({ kind: 'error', text: `Login unsuccessful: ${msg}` })
      }
    } finally {
      setBusy(false)
    }
  }

  async function onChange(e: FormEvent) {
    e.preventDefault()
    if (busy || !policy) return
    if (!isValidUsername(username)) {
      setNotice({ kind: 'error', text: 'Invalid username' })
      return
    }
    if (!canSubmitChangePassword(policy, { username, password, newPassword, confirmPassword: confirm })) {
      setNotice({ kind: 'error', text: "Password is invalid or confirm doesn't match." })
      return
    }
    setBusy(true)
    setNotice(null)
    try {
      await changePassword(username, password, newPassword)
      setPassword('')
      setNewPassword('')
      setConfirm('')
      setMode('login')
      setNotice({ kind: 'success', text: 'Password changed successfully. You can now log in with your new password.' })
      toast.show({ kind: 'success', message: 'Password changed successfully.', timeout: 10_000 })
    } catch (err) {
      setNotice({ kind: 'error', text: `Password change failed: ${serverMessage(err)}` })
    } finally {
      setBusy(false)
    }
  }

  if (config.error && !config.data) {
    return (
      <div className="page page-narrow">
        <ErrorPanel title="ELLA cannot start: failed to load the configuration" error={config.error} onRetry={() => void config.refetch()} />
      </div>
    )
  }
  if (!policy) return <Spinner />

  const check = checkPassword(policy, newPassword)
  const newInvalid = newPassword.length > 0 && !check.strongEnough
  const confirmInvalid = confirm.length > 0 && confirm !== newPassword
  const canChange = canSubmitChangePassword(policy, { username, password, newPassword, confirmPassword: confirm })

  return (
    <div className="login-wrap">
      <div className="login-card">
        <h1 className="login-title">
          <span className="login-brand">ELLA</span>
          <span className="login-sub">Variant interpretation</span>
        </h1>
        <Segmented<Mode>
          label="Mode"
          hideLabel
          value={mode}
          onChange={(m) => {
            setMode(m)
            setNotice(null)
          }}
          options={[
            { value: 'login', label: 'Log in' },
            { value: 'change', label: 'Change password' },
          ]}
        />
        {notice && (
          <p className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            {notice.text}
          </p>
        )}
        <form onSubmit={mode === 'login' ? onLogin : onChange} noValidate>
          <TextField
            label="Username"
            value={username}
            onChange={setUsername}
            autoComplete="username"
            name="username"
            spellCheck={false}
            autoCapitalize="none"
            autoFocus
          />
          <TextField
            label={mode === 'login' ? 'Password' : 'Current password'}
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            name="password"
          />
          {mode === 'change' && (
            <>
              <TextField
                label="New password"
                type="password"
                value={newPassword}
                onChange={setNewPassword}
                autoComplete="new-password"
                invalid={newInvalid}
                inputRef={newPwRef}
              />
              <PasswordChecklist policy={policy} password={newPassword} />
              <TextField
                label="Confirm new password"
                type="password"
                value={confirm}
                onChange={setConfirm}
                autoComplete="new-password"
                invalid={confirmInvalid}
                hint={confirmInvalid ? 'Does not match the new password.' : undefined}
              />
            </>
          )}
          <button type="submit" className="btn btn-primary btn-block" disabled={busy || (mode === 'change' && !canChange)}>
            {busy ? 'Please wait…' : mode === 'login' ? 'Log in' : 'Change password'}
          </button>
        </form>
      </div>
    </div>
  )
}
