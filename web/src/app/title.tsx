// Page title shown in the centre of the navigation bar (and in the browser tab).
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'

interface TitleState {
  title: string | null
  set: (t: string | null) => void
}

const TitleContext = createContext<TitleState>({ title: null, set: () => {} })

export function TitleProvider({ children }: { children: ReactNode }) {
  const [title, set] = useState<string | null>(null)
  return <TitleContext.Provider value={{ title, set }}>{children}</TitleContext.Provider>
}

export function useNavTitle(): string | null {
  return useContext(TitleContext).title
}

/**
 * Set the page title: `text` for the browser tab; `navTitle` (optional) is shown in the centre of
 * the navigation bar (the overview shows the logo instead, webui.md §1.6).
 */
export function usePageTitle(text: string, navTitle?: string | null) {
  const { set } = useContext(TitleContext)
  useEffect(() => {
    document.title = text ? `${text} · ELLA` : 'ELLA'
    set(navTitle ?? null)
    return () => set(null)
  }, [text, navTitle, set])
}
