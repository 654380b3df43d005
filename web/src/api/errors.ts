// Classification of failed API calls. Every failure is shown to the user somewhere; this decides
// *how* (session expired → login page, server down → global banner, 500 → inline error/toast ...).

export type ErrorKind =
  | 'session' //      401/403 without a session: go to /login and come back afterwards
  | 'forbidden' //    403 carrying an explicit JSON message (access denied, not "log in")
  | 'unavailable' //  502/503/504: nginx answers, the API does not (restart, crash, maintenance)
  | 'network' //      no HTTP answer at all (offline, nginx down, DNS)
  | 'server' //       500 and other 5xx: handler failed; ELLA puts business-rule errors here too
  | 'conflict' //     409: interpretation changed/owned by someone else
  | 'client' //       other 4xx: malformed request (a bug on our side)
  | 'aborted' //      request cancelled by navigation; never shown, never reported

export interface ApiErrorInit {
  status: number
  method: string
  url: string
  serverMessage?: string | undefined
  kind: ErrorKind
}

export class ApiError extends Error {
  readonly status: number
  readonly method: string
  readonly url: string
  readonly serverMessage: string | undefined
  readonly kind: ErrorKind

  constructor(init: ApiErrorInit) {
    super(describe(init.kind, init.status, init.serverMessage))
    this.name = 'ApiError'
    this.status = init.status
    this.method = init.method
    this.url = init.url
    this.serverMessage = init.serverMessage
    this.kind = init.kind
  }
}

/** Extract `{"message": ...}` from a response body (JSON object) if there is one. */
export function extractServerMessage(body: string, contentType: string | null): string | undefined {
  if (!body) return undefined
  const looksJson = (contentType ?? '').includes('json') || /^\s*[{[]/.test(body)
  if (looksJson) {
    try {
      const parsed: unknown = JSON.parse(body)
      if (parsed && typeof parsed === 'object' && 'message' in parsed) {
        const m = (parsed as { message: unknown }).message
        if (typeof m === 'string' && m.trim()) return m
      }
    } catch {
      // not JSON after all
    }
    return undefined
  }
  // Plain text (e.g. ELLA's 403 "Authentication required"); ignore HTML pages from nginx.
  if ((contentType ?? '').includes('html') && /<html|<body|<center>/i.test(body)) return undefined
  const text = body.trim()
  return text.length > 0 && text.length <= 300 ? text : undefined
}

/**
 * Map an HTTP status (+ the server's message) to an error kind.
 * `authFailureIsResult`: for login/change-password a 401 is an ordinary answer ("Invalid
 * credentials"), not an expired session.
 */
export function classifyStatus(
  status: number,
  serverMessage: string | undefined,
  authFailureIsResult = false,
): ErrorKind {
  if (status === 401) return authFailureIsResult ? 'client' : 'session'
  if (status === 403) {
    if (authFailureIsResult) return 'client'
    // ELLA: plain text "Authentication required". A JSON message that says something else means
    // the session is fine but access was refused (a stricter backend may do that) — do not loop
    // through the login page for it.
    if (serverMessage && !/authenticat|log ?in|session/i.test(serverMessage)) return 'forbidden'
    return 'session'
  }
  if (status === 409) return 'conflict'
  if (status === 502 || status === 503 || status === 504) return 'unavailable'
  if (status >= 500) return 'server'
  if (status >= 400) return 'client'
  return 'server'
}

/** Classify anything thrown by fetch() itself (no HTTP status). */
export function classifyThrown(err: unknown): ErrorKind {
  if (err instanceof DOMException && err.name === 'AbortError') return 'aborted'
  if (err && typeof err === 'object' && 'name' in err && (err as Error).name === 'AbortError') {
    return 'aborted'
  }
  return 'network'
}

export function describe(kind: ErrorKind, status: number, serverMessage?: string): string {
  switch (kind) {
    case 'session':
      return 'Your session has expired or you are not logged in. Please log in again.'
    case 'forbidden':
      return serverMessage ?? 'You do not have access to this resource.'
    case 'unavailable':
      return `The ELLA server is not available right now (HTTP ${status}). It may be restarting — try again in a minute.`
    case 'network':
      return 'Cannot reach the ELLA server. Check the network connection and try again.'
    case 'server':
      return serverMessage && serverMessage !== 'Internal Server Error'
        ? serverMessage
        : `The server failed to handle the request (HTTP ${status}).`
    case 'conflict':
      return serverMessage ?? 'The data was changed by someone else (HTTP 409). Reload and try again.'
    case 'client':
      return serverMessage ?? `The request was rejected (HTTP ${status}).`
    case 'aborted':
      return 'The request was cancelled.'
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

/** Errors that should not be retried automatically by the query layer. */
export function isRetryable(e: unknown): boolean {
  if (!isApiError(e)) return false
  return e.kind === 'network' || e.kind === 'unavailable'
}

/** Human text for any thrown value. */
export function errorText(e: unknown): string {
  if (isApiError(e)) return e.message
  if (e instanceof Error) return `${e.name}: ${e.message}`
  return String(e)
}
