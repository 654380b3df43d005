import { pageWindow } from '../lib/pagination'

export interface PagerProps {
  page: number
  totalPages: number
  onChange: (page: number) => void
  /** max number of page-number buttons */
  size?: number
  label?: string
  disabled?: boolean
}

export function Pager({ page, totalPages, onChange, size = 5, label = 'Pages', disabled }: PagerProps) {
  if (totalPages <= 1) return null
  const pages = pageWindow(page, totalPages, size)
  const go = (p: number) => {
    if (!disabled && p !== page && p >= 1 && p <= totalPages) onChange(p)
  }
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="pager-btn" onClick={() => go(1)} disabled={disabled || page <= 1} aria-label="First page">
        «
      </button>
      <button type="button" className="pager-btn" onClick={() => go(page - 1)} disabled={disabled || page <= 1} aria-label="Previous page">
        ‹
      </button>
      {pages.map((p) => (
        <button
          type="button"
          key={p}
          className={`pager-btn${p === page ? ' is-current' : ''}`}
          aria-current={p === page ? 'page' : undefined}
          aria-label={`Page ${p}`}
          onClick={() => go(p)}
          disabled={disabled}
        >
          {p}
        </button>
      ))}
      <button type="button" className="pager-btn" onClick={() => go(page + 1)} disabled={disabled || page >= totalPages} aria-label="Next page">
        ›
      </button>
      <button type="button" className="pager-btn" onClick={() => go(totalPages)} disabled={disabled || page >= totalPages} aria-label="Last page">
        »
      </button>
    </nav>
  )
}
