import { useEffect, useRef, useState } from 'react'

export function useDebouncedValue<T>(value: T, ms: number): T {
  const [v, setV] = useState(value)
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms)
    return () => clearTimeout(t)
  }, [value, ms])
  return v
}

export interface ShortcutOptions {
  /** also fire while focus is in a text field */
  inInputs?: boolean
  enabled?: boolean
}

function isTyping(el: Element | null): boolean {
  if (!el) return false
  const tag = el.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (el as HTMLElement).isContentEditable
}

/**
 * Global keyboard shortcut. `combo` like "/", "Alt+s", "Ctrl+Enter" (Ctrl also matches ⌘ on macOS).
 * Shortcuts never fire while typing unless `inInputs`, and never while a modal dialog is open.
 */
export function useShortcut(combo: string, handler: (e: KeyboardEvent) => void, opts: ShortcutOptions = {}) {
  const ref = useRef(handler)
  ref.current = handler
  const { inInputs = false, enabled = true } = opts
  useEffect(() => {
    if (!enabled) return
    const parts = combo.split('+')
    const key = (parts.pop() ?? '').toLowerCase()
    const mods = new Set(parts.map((p) => p.toLowerCase()))
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return
      if (!inInputs && isTyping(document.activeElement)) return
      if (document.querySelector('dialog[open]')) return
      const ctrl = e.ctrlKey || e.metaKey
      if (mods.has('ctrl') !== ctrl || mods.has('alt') !== e.altKey) return
      if (mods.has('shift') && !e.shiftKey) return
      if (e.key.toLowerCase() !== key) return
      e.preventDefault()
      ref.current(e)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [combo, inInputs, enabled])
}
