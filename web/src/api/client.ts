// Thin fetch wrapper for /api/v1: same-origin cookie session, JSON in and out, typed errors,
// pagination headers. All API traffic of the UI goes through `request`.
import type { Page } from './types'
import { ApiError, classifyStatus, classifyThrown, extractServerMessage } from './errors'

export const API_BASE = '/api/v1/'

export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  query?: Query
  body?: unknown
  signal?: AbortSignal | undefined
  /** 401/403 are normal answers (login, change password) — do not treat as expired session. */
  authFailureIsResult?: boolean
}

export interface ApiResponse<T> {
  data: T
  status: number
  headers: Headers
}

type ErrorListener = (e: ApiError) => void
const listeners = new Set<ErrorListener>()
const successListeners = new Set<() => void>()

/** Subscribe to successful API answers (clears the "server unavailable" banner). */
export function onApiSuccess(fn: () => void): () => void {
  successListeners.add(fn)
  return () => successListeners.delete(fn)
}

/** Subscribe to every API failure (used for the session-expired redirect and the "server down" banner). */
export function onApiError(fn: ErrorListener): () => void {
  listeners.add(fn)
  return () => listeners.delete(fn)
}

function emit(e: ApiError) {
  for (const l of listeners) {
    try {
      l(e)
    } catch {
      // a listener must not break the caller
    }
  }
}

/** Encode a query string with %20 for spaces (not '+') and JSON values pre-stringified by callers. */
export function buildUrl(path: string, query?: Query): string {
  const clean = path.replace(/^\/+/, '')
  let url = API_BASE + clean
  if (query) {
    const parts: string[] = []
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null) continue
      parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    }
    if (parts.length) url += (url.includes('?') ? '&' : '?') + parts.join('&')
  }
  return url
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = opts.method ?? 'GET'
  const url = buildUrl(path, opts.query)
  const headers: Record<string, string> = { Accept: 'application/json' }
  let body: BodyInit | undefined
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json; charset=UTF-8'
    body = JSON.stringify(opts.body)
  }

  let res: Response
  try {
    res = await fetch(url, {
      method,
      headers,
      body: body ?? null,
      credentials: 'same-origin',
      signal: opts.signal ?? null,
      cache: 'no-store',
    })
  } catch (err) {
    const kind = classifyThrown(err)
    const e = new ApiError({ status: 0, method, url, kind })
    if (kind !== 'aborted') emit(e)
    throw e
  }

  const contentType = res.headers.get('content-type')
  let text = ''
  try {
    text = await res.text()
  } catch (err) {
    const kind = classifyThrown(err)
    const e = new ApiError({ status: res.status, method, url, kind })
    if (kind !== 'aborted') emit(e)
    throw e
  }

  if (!res.ok) {
    const serverMessage = extractServerMessage(text, contentType)
    const kind = classifyStatus(res.status, serverMessage, opts.authFailureIsResult)
    const e = new ApiError({ status: res.status, method, url, kind, serverMessage })
    emit(e)
    throw e
  }

  for (const l of successListeners) l()

  let data: unknown = null
  if (text) {
    if ((contentType ?? '').includes('json')) {
      try {
        data = JSON.parse(text)
      } catch {
        const e = new ApiError({
          status: res.status,
          method,
          url,
          kind: 'server',
          serverMessage: 'The server sent an invalid JSON response.',
        })
        emit(e)
        throw e
      }
    } else {
      data = text
    }
  }
  return { data: data as T, status: res.status, headers: res.headers }
}

export async function getJson<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return (await request<T>(path, { query, signal })).data
}

export async function postJson<T>(path: string, body: unknown, opts: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T> {
  return (await request<T>(path, { ...opts, method: 'POST', body })).data
}

function intHeader(h: Headers, name: string, fallback: number): number {
  const v = h.get(name)
  if (v === null) return fallback
  const n = Number.parseInt(v, 10)
  return Number.isFinite(n) ? n : fallback
}

/** Read the pagination headers (`Page`, `Per-Page`, `Total-Count`, `Total-Pages`). */
export function readPage<T>(r: ApiResponse<T>, requested: { page: number; perPage: number }): Page<T> {
  const totalCount = intHeader(r.headers, 'total-count', Array.isArray(r.data) ? r.data.length : 0)
  const perPage = intHeader(r.headers, 'per-page', requested.perPage)
  return {
    items: r.data,
    page: intHeader(r.headers, 'page', requested.page),
    perPage,
    totalCount,
    totalPages: intHeader(r.headers, 'total-pages', Math.max(1, Math.ceil(totalCount / Math.max(1, perPage)))),
  }
}

export async function getPage<T>(
  path: string,
  page: number,
  perPage: number,
  query: Query = {},
  signal?: AbortSignal,
): Promise<Page<T>> {
  const r = await request<T>(path, { query: { ...query, page, per_page: perPage }, signal })
  return readPage(r, { page, perPage })
}

