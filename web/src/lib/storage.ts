// Persisted overview state (webui.md §4.1): selected section and per-box collapse flags, stored in
// localStorage. Reading is defensive: anything malformed is ignored, never thrown.
import type { OverviewView } from '../api/types'
import type { AnalysisBoxKey, VariantBoxKey } from './overview'

export const OVERVIEW_STATE_KEY = 'ella.overviewState.v1'
/** Key used by the ELLA v1.17 UI (Cerebral storage, prefix `app`) — read once as a fallback. */
export const LEGACY_OVERVIEW_STATE_KEY = 'app.overviewState'

export interface OverviewState {
  selectedSection: OverviewView | null
  analyses: Partial<Record<AnalysisBoxKey, { collapsed: boolean }>>
  variants: Partial<Record<VariantBoxKey, { collapsed: boolean }>>
}

export const ALL_VIEWS: readonly OverviewView[] = ['analyses', 'variants', 'import']

const ANALYSIS_KEYS: readonly AnalysisBoxKey[] = [
  'notReady',
  'yourAnalyses',
  'pendingAnalysis',
  'pendingReview',
  'pendingMedicalReview',
  'othersAnalyses',
  'finished',
]
const VARIANT_KEYS: readonly VariantBoxKey[] = ['yourVariants', 'interpretation', 'review', 'othersVariants', 'finished']

export function emptyOverviewState(): OverviewState {
  return { selectedSection: null, analyses: {}, variants: {} }
}

/** Minimal Storage interface so tests can pass an in-memory store. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>

function defaultStore(): KeyValueStore | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null
  } catch {
    return null // storage disabled (privacy mode, policy)
  }
}

function pickCollapsed<K extends string>(raw: unknown, keys: readonly K[]): Partial<Record<K, { collapsed: boolean }>> {
  const out: Partial<Record<K, { collapsed: boolean }>> = {}
  if (!raw || typeof raw !== 'object') return out
  for (const k of keys) {
    const v = (raw as Record<string, unknown>)[k]
    if (v && typeof v === 'object' && typeof (v as { collapsed?: unknown }).collapsed === 'boolean') {
      out[k] = { collapsed: (v as { collapsed: boolean }).collapsed }
    }
  }
  return out
}

export function parseOverviewState(text: string | null): OverviewState | null {
  if (!text) return null
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return null
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null
  const r = raw as Record<string, unknown>
  const sel = r.selectedSection
  return {
    selectedSection: typeof sel === 'string' && (ALL_VIEWS as readonly string[]).includes(sel) ? (sel as OverviewView) : null,
    analyses: pickCollapsed(r.analyses, ANALYSIS_KEYS),
    variants: pickCollapsed(r.variants, VARIANT_KEYS),
  }
}

export function loadOverviewState(store: KeyValueStore | null = defaultStore()): OverviewState {
  if (!store) return emptyOverviewState()
  try {
    return (
      parseOverviewState(store.getItem(OVERVIEW_STATE_KEY)) ??
      parseOverviewState(store.getItem(LEGACY_OVERVIEW_STATE_KEY)) ??
      emptyOverviewState()
    )
  } catch {
    return emptyOverviewState()
  }
}

export function saveOverviewState(state: OverviewState, store: KeyValueStore | null = defaultStore()): void {
  if (!store) return
  try {
    store.setItem(OVERVIEW_STATE_KEY, JSON.stringify(state))
  } catch {
    // quota exceeded / storage disabled: persistence is a convenience only
  }
}

export function setCollapsed(
  state: OverviewState,
  section: 'analyses' | 'variants',
  box: string,
  collapsed: boolean,
): OverviewState {
  return { ...state, [section]: { ...state[section], [box]: { collapsed } } }
}

export function isCollapsed(state: OverviewState, section: 'analyses' | 'variants', box: string, fallback = false): boolean {
  const entry = (state[section] as Record<string, { collapsed: boolean } | undefined>)[box]
  return entry ? entry.collapsed : fallback
}

/**
 * Which section `/overview/{section}` shows (webui.md §4.1): the requested one if configured,
 * else the stored one if configured, else the first configured view. `null` when the user has no
 * views at all.
 */
export function resolveSection(
  requested: string | undefined,
  views: readonly OverviewView[],
  stored: OverviewView | null,
): OverviewView | null {
  const valid = views.filter((v) => (ALL_VIEWS as readonly string[]).includes(v))
  if (requested && (valid as readonly string[]).includes(requested)) return requested as OverviewView
  if (stored && valid.includes(stored)) return stored
  return valid[0] ?? null
}
