// Modal dialog on the native <dialog> element: focus is trapped and restored by the browser, Esc
// closes, content sits in the top layer. Clicking the backdrop closes too (webui.md §8).
import { useEffect, useId, useRef, type ReactNode } from 'react'

export interface ModalProps {
  open: boolean
  title: ReactNode
  onClose: () => void
  children: ReactNode
  footer?: ReactNode
  size?: 'sm' | 'md' | 'lg'
  /** false: backdrop clicks and Esc do not close (forms with unsaved input) */
  dismissable?: boolean
  tone?: 'default' | 'danger'
}

export function Modal({ open, title, onClose, children, footer, size = 'md', dismissable = true, tone = 'default' }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal()
      else d.setAttribute('open', '')
    } else if (!open && d.open) {
      d.close()
    }
  }, [open])

  return (
    <dialog
      ref={ref}
      className={`modal modal-${size} modal-${tone}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        if (dismissable) onClose()
      }}
      onMouseDown={(e) => {
        // backdrop click: the event target is the dialog element itself
        if (dismissable && e.target === ref.current) onClose()
      }}
    >
      {open && (
        <div className="modal-frame">
          <header className="modal-header">
            <h2 id={titleId} className="modal-title">
              {title}
            </h2>
            <button type="button" className="btn btn-ghost btn-icon" aria-label="Close" onClick={onClose}>
              ×
            </button>
          </header>
          <div className="modal-body">{children}</div>
          {footer && <footer className="modal-footer">{footer}</footer>}
        </div>
      )}
    </dialog>
  )
}
