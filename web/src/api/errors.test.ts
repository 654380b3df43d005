import { describe, expect, it } from 'vitest'
import { ApiError, classifyStatus, classifyThrown, errorText, extractServerMessage, isRetryable } from './errors'

const NGINX_503 = '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

describe('extractServerMessage', () => {
  it('reads ELLA JSON errors', () => {
    expect(extractServerMessage('{"message": "Invalid credentials"}', 'application/json')).toBe('Invalid credentials')
    expect(extractServerMessage('{"message": "Internal Server Error"}', 'application/json')).toBe('Internal Server Error')
  })
  it('reads the plain-text 403 of ELLA', () => {
    expect(extractServerMessage('Authentication required', 'text/html; charset=utf-8')).toBe('Authentication required')
  })
  it('ignores nginx HTML error pages and empty bodies', () => {
    expect(extractServerMessage(NGINX_503, 'text/html')).toBeUndefined()
    expect(extractServerMessage('', 'application/json')).toBeUndefined()
    expect(extractServerMessage('{"no": "message"}', 'application/json')).toBeUndefined()
    expect(extractServerMessage('{broken', 'application/json')).toBeUndefined()
  })
})

describe('classifyStatus', () => {
  it('sends 401/403 to the login page', () => {
    expect(classifyStatus(403, 'Authentication required')).toBe('session')
    expect(classifyStatus(403, undefined)).toBe('session')
    expect(classifyStatus(401, 'whatever')).toBe('session')
  })
  it('keeps 401 of login/change password as an ordinary answer', () => {
    expect(classifyStatus(401, 'Invalid credentials', true)).toBe('client')
    expect(classifyStatus(401, 'Password has expired. Please change password.', true)).toBe('client')
  })
  it('does not loop through the login page on an explicit access denial', () => {
    expect(classifyStatus(403, 'Analysis not in your gene panels')).toBe('forbidden')
  })
  it('recognises an unavailable API behind nginx', () => {
    expect(classifyStatus(502, undefined)).toBe('unavailable')
    expect(classifyStatus(503, undefined)).toBe('unavailable')
    expect(classifyStatus(504, undefined)).toBe('unavailable')
  })
  it('classifies the rest', () => {
    expect(classifyStatus(500, 'Internal Server Error')).toBe('server')
    expect(classifyStatus(409, 'Interpretation is not ongoing')).toBe('conflict')
    expect(classifyStatus(400, undefined)).toBe('client')
    expect(classifyStatus(405, undefined)).toBe('client')
  })
})

describe('thrown errors', () => {
  it('separates aborts from network failures', () => {
    expect(classifyThrown(new DOMException('The operation was aborted.', 'AbortError'))).toBe('aborted')
    expect(classifyThrown(new TypeError('Failed to fetch'))).toBe('network')
  })
})

describe('ApiError texts', () => {
  it('shows the server message of a business-rule 500 and a generic text for the bare one', () => {
    const e1 = new ApiError({ status: 500, method: 'POST', url: '/api/v1/x', kind: 'server', serverMessage: 'Genepanel is invalid' })
    expect(e1.message).toBe('Genepanel is invalid')
    const e2 = new ApiError({ status: 500, method: 'GET', url: '/api/v1/x', kind: 'server', serverMessage: 'Internal Server Error' })
    expect(e2.message).toMatch(/HTTP 500/)
    const e3 = new ApiError({ status: 503, method: 'GET', url: '/api/v1/x', kind: 'unavailable' })
    expect(errorText(e3)).toMatch(/not available.*503/)
  })
  it('retries only transient failures', () => {
    expect(isRetryable(new ApiError({ status: 503, method: 'GET', url: '', kind: 'unavailable' }))).toBe(true)
    expect(isRetryable(new ApiError({ status: 0, method: 'GET', url: '', kind: 'network' }))).toBe(true)
    expect(isRetryable(new ApiError({ status: 500, method: 'GET', url: '', kind: 'server' }))).toBe(false)
    expect(isRetryable(new ApiError({ status: 403, method: 'GET', url: '', kind: 'session' }))).toBe(false)
    expect(isRetryable(new Error('x'))).toBe(false)
  })
})
