import { describe, expect, it } from 'vitest'
import {
  LEGACY_OVERVIEW_STATE_KEY,
  OVERVIEW_STATE_KEY,
  emptyOverviewState,
  isCollapsed,
  loadOverviewState,
  parseOverviewState,
  resolveSection,
  saveOverviewState,
  setCollapsed,
  type KeyValueStore,
} from './storage'

function memoryStore(init: Record<string, string> = {}): KeyValueStore & { data: Record<string, string> } {
  const data = { ...init }
  return {
    data,
    getItem: (k) => (k in data ? data[k]! : null),
    setItem: (k, v) => {
      data[k] = v
    },
  }
}

describe('persisted overview state', () => {
  it('round-trips section and collapse flags', () => {
    const store = memoryStore()
    let s = emptyOverviewState()
    s = { ...s, selectedSection: 'variants' }
    s = setCollapsed(s, 'analyses', 'finished', true)
    s = setCollapsed(s, 'variants', 'othersVariants', true)
    saveOverviewState(s, store)
    const loaded = loadOverviewState(store)
    expect(loaded).toEqual(s)
    expect(isCollapsed(loaded, 'analyses', 'finished')).toBe(true)
    expect(isCollapsed(loaded, 'analyses', 'notReady')).toBe(false)
  })

  it('starts empty without storage or with garbage', () => {
    expect(loadOverviewState(null)).toEqual(emptyOverviewState())
    expect(loadOverviewState(memoryStore({ [OVERVIEW_STATE_KEY]: '{not json' }))).toEqual(emptyOverviewState())
    expect(loadOverviewState(memoryStore({ [OVERVIEW_STATE_KEY]: '[1,2]' }))).toEqual(emptyOverviewState())
  })

  it('drops unknown sections, unknown boxes and non-boolean flags', () => {
    const parsed = parseOverviewState(
      JSON.stringify({
        selectedSection: 'admin',
        analyses: { notReady: { collapsed: true }, bogus: { collapsed: true }, finished: { collapsed: 'yes' } },
        variants: 'x',
      }),
    )
    expect(parsed).toEqual({ selectedSection: null, analyses: { notReady: { collapsed: true } }, variants: {} })
  })

  it('reads the v1.17 key once when ours is absent', () => {
    const store = memoryStore({ [LEGACY_OVERVIEW_STATE_KEY]: JSON.stringify({ selectedSection: 'variants', variants: { finished: { collapsed: true } } }) })
    const s = loadOverviewState(store)
    expect(s.selectedSection).toBe('variants')
    expect(isCollapsed(s, 'variants', 'finished')).toBe(true)
  })

  it('survives a throwing storage', () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(loadOverviewState(broken)).toEqual(emptyOverviewState())
    expect(() => saveOverviewState(emptyOverviewState(), broken)).not.toThrow()
  })
})

describe('resolveSection', () => {
  const views = ['analyses', 'variants', 'import'] as const
  it('accepts a configured section', () => {
    expect(resolveSection('variants', views, null)).toBe('variants')
  })
  it('falls back to the stored, then the first configured view', () => {
    expect(resolveSection(undefined, views, 'import')).toBe('import')
    expect(resolveSection('nonsense', views, 'variants')).toBe('variants')
    expect(resolveSection('nonsense', views, null)).toBe('analyses')
    expect(resolveSection('analyses', ['variants'], 'analyses')).toBe('variants')
  })
  it('returns null when the user has no views', () => {
    expect(resolveSection('analyses', [], null)).toBeNull()
  })
})
