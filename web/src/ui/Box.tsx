// Collapsible section box: the basic container of work lists and cards.
import { useId, type ReactNode } from 'react'

export interface BoxProps {
  title: ReactNode
  count?: number | string | undefined
  collapsed?: boolean
  onToggle?: ((collapsed: boolean) => void) | undefined
  controls?: ReactNode
  tone?: 'default' | 'accent' | 'muted'
  busy?: boolean
  children: ReactNode
  className?: string
  headingLevel?: 2 | 3
}

export function Box({ title, count, collapsed = false, onToggle, controls, tone = 'default', busy, children, className, headingLevel = 2 }: BoxProps) {
  const bodyId = useId()
  const H = headingLevel === 2 ? 'h2' : 'h3'
  const heading = (
    <>
      <span className="box-title">{title}</span>
      {count !== undefined && <span className="box-count">{count}</span>}
    </>
  )
  return (
    <section className={`box box-${tone}${collapsed ? ' is-collapsed' : ''}${className ? ` ${className}` : ''}`} aria-busy={busy || undefined}>
      <header className="box-header">
        <H className="box-heading">
          {onToggle ? (
            <button type="button" className="box-toggle" aria-expanded={!collapsed} aria-controls={bodyId} onClick={() => onToggle(!collapsed)}>
              <span className="box-chevron" aria-hidden="true" />
              {heading}
            </button>
          ) : (
            <span className="box-static">{heading}</span>
          )}
        </H>
        {controls && !collapsed && <div className="box-controls">{controls}</div>}
      </header>
      <div id={bodyId} className="box-body" hidden={collapsed}>
        {!collapsed && children}
      </div>
    </section>
  )
}
