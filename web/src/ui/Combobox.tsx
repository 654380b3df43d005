// Searchable select with remote options (ARIA 1.2 combobox pattern): type to search, ↑/↓ to
// move, Enter to pick, Esc to close, × to clear. The parent owns the (debounced) search.
import { useEffect, useId, useRef, useState } from 'react'

export interface ComboboxProps<T> {
  label: string
  value: T | null
  onChange: (v: T | null) => void
  /** called with the typed text; the parent debounces and fetches `options` */
  onInputChange: (text: string) => void
  options: readonly T[]
  getLabel: (o: T) => string
  getKey: (o: T) => string
  loading?: boolean
  placeholder?: string
  hideLabel?: boolean
  noResultsText?: string
}

export function Combobox<T>({
  label,
  value,
  onChange,
  onInputChange,
  options,
  getLabel,
  getKey,
  loading,
  placeholder,
  hideLabel,
  noResultsText = 'No matches',
}: ComboboxProps<T>) {
  const id = useId()
  const listId = `${id}-list`
  const [text, setText] = useState(value ? getLabel(value) : '')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const inputRef = useRef<HTMLInputElement>(null)
  const rootRef = useRef<HTMLDivElement>(null)

  // Keep the text in sync when the value is changed from outside (reset, restore) — but not when
  // the user cleared the value by typing, or the typed text would be wiped.
  const selectedLabel = value ? getLabel(value) : ''
  const clearedByTyping = useRef(false)
  useEffect(() => {
    if (clearedByTyping.current) {
      clearedByTyping.current = false
      return
    }
    setText(selectedLabel)
  }, [selectedLabel])

  useEffect(() => {
    if (active >= options.length) setActive(0)
  }, [options.length, active])

  useEffect(() => {
    if (!open) return
    const onDoc = (e: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) {
        setOpen(false)
        if (value) setText(getLabel(value))
      }
    }
    document.addEventListener('mousedown', onDoc)
    return () => document.removeEventListener('mousedown', onDoc)
  }, [open, value, getLabel])

  const pick = (o: T) => {
    onChange(o)
    setText(getLabel(o))
    setOpen(false)
  }

  const showList = open && text.trim().length > 0 && (!value || text !== getLabel(value))

  return (
    <div className="combobox" ref={rootRef}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'field-label'}>
        {label}
      </label>
      <div className="combobox-control">
        <input
          id={id}
          ref={inputRef}
          className="input"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && options.length ? `${id}-opt-${active}` : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={text}
          onChange={(e) => {
            const t = e.target.value
            setText(t)
            setOpen(true)
            setActive(0)
            if (value) {
              clearedByTyping.current = true
              onChange(null)
            }
            onInputChange(t)
          }}
          onFocus={() => text && setOpen(true)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault()
              setOpen(true)
              setActive((a) => Math.min(a + 1, Math.max(0, options.length - 1)))
            } else if (e.key === 'ArrowUp') {
              e.preventDefault()
              setActive((a) => Math.max(a - 1, 0))
            } else if (e.key === 'Enter') {
              if (showList && options[active]) {
                e.preventDefault()
                pick(options[active])
              }
            } else if (e.key === 'Escape') {
              if (showList) {
                e.preventDefault()
                e.stopPropagation()
                setOpen(false)
              }
            }
          }}
        />
        {(value || text) && (
          <button
            type="button"
            className="combobox-clear"
            aria-label={`Clear ${label}`}
            onClick={() => {
              setText('')
              onChange(null)
              onInputChange('')
              inputRef.current?.focus()
            }}
          >
            ×
          </button>
        )}
      </div>
      <ul id={listId} role="listbox" className="combobox-list" hidden={!showList} aria-label={label}>
        {showList &&
          options.map((o, i) => (
            <li
              key={getKey(o)}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault() // keep focus in the input
                pick(o)
              }}
              onMouseEnter={() => setActive(i)}
            >
              {getLabel(o)}
            </li>
          ))}
        {showList && !options.length && (
          <li className="combobox-empty" aria-disabled="true">
            {loading ? 'Searching…' : noResultsText}
          </li>
        )}
      </ul>
    </div>
  )
}
