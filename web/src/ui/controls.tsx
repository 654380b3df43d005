// Small form controls of the design system.
import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react'

export interface SegmentedOption<T extends string> {
  value: T
  label: ReactNode
}

/** Mutually exclusive choice (radio group styled as joined buttons). */
export function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
  hideLabel,
}: {
  label: string
  value: T
  options: readonly SegmentedOption<T>[]
  onChange: (v: T) => void
  hideLabel?: boolean
}) {
  const name = useId()
  return (
    <fieldset className="segmented">
      <legend className={hideLabel ? 'sr-only' : 'field-label'}>{label}</legend>
      <div className="segmented-row">
        {options.map((o) => (
          <label key={o.value} className={`segmented-opt${o.value === value ? ' is-on' : ''}`}>
            <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

/** On/off chip (aria-pressed). */
export function Toggle({ pressed, onChange, children, title }: { pressed: boolean; onChange: (v: boolean) => void; children: ReactNode; title?: string }) {
  return (
    <button type="button" className={`chip${pressed ? ' is-on' : ''}`} aria-pressed={pressed} onClick={() => onChange(!pressed)} title={title}>
      {children}
    </button>
  )
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string
  value: string
  onChange: (v: string) => void
  invalid?: boolean
  hint?: ReactNode
  hideLabel?: boolean
  inputRef?: Ref<HTMLInputElement>
}

export function TextField({ label, value, onChange, invalid, hint, hideLabel, id, className, inputRef, ...rest }: TextFieldProps) {
  const autoId = useId()
  const inputId = id ?? autoId
  const hintId = `${inputId}-hint`
  return (
    <div className={`field${invalid ? ' is-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={inputId} className={hideLabel ? 'sr-only' : 'field-label'}>
        {label}
      </label>
      <input
        id={inputId}
        ref={inputRef}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={hint ? hintId : undefined}
        {...rest}
      />
      {hint && (
        <div id={hintId} className="field-hint">
          {hint}
        </div>
      )}
    </div>
  )
}
