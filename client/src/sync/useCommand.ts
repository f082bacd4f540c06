import { useCallback, useEffect, useRef, useState } from 'react'
import { describeFailure } from '../i18n/describeFailure.ts'

export type CommandState = { phase: 'idle' } | { phase: 'saving' } | { phase: 'saved' } | { phase: 'failed'; message: string }

/** Runs a command and tracks it for the UI: saving → saved, or the server's sentence on refusal. */
export function useCommand<A extends unknown[], R>(run: (...args: A) => Promise<R>) {
  const [state, setState] = useState<CommandState>({ phase: 'idle' })
  const isMounted = useRef(true)
  useEffect(() => {
    isMounted.current = true
    return () => {
      isMounted.current = false
    }
  }, [])
  const execute = useCallback(
    async (...args: A): Promise<R | null> => {
      setState({ phase: 'saving' })
      try {
        const result = await run(...args)
        if (isMounted.current) setState({ phase: 'saved' })
        return result
      } catch (error) {
        const message = describeFailure(error, true)
        if (isMounted.current) setState({ phase: 'failed', message })
        return null
      }
    },
    [run],
  )
  return { state, execute, reset: () => setState({ phase: 'idle' }) }
}
