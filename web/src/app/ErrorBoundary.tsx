import { Component, type ErrorInfo, type ReactNode } from 'react'
import { reportException } from './errorReporting'

interface State {
  error: Error | null
}

/** Catches render errors of a page, reports them and offers a reload instead of a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    reportException(error, { componentStack: info.componentStack ?? '' })
  }

  override componentDidUpdate(prev: { resetKey?: string }) {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null })
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="page page-narrow">
          <div className="error-panel" role="alert">
            <div className="error-panel-text">
              <strong>This page failed to display</strong>
              <span>
                {this.state.error.name}: {this.state.error.message}. The error was reported. Save your work if possible and reload the page.
              </span>
            </div>
            <button type="button" className="btn btn-sm" onClick={() => window.location.reload()}>
              Reload
            </button>
          </div>
        </div>
      )
    }
    return this.props.children
  }
}
