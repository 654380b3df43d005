// Uncaught front-end errors → POST /api/v1/ui/exceptionlog/ (webui.md §1.3). API failures are
// handled where they happen and are not reported; aborted requests never are.
import { postException } from '../api/endpoints'
import { isApiError } from '../api/errors'

let lastSent = ''
let sentCount = 0
const MAX_REPORTS_PER_PAGE = 10

export function shouldReport(err: unknown): boolean {
  if (isApiError(err)) return false
  if (err && typeof err === 'object' && 'name' in err && (err as Error).name === 'AbortError') return false
  // ResizeObserver loop notifications are benign browser noise
  if (err instanceof Error && /ResizeObserver loop/.test(err.message)) return false
  return true
}

export function reportException(err: unknown, state: Record<string, unknown> = {}): boolean {
  if (!shouldReport(err)) return false
  const e = err instanceof Error ? err : new Error(String(err))
  const message = `${e.name}: ${e.message}`
  if (message === lastSent || sentCount >= MAX_REPORTS_PER_PAGE) return true
  lastSent = message
  sentCount++
  void postException({
    message,
    location: window.location.href,
    stacktrace: e.stack ?? '',
    state: { route: window.location.pathname + window.location.search, ...state },
  }).catch(() => {
    // nothing more we can do; the user already sees the error toast
  })
  return true
}

export function installGlobalErrorHandlers(onReported: (message: string) => void): () => void {
  const onError = (ev: ErrorEvent) => {
    if (reportException(ev.error ?? ev.message)) onReported(ev.message)
  }
  const onRejection = (ev: PromiseRejectionEvent) => {
    if (reportException(ev.reason)) onReported(String((ev.reason as Error)?.message ?? ev.reason))
  }
  window.addEventListener('error', onError)
  window.addEventListener('unhandledrejection', onRejection)
  return () => {
    window.removeEventListener('error', onError)
    window.removeEventListener('unhandledrejection', onRejection)
  }
}
