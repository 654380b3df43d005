// Application frame: broadcast strip, navigation bar, outage banner, page, non-production banner.
import { Link, Outlet, useLocation } from 'react-router'
import { useBroadcasts, useConfig, useCurrentUser } from '../api/queries'
import { formatDate } from '../lib/format'
import { AppEvents } from './AppEvents'
import { ErrorBoundary } from './ErrorBoundary'
import { useNavTitle } from './title'

function Broadcasts() {
  const { data } = useBroadcasts()
  if (!data?.length) return null
  return (
    <div className="broadcasts" role="region" aria-label="Announcements">
      {data.map((b) => (
        <p key={String(b.id)} className="broadcast">
          <time dateTime={b.date}>{formatDate(b.date)}</time>: {b.message}
        </p>
      ))}
    </div>
  )
}

function Logo() {
  return (
    <span className="logo" aria-label="ELLA">
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path fill="currentColor" d="M7 2h2c0 3 1.6 4.6 4 6.1C15.7 9.8 18 11.8 18 16s-2.3 6.2-5 7.9l-1.1-1.7C14.3 20.7 16 19.2 16 16c0-.4 0-.7-.1-1H8.1c0 .3-.1.6-.1 1 0 3.2 1.7 4.7 4.1 6.2L11 23.9C8.3 22.2 6 20.2 6 16s2.3-6.2 5-7.9l.4-.2C8.9 6.3 7 4.4 7 2zm8.2 11a7 7 0 0 0-2.2-2.4l-1-.6-1 .6A7 7 0 0 0 8.8 13h6.4zM15 2h2c0 2.4-1.2 4.1-2.8 5.4l-1.7-1C14.1 5.3 15 4 15 2z" />
      </svg>
      <span className="logo-text">ELLA</span>
    </span>
  )
}

function NavBar({ onLogin }: { onLogin: boolean }) {
  // observe only: the session gate loads the user; the nav bar must not trigger a request
  const user = useCurrentUser(false).data
  const title = useNavTitle()
  return (
    <header className="navbar">
      <nav className="navbar-left" aria-label="Main">
        {!onLogin && (
          <Link to="/overview/" className="nav-link">
            Overview
          </Link>
        )}
      </nav>
      <div className="navbar-center">{title ? <h1 className="nav-title">{title}</h1> : <Logo />}</div>
      <div className="navbar-right">
        <a className="nav-link" href="/docs/" target="_blank" rel="noopener">
          Documentation<span className="sr-only"> (opens in a new tab)</span>
        </a>
        {!onLogin && user && (
          <Link to="/dashboard" className="nav-user" title={`${user.full_name} — profile and logout`}>
            {user.abbrev_name}
          </Link>
        )}
      </div>
    </header>
  )
}

function NonProductionBanner() {
  const { data } = useConfig()
  const text = data?.app.non_production_warning
  if (!text) return null
  return (
    <div className="nonprod" role="note">
      {text}
    </div>
  )
}

export function Layout() {
  const location = useLocation()
  const onLogin = location.pathname.startsWith('/login')
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Broadcasts />
      <NavBar onLogin={onLogin} />
      <AppEvents />
      <main id="main" className="app-main" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
      <NonProductionBanner />
    </div>
  )
}
