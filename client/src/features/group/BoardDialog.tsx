import { useEffect, useRef, type ReactNode } from 'react'

/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the page inert (focus stays inside),
 * Escape closes it, and the caller returns focus to where the person was.
 */
export function BoardDialog({
  labelledBy,
  onClose,
  children,
  className = '',
}: {
  labelledBy: string
  onClose: () => void
  children: ReactNode
  className?: string
}) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      if (dialog?.open) dialog.close()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className={`board-dialog ${className}`}
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      {children}
    </dialog>
  )
}
