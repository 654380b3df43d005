// Loading and error states. Errors are always shown with their message, never swallowed.
import type { ReactNode } from 'react'
import { errorText, isApiError } from '../api/errors'

export function Spinner({ label = 'Loading…', inline = false }: { label?: string; inline?: boolean }) {
  return (
    <span className={inline ? 'spinner-inline' : 'spinner-block'} role="status">
      <span className="spinner" aria-hidden="true" />
      <span className={inline ? 'sr-only' : 'spinner-label'}>{label}</span>
    </span>
  )
}

export function ErrorPanel({ error, title, onRetry, compact }: { error: unknown; title?: string; onRetry?: () => void; compact?: boolean }) {
  const status = isApiError(error) && error.status ? ` (HTTP ${error.status})` : ''
  const heading =
    title ??
    (isApiError(error)
      ? error.kind === 'unavailable' || error.kind === 'network'
        ? 'Server not available'
        : error.kind === 'session'
          ? 'Not logged in'
          : `Request failed${status}`
      : 'Something went wrong')
  return (
    <div className={`error-panel${compact ? ' is-compact' : ''}`} role="alert">
      <div className="error-panel-text">
        <strong>{heading}</strong>
        <span>{errorText(error)}</span>
      </div>
      {onRetry && (
        <button type="button" className="btn btn-sm" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  )
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>
}

/** Render a query's three states consistently. */
export function QueryState<T>({
  query,
  children,
  label,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown }
  children: (data: T) => ReactNode
  label?: string
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>
  if (query.error) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
  return <Spinner {...(label ? { label } : {})} />
}
