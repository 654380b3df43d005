// Loaded configuration + current user, available to every page behind the session gate.
import { createContext, useContext } from 'react'
import type { AppConfig, UserFull } from '../api/types'

export interface Session {
  config: AppConfig
  user: UserFull
}

export const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const s = useContext(SessionContext)
  if (!s) throw new Error('useSession outside the session gate')
  return s
}

/** Where the login page sends the user back to. */
export function loginPath(returnTo?: string): string {
  if (!returnTo || returnTo.startsWith('/login')) return '/login'
  return `/login?next=${encodeURIComponent(returnTo)}`
}

const LAST_USER_KEY = 'ella.lastUserId'

/** "Changing user clears the browser's sessionStorage" (webui.md §1.2). */
export function noteUser(userId: number): void {
  try {
    const prev = localStorage.getItem(LAST_USER_KEY)
    if (prev !== null && prev !== String(userId)) sessionStorage.clear()
    localStorage.setItem(LAST_USER_KEY, String(userId))
  } catch {
    // storage unavailable
  }
}
