// Click-to-copy (webui.md §1.3): a small button next to a value, toasting "Copied … to clipboard".
import { copyToClipboard } from '../lib/clipboard'
import { useToast } from './toast'

export function useCopy() {
  const toast = useToast()
  return async (text: string, what?: string) => {
    const ok = await copyToClipboard(text)
    if (ok) toast.show({ kind: 'success', message: `Copied ${what ?? (text.length > 60 ? text.slice(0, 57) + '…' : text)} to clipboard.` })
    else toast.show({ kind: 'error', message: 'Could not copy to the clipboard (blocked by the browser).' })
    return ok
  }
}

export function CopyButton({ text, label, what }: { text: string; label?: string; what?: string }) {
  const copy = useCopy()
  return (
    <button
      type="button"
      className="copy-btn"
      title={`Copy ${what ?? text}`}
      aria-label={label ?? `Copy ${what ?? text} to clipboard`}
      onClick={(e) => {
        e.preventDefault()
        e.stopPropagation()
        void copy(text, what)
      }}
    >
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
        <path fill="currentColor" d="M5 1h8a2 2 0 0 1 2 2v8h-2V3H5V1zM1 5a2 2 0 0 1 2-2h6a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V5zm2 0v8h6V5H3z" />
      </svg>
    </button>
  )
}
