// Reacts to API failures application-wide:
// * expired/missing session → drop cached user data, go to /login?next=<this page>;
// * server unavailable / unreachable → a banner at the top with "Try again" until a request succeeds;
// * uncaught JS errors → reported to the server, long-lived toast.
import { useEffect, useRef, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { onApiError, onApiSuccess } from '../api/client'
import type { ApiError } from '../api/errors'
import { qk } from '../api/queries'
import { useToast } from '../ui/toast'
import { installGlobalErrorHandlers } from './errorReporting'
import { loginPath } from './session'

export function AppEvents() {
  const navigate = useNavigate()
  const location = useLocation()
  const qc = useQueryClient()
  const toast = useToast()
  const [outage, setOutage] = useState<ApiError | null>(null)
  const where = useRef(location)
  where.current = location

  useEffect(() => {
    const offErr = onApiError((e) => {
      if (e.kind === 'session') {
        const loc = where.current
        if (loc.pathname.startsWith('/login')) return
        const hadUser = qc.getQueryData(qk.currentUser) !== undefined
        if (hadUser) toast.show({ kind: 'info', message: 'Your session has expired. Please log in again.', timeout: 8000 })
        navigate(loginPath(loc.pathname + loc.search + loc.hash), { replace: true })
        // After the pages have unmounted: forget everything user-specific (the anonymous part
        // of the config and the broadcasts stay; the login page needs the password policy).
        setTimeout(() => {
          void qc.cancelQueries()
          qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'broadcasts' && q.queryKey[0] !== 'config' })
        }, 0)
      } else if (e.kind === 'unavailable' || e.kind === 'network') {
        setOutage(e)
      }
    })
    const offOk = onApiSuccess(() => setOutage(null))
    const offGlobal = installGlobalErrorHandlers(() =>
      toast.show({
        kind: 'error',
        message: 'An unexpected error occurred in the application. It was reported. Save your work and reload the page.',
        timeout: 0,
      }),
    )
    return () => {
      offErr()
      offOk()
      offGlobal()
    }
  }, [navigate, qc, toast])

  if (!outage) return null
  return (
    <div className="outage" role="alert">
      <span>{outage.message}</span>
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => {
          setOutage(null)
          void qc.refetchQueries({ type: 'active' })
        }}
      >
        Try again
      </button>
    </div>
  )
}
