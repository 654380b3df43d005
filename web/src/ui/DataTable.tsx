// Dense data table for work lists. Rows may navigate: the primary cell holds a real <a> (keyboard,
// middle-click, "open in new tab" all work); clicking elsewhere in the row follows the same link.
import type { MouseEvent, ReactNode } from 'react'
import { useNavigate } from 'react-router'

export interface Column<T> {
  key: string
  header: ReactNode
  render: (row: T, index: number) => ReactNode
  /** CSS width, e.g. '7rem' */
  width?: string
  className?: string
  /** header only for screen readers */
  srHeader?: boolean
}

export interface DataTableProps<T> {
  columns: readonly Column<T>[]
  rows: readonly T[]
  rowKey: (row: T) => string | number
  rowHref?: (row: T) => string | null
  /** open row links in a new tab (e.g. lists inside modals) */
  newTab?: boolean
  caption?: string
  rowClassName?: (row: T) => string | undefined
  empty?: ReactNode
}

function isInteractive(el: EventTarget | null, row: HTMLElement): boolean {
  let n = el as HTMLElement | null
  while (n && n !== row) {
    if (/^(A|BUTTON|INPUT|SELECT|TEXTAREA|LABEL|SUMMARY)$/.test(n.tagName) || n.getAttribute('role') === 'button') return true
    n = n.parentElement
  }
  return false
}

export function DataTable<T>({ columns, rows, rowKey, rowHref, newTab, caption, rowClassName, empty }: DataTableProps<T>) {
  const navigate = useNavigate()
  if (!rows.length && empty) return <>{empty}</>

  const onRowClick = (e: MouseEvent<HTMLTableRowElement>, href: string | null) => {
    if (!href || e.button !== 0) return
    if (isInteractive(e.target, e.currentTarget)) return
    if (window.getSelection()?.toString()) return // user is selecting text to copy
    if (newTab || e.ctrlKey || e.metaKey) window.open(href, '_blank', 'noopener')
    else navigate(href)
  }

  return (
    <table className="dtable">
      {caption && <caption className="sr-only">{caption}</caption>}
      <colgroup>
        {columns.map((c) => (
          <col key={c.key} style={c.width ? { width: c.width } : undefined} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={c.className}>
              {c.srHeader ? <span className="sr-only">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const href = rowHref ? rowHref(r) : null
          const extra = rowClassName?.(r)
          return (
            <tr key={rowKey(r)} className={`${href ? 'is-link' : ''}${extra ? ` ${extra}` : ''}`} onClick={href ? (e) => onRowClick(e, href) : undefined}>
              {columns.map((c) => (
                <td key={c.key} className={c.className}>
                  {c.render(r, i)}
                </td>
              ))}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
