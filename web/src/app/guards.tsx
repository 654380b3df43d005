// "You have unsaved work…" (webui.md §1.1): blocks in-app navigation and arms the browser's
// beforeunload prompt while `dirty`. Used by the workflow pages (later issue).
import { useEffect } from 'react'
import { useBlocker } from 'react-router'

export const UNSAVED_WORK_MESSAGE = 'You have unsaved work. Do you really want to leave this page?'

export function useUnsavedChangesGuard(dirty: boolean) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname)

  useEffect(() => {
    if (blocker.state !== 'blocked') return
    // window.confirm keeps this dependency-free; a styled dialog can replace it with the same API.
    if (window.confirm(UNSAVED_WORK_MESSAGE)) blocker.proceed()
    else blocker.reset()
  }, [blocker])

  useEffect(() => {
    if (!dirty) return
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault()
      e.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [dirty])
}
