import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildUrl, onApiError, request } from './client'
import { getOverviewAnalysesFinalized, login, search } from './endpoints'
import type { ApiError } from './errors'
import { overviewAnalysis } from '../test/fixtures'

type FetchArgs = [string, RequestInit]

function respond(status: number, body: string, headers: Record<string, string> = {}) {
  return vi.fn(async (..._args: FetchArgs) => new Response(status === 204 ? null : body, { status, headers }))
}

let fetchMock: ReturnType<typeof respond>
beforeEach(() => {
  fetchMock = respond(200, 'null', { 'content-type': 'application/json' })
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => vi.unstubAllGlobals())

describe('request', () => {
  it('uses the same-origin cookie session and JSON headers', async () => {
    await request('users/actions/logout/', { method: 'POST', body: {} })
    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe('/api/v1/users/actions/logout/')
    expect(init.credentials).toBe('same-origin')
    expect(init.method).toBe('POST')
    expect(init.body).toBe('{}')
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json; charset=UTF-8')
    expect((init.headers as Record<string, string>).Accept).toBe('application/json')
  })

  it('encodes JSON query values with %20 and skips null values', () => {
    expect(buildUrl('search/', { q: JSON.stringify({ freetext: 'c.1 A' }), page: 1, gene: null })).toBe(
      '/api/v1/search/?q=%7B%22freetext%22%3A%22c.1%20A%22%7D&page=1',
    )
  })

  it('accepts the empty text/html body of a successful login', async () => {
    vi.stubGlobal('fetch', respond(200, '', { 'content-type': 'text/html; charset=utf-8' }))
    await expect(login('testuser1', 'demo')).resolves.toBeUndefined()
  })

  it('reads pagination headers', async () => {
    const items = [overviewAnalysis('brca_e2e_test01.HBOCUTV_v01')]
    vi.stubGlobal(
      'fetch',
      respond(200, JSON.stringify(items), { 'content-type': 'application/json', 'Total-Count': '23', 'Total-Pages': '3', Page: '2', 'Per-Page': '10' }),
    )
    const page = await getOverviewAnalysesFinalized(2)
    expect(page).toMatchObject({ page: 2, perPage: 10, totalCount: 23, totalPages: 3 })
    expect(page.items[0]!.name).toBe('brca_e2e_test01.HBOCUTV_v01')
    const [url] = (fetch as unknown as typeof fetchMock).mock.calls[0]!
    expect(url).toBe('/api/v1/overviews/analyses/finalized/?page=2&per_page=10')
  })

  it('sends the search request as the v1.17 UI did', async () => {
    vi.stubGlobal('fetch', respond(200, '{"alleles":[],"analyses":[]}', { 'content-type': 'application/json', 'Total-Count': '0' }))
    const r = await search({ type: 'analyses', freetext: 'brca', gene: null, user: null }, 1)
    expect(r.totalCount).toBe(0)
    const [url] = (fetch as unknown as typeof fetchMock).mock.calls[0]!
    const u = new URL(url, 'http://x')
    expect(u.pathname).toBe('/api/v1/search/')
    expect(JSON.parse(u.searchParams.get('q')!)).toEqual({ type: 'analyses', freetext: 'brca', gene: null, user: null })
    expect(u.searchParams.get('per_page')).toBe('10')
    expect(u.searchParams.get('limit')).toBe('100')
  })
})

describe('errors are raised and broadcast, never swallowed', () => {
  async function failing(status: number, body: string, contentType: string, opts = {}) {
    vi.stubGlobal('fetch', respond(status, body, { 'content-type': contentType }))
    const seen: ApiError[] = []
    const off = onApiError((e) => seen.push(e))
    let thrown: ApiError | undefined
    try {
      await request('overviews/analyses/', opts)
    } catch (e) {
      thrown = e as ApiError
    }
    off()
    return { thrown, seen }
  }

  it('403 Authentication required → session', async () => {
    const { thrown, seen } = await failing(403, 'Authentication required', 'text/html; charset=utf-8')
    expect(thrown?.kind).toBe('session')
    expect(seen.map((e) => e.kind)).toEqual(['session'])
  })

  it('nginx 503 page → unavailable', async () => {
    const { thrown } = await failing(503, '<html><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>', 'text/html')
    expect(thrown?.kind).toBe('unavailable')
    expect(thrown?.status).toBe(503)
  })

  it('500 with message → server, message kept', async () => {
    const { thrown } = await failing(500, '{"message": "Invalid genepanel name (X) or version (v1)"}', 'application/json')
    expect(thrown?.kind).toBe('server')
    expect(thrown?.message).toBe('Invalid genepanel name (X) or version (v1)')
  })

  it('login 401 is an answer, not an expired session', async () => {
    vi.stubGlobal('fetch', respond(401, '{"message": "Password has expired. Please change password."}', { 'content-type': 'application/json' }))
    await expect(login('u', 'p')).rejects.toMatchObject({ kind: 'client', serverMessage: 'Password has expired. Please change password.' })
  })

  it('network failure → network; abort → aborted and not broadcast', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    await expect(request('config/')).rejects.toMatchObject({ kind: 'network', status: 0 })

    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new DOMException('aborted', 'AbortError'))))
    const seen: ApiError[] = []
    const off = onApiError((e) => seen.push(e))
    await expect(request('config/')).rejects.toMatchObject({ kind: 'aborted' })
    off()
    expect(seen).toEqual([])
  })
})
