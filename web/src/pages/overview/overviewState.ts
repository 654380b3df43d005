// Shared, persisted overview state (selected section, collapsed boxes) as a tiny external store.
import { useSyncExternalStore } from 'react'
import { loadOverviewState, saveOverviewState, setCollapsed, type OverviewState } from '../../lib/storage'
import type { OverviewView } from '../../api/types'

let state: OverviewState | null = null
const subs = new Set<() => void>()

function get(): OverviewState {
  if (!state) state = loadOverviewState()
  return state
}

function set(next: OverviewState) {
  state = next
  saveOverviewState(next)
  for (const s of subs) s()
}

function subscribe(fn: () => void) {
  subs.add(fn)
  return () => subs.delete(fn)
}

export function useOverviewState(): OverviewState {
  return useSyncExternalStore(subscribe, get, get)
}

export const overviewState = {
  get,
  selectSection(section: OverviewView) {
    const s = get()
    if (s.selectedSection !== section) set({ ...s, selectedSection: section })
  },
  setCollapsed(section: 'analyses' | 'variants', box: string, collapsed: boolean) {
    set(setCollapsed(get(), section, box, collapsed))
  },
}
