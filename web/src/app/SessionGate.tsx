// Bootstrap for every route except /login (webui.md §1.2): config, then the current user.
import { useEffect, useMemo } from 'react'
import { Navigate, Outlet, useLocation } from 'react-router'
import { isApiError } from '../api/errors'
import { useConfig, useCurrentUser } from '../api/queries'
import { ErrorPanel, Spinner } from '../ui/Feedback'
import { SessionContext, loginPath, noteUser } from './session'

export function SessionGate() {
  const location = useLocation()
  const config = useConfig()
  const user = useCurrentUser(config.isSuccess)

  const session = useMemo(() => (config.data && user.data ? { config: config.data, user: user.data } : null), [config.data, user.data])

  useEffect(() => {
    if (user.data) noteUser(user.data.id)
  }, [user.data])

  if (config.error && !config.data) {
    return (
      <div className="page page-narrow">
        <ErrorPanel
          title="ELLA cannot start: failed to load the configuration"
          error={config.error}
          onRetry={() => void config.refetch()}
        />
      </div>
    )
  }
  if (user.error && !user.data) {
    // No (valid) session → login page, and back here afterwards. A server outage is shown as
    // such instead: sending the user to a login form that cannot work helps nobody.
    if (isApiError(user.error) && (user.error.kind === 'unavailable' || user.error.kind === 'network')) {
      return (
        <div className="page page-narrow">
          <ErrorPanel error={user.error} onRetry={() => void user.refetch()} />
        </div>
      )
    }
    return <Navigate to={loginPath(location.pathname + location.search + location.hash)} replace />
  }
  if (!session) return <Spinner label="Starting ELLA…" />

  return (
    <SessionContext.Provider value={session}>
      <Outlet />
    </SessionContext.Provider>
  )
}
