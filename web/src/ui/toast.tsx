// Transient notifications (webui.md §1.3): success / info / error, 3 s by default, some sticky.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'

export type ToastKind = 'success' | 'info' | 'error'

export interface ToastInput {
  kind?: ToastKind
  message: string
  /** ms; 0 = stays until closed */
  timeout?: number
}

interface Toast extends Required<ToastInput> {
  id: number
}

export interface ToastApi {
  show: (t: ToastInput) => number
  dismiss: (id: number) => void
}

const ToastContext = createContext<ToastApi | null>(null)
const MAX_TOASTS = 5

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const current = useRef<Toast[]>([])
  const nextId = useRef(1)
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>())

  const update = useCallback((list: Toast[]) => {
    current.current = list
    setToasts(list)
  }, [])

  const dismiss = useCallback(
    (id: number) => {
      const t = timers.current.get(id)
      if (t) clearTimeout(t)
      timers.current.delete(id)
      update(current.current.filter((x) => x.id !== id))
    },
    [update],
  )

  const show = useCallback(
    (input: ToastInput) => {
      const toast: Toast = { id: nextId.current++, kind: input.kind ?? 'info', message: input.message, timeout: input.timeout ?? 3000 }
      // the same message already visible (e.g. several failing requests): replace, do not stack
      for (const d of current.current) if (d.message === toast.message && d.kind === toast.kind) dismiss(d.id)
      const list = [...current.current, toast]
      while (list.length > MAX_TOASTS) {
        const old = list.shift()
        if (old) {
          const t = timers.current.get(old.id)
          if (t) clearTimeout(t)
          timers.current.delete(old.id)
        }
      }
      update(list)
      if (toast.timeout > 0) timers.current.set(toast.id, setTimeout(() => dismiss(toast.id), toast.timeout))
      return toast.id
    },
    [dismiss, update],
  )

  useEffect(() => {
    const map = timers.current
    return () => {
      for (const t of map.values()) clearTimeout(t)
    }
  }, [])

  const api = useMemo(() => ({ show, dismiss }), [show, dismiss])

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite" aria-relevant="additions">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
            <span className="toast-msg">{t.message}</span>
            <button type="button" className="toast-close" aria-label="Close notification" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  )
}

export function useToast(): ToastApi {
  const ctx = useContext(ToastContext)
  if (!ctx) throw new Error('useToast outside ToastProvider')
  return ctx
}
